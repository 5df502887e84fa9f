-- Hooks may be global functions, as in pandoc's filters.
function score(point, note)
  if point.strong then return 5, "bold" end
end
