-- Shared by the wrk scripts (loaded with dofile, so wrk runs with bench/wrk as its directory).
local common = {}

-- Each wrk thread has its own Lua state: seed each differently.
function common.seed()
  math.randomseed(os.time() * 1000 + math.floor(os.clock() * 1e6) % 1000)
end

-- A random point in the square of half-side `km` around lat/long (degrees).
function common.point(lat, long, km)
  local dlat = km / 111.32
  local dlong = km / (111.32 * math.cos(math.rad(lat)))
  return lat + (math.random() * 2 - 1) * dlat, long + (math.random() * 2 - 1) * dlong
end

-- One line that bench/run.sh parses; latencies in ms. non2xx (4xx and 5xx: wrk does not count a 304) must be 0
-- for a run to count. `extra`: more key=value pairs for the line (conditional.lua's 304 count).
function common.done(summary, latency, requests, extra)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p99_ms=%.3f non2xx=%d socket_errors=%d%s\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, extra or ""))
end

return common
