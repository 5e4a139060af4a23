-- A polling app: GET one URL, keep its ETag and Last-Modified, then ask again with If-None-Match and
-- If-Modified-Since, as an app that checks for changes does. The same URL every time. A server without
-- validators (the baseline) answers its full 200 every time, which is what a 304 is compared with.
-- The RESULT line adds not_modified=N (responses 304) and full=N (responses 200).
-- Arguments: PATH
local common = dofile("common.lua")
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  wrk.path = args[1]
  not_modified, full = 0, 0
end

function request()
  return wrk.format("GET", wrk.path)
end

function response(status, headers, body)
  if status == 304 then
    not_modified = not_modified + 1
  elseif status == 200 then
    full = full + 1
    -- Validators of the latest full answer (header names as the server sent them).
    for name, value in pairs(headers) do
      local lower = string.lower(name)
      if lower == "etag" then
        wrk.headers["If-None-Match"] = value
      elseif lower == "last-modified" then
        wrk.headers["If-Modified-Since"] = value
      end
    end
  end
end

function done(summary, latency, requests)
  local counted_304, counted_200 = 0, 0
  for _, thread in ipairs(threads) do
    counted_304 = counted_304 + thread:get("not_modified")
    counted_200 = counted_200 + thread:get("full")
  end
  common.done(summary, latency, requests, string.format(" not_modified=%d full=%d", counted_304, counted_200))
end
