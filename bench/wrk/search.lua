-- GET /api/patients?search=<fragment>: fragments of last names drawn like the registry's
-- (one per line in BENCH_SEARCH_FILE, already URL-encoded).
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
setup, done = common.setup, common.done

function init(args)
  math.randomseed(thread_index + 1)
  headers = common.headers(false)
  fragments = {}
  for line in io.lines(os.getenv("BENCH_SEARCH_FILE")) do
    table.insert(fragments, line)
  end
end

function request()
  return wrk.format("GET", "/api/patients?search=" .. fragments[math.random(#fragments)], headers)
end
