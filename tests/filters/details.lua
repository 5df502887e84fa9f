-- A point's nested items reach filters as point.details, each a point of
-- its own with text and words.
return {score = function(p)
  for i, d in ipairs(p.details) do
    print(string.format("line %d, detail %d of %d: %s (%d words)", p.line, i,
                        #p.details, d.text, d.words))
  end
  return 0
end}
