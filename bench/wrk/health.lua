-- GET /api/health, measured while other clients log in.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
setup, done = common.setup, common.done
wrk.path = "/api/health"
