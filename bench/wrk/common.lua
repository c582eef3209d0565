-- Shared by the scenario scripts: the bearer header, a per-thread request counter that makes
-- each request's data distinct across threads, and the summary bench/run.py reads (one JSON line).
local common = {}

local threads = {}
local count = 0

function common.setup(thread)
  thread:set("thread_index", count)
  count = count + 1
  table.insert(threads, thread)
end

function common.headers(json)
  local headers = {}
  local token = os.getenv("BENCH_TOKEN")
  if token and token ~= "" then
    headers["Authorization"] = "Bearer " .. token
  end
  if json then
    headers["Content-Type"] = "application/json"
  end
  return headers
end

-- The n-th request of this thread, numbered across all threads: 0, 1, 2, ... without repeats.
local sent = 0
function common.next_number()
  local n = sent * tonumber(os.getenv("BENCH_THREADS")) + thread_index
  sent = sent + 1
  return n
end

function common.done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "non_2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end

return common
