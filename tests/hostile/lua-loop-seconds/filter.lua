-- A loop the instruction budget (set high here) would end far too late.
return {note = function()
  while true do end
end}
