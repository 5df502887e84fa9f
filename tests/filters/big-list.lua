-- A draft hook that claims a huge list: counted to the first nil, capped.
return {draft = function(d)
  local t = {}
  for i = 1, 20000 do t[i] = "x" end
  t[math.maxinteger] = "y"
  d.paragraphs = t
end}
