-- warm.lua: a warm tone.  The interviewer's first name, and a warmer
-- close.  Use it with `tone: warm` in a note, or --filter.
-- It acts on the composed draft through the `draft` hook.

local function first_name(name)
  return name and name:match("^%s*(%S+)") or nil
end

local function draft(d)
  local first = first_name(d.to and d.to.name)
  if first then d.greeting = "Hi " .. sr.escape(first) .. "," end
  d.closing = "Warm wishes,"
end

return {draft = draft}
