-- wrk script for clerk.sh: a mixed permit-desk workload. Each wrk thread is one clerk with ONE connection
-- (run with -c equal to -t), walking a cycle of five requests: create a SCIA draft, put its data (If-Match),
-- file it (trigger presentazione: validation, pins, clock), read it back, list the office's applications.
-- Prints one RESULT line (same format as report.lua) plus the per-step failures.
local key = os.getenv("API_KEY")
local f = assert(io.open(os.getenv("BODY_FILE"), "rb"))
local data = f:read("*a")
f:close()

local step, id, version = 0, nil, nil
local failures = 0
local headers = { ["X-Api-Key"] = key, ["Content-Type"] = "application/json" }

request = function()
  if step == 0 then
    return wrk.format("POST", "/api/v1/applications", headers, '{"municipality":"015146","regime":"scia"}')
  elseif step == 1 then
    local h = { ["X-Api-Key"] = key, ["Content-Type"] = "application/json", ["If-Match"] = '"' .. version .. '"' }
    return wrk.format("PUT", "/api/v1/applications/" .. id .. "/data", h, data)
  elseif step == 2 then
    return wrk.format("POST", "/api/v1/applications/" .. id .. "/triggers/presentazione", headers, "{}")
  elseif step == 3 then
    return wrk.format("GET", "/api/v1/applications/" .. id, { ["X-Api-Key"] = key })
  else
    return wrk.format("GET", "/api/v1/applications?municipality=015146&page=1&pageSize=20", { ["X-Api-Key"] = key })
  end
end

response = function(status, headers, body)
  if status >= 300 then
    failures = failures + 1
    step = 0 -- start a new cycle with a new draft
    return
  end
  if step == 0 then
    id = body:match('"id"%s*:%s*"([^"]+)"')
    version = (headers["ETag"] or headers["etag"] or '"1"'):gsub('"', "")
  elseif step == 1 then
    version = (headers["ETag"] or headers["etag"] or ""):gsub('"', "")
  end
  step = (step + 1) % 5
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT rps=%.1f p50_ms=%.3f p99_ms=%.3f requests=%d socket_errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, e.connect + e.read + e.write + e.timeout, e.status))
end
