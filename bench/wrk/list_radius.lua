-- GET requests.json?lat=..&long=..&radius=500&status=open: a random point in the city, open,
-- the default window (last 90 days).
-- Arguments: LAT LONG KM (centre, and half-side of the square the points are drawn from)
local common = dofile("common.lua")
local lat, long, km

function init(args)
  common.seed()
  lat, long, km = tonumber(args[1]), tonumber(args[2]), tonumber(args[3])
end

function request()
  local y, x = common.point(lat, long, km)
  return wrk.format("GET", string.format("/open311/v2/requests.json?lat=%.6f&long=%.6f&radius=500&status=open", y, x))
end

done = common.done
