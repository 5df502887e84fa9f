-- default.lua: the built-in selection, always loaded first.
--
-- It picks the points for the article's three short paragraphs:
--   1. thanks, naming the moment that connected (what excited them, or
--      what excited you);
--   2. their problem answered by your strongest evidence (ideally what you
--      did not get to say), and the guidance you took on board;
--   3. the honest correction of what you would say differently.
-- Within each role the highest-scored points win; a point tagged #must is
-- always taken; then, while the chosen points are over the word budget, the
-- lowest-scored optional one is dropped.  The best point of each core role
-- (the connection, their problem, your evidence, the correction) is never
-- dropped: without it the draft would not be the article's.  Each point left out gets a
-- `why_not` that `secondround explain` shows.
--
-- A filter of your own can replace this by defining `select` (the last one
-- defined wins).

-- The roles, in the order of the draft: section key, paragraph, how many.
local roles = {
  {key = "excited_them",    paragraph = 1, role = "connect",    max = 1},
  {key = "excited_me",      paragraph = 1, role = "connect",    max = 1},
  {key = "problems",        paragraph = 2, role = "problem",    max = 1},
  {key = "not_said",        paragraph = 2, role = "evidence",   max = 2},
  {key = "guidance",        paragraph = 2, role = "guidance",   max = 1},
  {key = "say_differently", paragraph = 3, role = "correction", max = 1},
}
local core = {connect = true, problem = true, evidence = true,
              correction = true}

-- Words the template around the points takes (greeting, thanks, close).
local TEMPLATE_WORDS = 45

local function by_score(a, b)
  if a.score ~= b.score then return a.score > b.score end
  return a.line < b.line
end

local function select(points, note)
  local budget = (note.max_words or 150) - TEMPLATE_WORDS
  local chosen = {}

  for _, r in ipairs(roles) do
    local candidates = {}
    for _, p in ipairs(note.sections[r.key] or {}) do
      if not p.skip then candidates[#candidates + 1] = p end
    end
    table.sort(candidates, by_score)
    local taken = 0
    for _, p in ipairs(candidates) do
      if taken < r.max or p.tags.must then
        p.paragraph, p.role = r.paragraph, r.role
        chosen[#chosen + 1] = p
        taken = taken + 1
      else
        p.why_not = string.format("a higher-scored %s point was taken",
                                  r.role)
      end
    end
  end

  -- Keep within the budget: drop the lowest-scored optional point; the
  -- best point of each paragraph and every #must point stay.
  local function words()
    local n = 0
    for _, p in ipairs(chosen) do n = n + p.words end
    return n
  end
  local function kept(p)
    if p.tags.must then return true end
    if not core[p.role] then return false end
    for _, q in ipairs(chosen) do
      if q ~= p and q.role == p.role and by_score(q, p) then return false end
    end
    return true
  end
  while words() > budget do
    local worst
    for i, p in ipairs(chosen) do
      if not kept(p) and
         (worst == nil or by_score(chosen[worst], p)) then
        worst = i
      end
    end
    if worst == nil then break end
    local p = table.remove(chosen, worst)
    p.paragraph, p.role = nil, nil
    p.why_not = string.format("over the word budget (%d words for points)",
                              budget)
  end

  -- In the order of the draft: by paragraph, then as the roles come.
  for _, p in ipairs(points) do
    if not p.paragraph and not p.why_not then
      if p.skip then
        p.why_not = "skipped"
      elseif p.section == "other" or p.section == "private" then
        p.why_not = "not one of the six questions"
      end
    end
  end
  return chosen
end

return {select = select}
