-- GET requests/{id}.json for a random id among the seeded ones.
-- Arguments: MAX_ID
local common = dofile("common.lua")
local max_id

function init(args)
  common.seed()
  max_id = tonumber(args[1])
end

function request()
  return wrk.format("GET", "/open311/v2/requests/" .. math.random(1, max_id) .. ".json")
end

done = common.done
