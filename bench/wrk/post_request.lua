-- POST requests.json, form-encoded: a realtime service at a random point in the city, with a
-- description and the client app's api_key.
-- Arguments: API_KEY SERVICE_CODE LAT LONG KM
local common = dofile("common.lua")
local api_key, service_code, lat, long, km
local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }

function init(args)
  common.seed()
  api_key, service_code = args[1], args[2]
  lat, long, km = tonumber(args[3]), tonumber(args[4]), tonumber(args[5])
end

function request()
  local y, x = common.point(lat, long, km)
  local body = string.format(
    "api_key=%s&service_code=%s&lat=%.6f&long=%.6f&description=%s",
    api_key, service_code, y, x, "Load+test%3A+overflowing+bin+next+to+the+bus+stop")
  return wrk.format("POST", "/open311/v2/requests.json", headers, body)
end

done = common.done
