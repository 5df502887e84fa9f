-- A note whose filter run only the watchdog can end: its worker dies.
return {note = function(note)
  if note.company == "Co3" then
    string.find(("a"):rep(50), ("a?"):rep(50) .. ("a"):rep(50))
  end
end}
