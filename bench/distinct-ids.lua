-- wrk: each request asks for an id of its own (the path's last segment, then "t", the thread, "n" and
-- a count: letters and digits, as a Baidu id takes them), so that SnapGate neither keeps an answer nor
-- shares a read under way between requests, and every request costs one upstream call, as it does
-- through a proxy. The stub answers any id with the same document.
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

local count = 0

function request()
  count = count + 1
  return wrk.format(nil, wrk.path .. "t" .. thread_id .. "n" .. count)
end
