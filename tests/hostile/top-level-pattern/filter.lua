-- Backtracking in the C pattern matcher at a filter's top level, which
-- runs in the main process before any worker.
string.find(("a"):rep(50), ("a?"):rep(50) .. ("a"):rep(50))
return {}
