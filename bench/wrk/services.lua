-- GET services.json: the same URL every time (the catalogue).
local common = dofile("common.lua")
done = common.done
