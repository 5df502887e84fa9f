-- An infinite loop in the first note; the second note runs normally.
return {score = function(point, note)
  if note.path:find("basic") then while true do end end
  return 0
end}
