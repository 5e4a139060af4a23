-- An admin API call with a bearer token: the same URL every time (the statistics of a period ending now).
-- Arguments: TOKEN PATH.
local common = dofile("common.lua")
done = common.done

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. args[1]
  wrk.path = args[2]
end
