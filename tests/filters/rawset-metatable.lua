-- Nor through rawset, nor by setting one on a string.
return {note = function()
  local mt = getmetatable("")
  assert(mt == false, "getmetatable(\"\") gave the metatable")
  setmetatable("", {})
end}
