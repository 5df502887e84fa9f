-- string.dump is not reachable through the string metatable either.
return {note = function()
  assert(("").dump == nil, "string.dump reachable")
  local ok = pcall(require, "nosuch")
  assert(not ok)
end}
