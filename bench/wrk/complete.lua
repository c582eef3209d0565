-- PUT /api/appointments/{id} {"status": "completed"}: scheduled appointments made for this run,
-- ids from BENCH_FIRST_ID on, each completed once.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
setup, done = common.setup, common.done

function init(args)
  headers = common.headers(true)
  first = tonumber(os.getenv("BENCH_FIRST_ID"))
end

function request()
  local id = first + common.next_number()
  return wrk.format("PUT", "/api/appointments/" .. id, headers, '{"status": "completed"}')
end
