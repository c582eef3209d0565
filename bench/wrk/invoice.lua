-- POST /api/invoices: completed, charged appointments made for this run, ids from
-- BENCH_FIRST_ID on, each invoiced once.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
setup, done = common.setup, common.done

function init(args)
  headers = common.headers(true)
  first = tonumber(os.getenv("BENCH_FIRST_ID"))
end

function request()
  local body = string.format('{"appointment_id": %d}', first + common.next_number())
  return wrk.format("POST", "/api/invoices", headers, body)
end
