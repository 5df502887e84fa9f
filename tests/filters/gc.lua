-- A finalizer would run in a later note: refused.
return {note = function()
  setmetatable({}, {__gc = function() LEAKED = true end})
end}
