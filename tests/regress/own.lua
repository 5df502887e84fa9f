-- A filter a note names in its own front matter (found beside the note).
return {note = function(note) sr.log("own filter ran for", note.company) end}
