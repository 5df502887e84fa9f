local function deeper(n) return 1 + deeper(n + 1) end
return {note = function() return deeper(1) end}
