-- GET /api/appointments?provider_user_id=&date_from=&date_to=&per_page=100: a provider's week.
local common = dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
setup, done = common.setup, common.done

local function split(text)
  local items = {}
  for item in string.gmatch(text, "[^,]+") do
    table.insert(items, item)
  end
  return items
end

function init(args)
  math.randomseed(thread_index + 1)
  headers = common.headers(false)
  providers = split(os.getenv("BENCH_PROVIDERS"))
  mondays = split(os.getenv("BENCH_MONDAYS"))  -- "YYYY-MM-DD/YYYY-MM-DD" (Monday/Sunday)
end

function request()
  local week = mondays[math.random(#mondays)]
  local from, to = string.match(week, "([^/]+)/([^/]+)")
  local path = "/api/appointments?provider_user_id=" .. providers[math.random(#providers)]
    .. "&date_from=" .. from .. "&date_to=" .. to .. "&per_page=100"
  return wrk.format("GET", path, headers)
end
