-- An error object whose __tostring returns 10 MB.
return {note = function()
  error(setmetatable({}, {__tostring = function() return ("x"):rep(10 << 20) end}))
end}
