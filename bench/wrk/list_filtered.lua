-- GET requests.json?service_code=X&status=open: one random public service, open, the default
-- window (last 90 days), newest first, at most 1,000.
-- Arguments: CODES (comma-separated)
local common = dofile("common.lua")
local codes = {}

function init(args)
  common.seed()
  for code in string.gmatch(args[1], "[^,]+") do
    codes[#codes + 1] = code
  end
end

function request()
  return wrk.format("GET", "/open311/v2/requests.json?service_code=" .. codes[math.random(#codes)] .. "&status=open")
end

done = common.done
