-- POST /api/login: the bench's login users in turn (bcrypt at its real cost), so that no
-- account sees many attempts at once.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
setup, done = common.setup, common.done

function init(args)
  headers = common.headers(true)
  users = tonumber(os.getenv("BENCH_LOGIN_USERS"))
  password = os.getenv("BENCH_LOGIN_PASSWORD")
end

function request()
  local body = string.format('{"email": "bench-login-%d@clinichub.test", "password": "%s"}',
    common.next_number() % users, password)
  return wrk.format("POST", "/api/login", headers, body)
end
