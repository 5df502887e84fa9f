-- No binary chunks: string.dump is gone, and load takes text only.
return {note = function(note)
  if note.path:find("basic") then
    return load(string.dump(function() end))
  end
  local f, err = load("\27LuaT\0\25\147\r\n\26\n")
  assert(f == nil and err:find("binary chunk"), "a binary chunk loaded")
  assert(load("return 1 + 1")() == 2, "text chunks load")
end}
