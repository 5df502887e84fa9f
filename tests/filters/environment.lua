-- Everything a filter's environment holds, sorted: each global with its
-- type, and each library's fields.  The expected output is the allow-list;
-- anything added to it (dofile, io, loadfile, string.dump) shows here.
local function keys(t)
  local out = {}
  for k, v in pairs(t) do out[#out + 1] = tostring(k) .. ":" .. type(v) end
  table.sort(out)
  return out
end

return {note = function(note)
  if not note.path:find("basic") then return end
  for _, g in ipairs(keys(_ENV)) do
    local name = g:match("^[^:]+")
    if type(_ENV[name]) == "table" and name ~= "_G" then
      print(g .. " " .. table.concat(keys(_ENV[name]), " "))
    else
      print(g)
    end
  end
end}
