-- formal.lua: a formal tone.  No contractions, "Dear" and the full name,
-- "Kind regards".  Use it with `tone: formal` in a note, or --filter.
-- It acts on the composed draft through the `draft` hook.

-- Contractions and their long forms; the first letter's case is kept.
local long = {
  ["i'm"] = "I am", ["i've"] = "I have", ["i'd"] = "I would",
  ["i'll"] = "I will", ["we're"] = "we are", ["we've"] = "we have",
  ["you're"] = "you are", ["you've"] = "you have", ["it's"] = "it is",
  ["that's"] = "that is", ["there's"] = "there is", ["let's"] = "let us",
  ["don't"] = "do not", ["doesn't"] = "does not", ["didn't"] = "did not",
  ["can't"] = "cannot", ["couldn't"] = "could not", ["won't"] = "will not",
  ["wouldn't"] = "would not", ["shouldn't"] = "should not",
  ["isn't"] = "is not", ["aren't"] = "are not", ["wasn't"] = "was not",
  ["weren't"] = "were not", ["haven't"] = "have not",
  ["hasn't"] = "has not", ["hadn't"] = "had not",
}

-- Expands the contractions of a text, straight or typographic apostrophe.
local function expand(text)
  text = text:gsub("\u{2019}", "'")
  -- %f[%a] starts a match only where a word starts: linear in the text
  return (text:gsub("%f[%a](%a+'%a+)", function(word)
    local repl = long[word:lower()]
    if not repl then return word end
    if word:sub(1, 1):match("%u") then
      repl = repl:sub(1, 1):upper() .. repl:sub(2)
    end
    return repl
  end))
end

local function draft(d)
  for i, p in ipairs(d.paragraphs or {}) do d.paragraphs[i] = expand(p) end
  if d.to and d.to.name then
    d.greeting = "Dear " .. sr.escape(d.to.name) .. ","
  end
  d.closing = "Kind regards,"
end

return {draft = draft}
