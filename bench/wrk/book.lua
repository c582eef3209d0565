-- POST /api/appointments: every request a distinct free slot inside working hours (hourly,
-- 08:00 to 17:00, Monday to Friday, weeks from BENCH_BASE_EPOCH, a Monday 00:00 UTC), the
-- providers in turn, and at one slot a different patient for each provider.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
setup, done = common.setup, common.done

function init(args)
  headers = common.headers(true)
  providers = {}
  for id in string.gmatch(os.getenv("BENCH_PROVIDERS"), "[^,]+") do
    table.insert(providers, id)
  end
  base = tonumber(os.getenv("BENCH_BASE_EPOCH"))
end

function request()
  local n = common.next_number()
  local slot = math.floor(n / #providers)
  local day = math.floor(slot / 10)
  local start = base + (math.floor(day / 5) * 7 + day % 5) * 86400 + (8 + slot % 10) * 3600
  local body = string.format(
    '{"patient_id": %d, "provider_user_id": %s, "scheduled_start": "%s", "scheduled_end": "%s", "reason": "Benchmark visit"}',
    n % 10000 + 1, providers[n % #providers + 1],
    os.date("!%Y-%m-%dT%H:%M:%SZ", start), os.date("!%Y-%m-%dT%H:%M:%SZ", start + 1800))
  return wrk.format("POST", "/api/appointments", headers, body)
end
