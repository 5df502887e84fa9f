-- direct.lua: an example of a custom tone filter, kept in the notes
-- repository's own filters/ folder.  A note asks for it with `tone: direct`
-- (or `filters: [direct]`); secondround looks beside the note, then in the
-- nearest filters/ folder above it, then among the shipped filters.
--
-- It changes the tone through the `draft` hook, after the default composer
-- has written the email: a first-name greeting, plainer wording, a concrete
-- ask at the end.  Run `secondround explain` to see what was chosen, and
-- read the draft to see what this filter did to it.

-- Phrases of the default composer and their plainer forms.
local plainer = {
  {"I was glad we got to talk about ", "We talked about "},
  {"I enjoyed hearing that ", "It was good to hear that "},
  {"I would welcome the next conversation and can make time this week.",
   "Could we set up the next conversation this week?"},
}

local function draft(d)
  local first = d.to and d.to.name and d.to.name:match("^(%S+)")
  if first then d.greeting = sr.escape(first) .. "," end
  for i, p in ipairs(d.paragraphs) do
    for _, swap in ipairs(plainer) do
      -- plain find and replace: the phrases hold no patterns
      local from, to = swap[1], swap[2]
      local at = p:find(from, 1, true)
      if at then p = p:sub(1, at - 1) .. to .. p:sub(at + #from) end
    end
    d.paragraphs[i] = p
  end
  d.closing = "Thanks,"
end

return {draft = draft}
