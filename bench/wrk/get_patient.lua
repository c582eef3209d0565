-- GET /api/patients/{id}: a patient drawn at random from the 1,000,000.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
setup, done = common.setup, common.done
local patients = tonumber(os.getenv("BENCH_PATIENTS"))

function init(args)
  math.randomseed(thread_index + 1)
  headers = common.headers(false)
end

function request()
  return wrk.format("GET", "/api/patients/" .. math.random(1, patients), headers)
end
