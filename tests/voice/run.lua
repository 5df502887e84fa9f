-- run.lua: runs the voice's cases (cases.lua) through the rules of the
-- shipped voice.lua, from a note hook, and logs each failure and the count
-- "voice: N passed, N failed".  tests/run.sh runs it with `secondround
-- check tests/voice/note.md --filter tests/voice/run.lua`.

local voice = require "voice"
local cases = require "cases"
local fluency = require "fluency"
local leads = voice.leads(require "phrasebook_en")

local function note(n)
  local pass, fail = 0, 0
  for i, c in ipairs(cases) do
    local rule, input, want, ctx = c[1], c[2], c[3], c[4] or {}
    local who = ctx.who and voice.person(ctx.who, nil)
    local got
    if rule == "normalize" then got = voice.normalize(input)
    elseif rule == "address" then got = voice.address(input, who, ctx.company)
    elseif rule == "form" then got = voice.form(input)
    elseif rule == "article" then got = voice.article(input)
    elseif rule == "expand" then got = voice.expand(input)
    elseif rule == "nothing" then got = voice.nothing(input)
    elseif rule == "unresolved" then got = voice.unresolved(input, who)
    elseif rule == "sentences" then
      got = table.concat(voice.sentences(input), "|")
    elseif rule == "smalltalk" then got = voice.is_smalltalk(input)
    elseif rule == "subject_verb" then got = voice.subject_verb(input)
    elseif rule == "lower_first" then got = voice.lower_first(input)
    elseif rule == "own" then got = voice.own(input)
    elseif rule == "splice" then got = voice.splice(input)
    elseif rule == "drop_asides" then got = voice.drop_asides(input)
    elseif rule == "state" then got = voice.state(input)
    elseif rule == "result" then got = voice.result(input)
    elseif rule == "noun_article" then got = voice.noun_article(input)
    elseif rule == "reported" then got = voice.reported(input)
    elseif rule == "drop_brackets" then got = voice.drop_brackets(input)
    elseif rule == "head_phrase" then got = voice.head_phrase(input, ctx.lists)
    elseif rule == "tidy" then got = voice.tidy(input)
    elseif rule == "and_list" then got = voice.and_list(input)
    elseif rule == "their_to_yours" then got = voice.their_to_yours(input)
    elseif rule == "kept_out" then got = voice.kept_out(input)
    elseif rule == "backshift" then got = voice.backshift(input)
    elseif rule == "cue" then
      local key, text = voice.cue(input)
      got = key and key .. "|" .. text or "nil"
    elseif rule == "written" then
      got = voice.written(input, leads, true) or "nil"
    end
    if got == want then
      pass = pass + 1
    else
      fail = fail + 1
      sr.log(string.format("case %d (%s) %q: got %q, want %q", i, rule,
        input, tostring(got), tostring(want)))
    end
  end
  -- the sentence check against the editors' labels: it passes every
  -- sentence they would send, and catches at least a floor of the rest
  local caught = 0
  for i, f in ipairs(fluency) do
    local ok, why = voice.fluent(f[2], leads)
    if f[1] and not ok then
      fail = fail + 1
      sr.log(string.format("fluency %d: an editor would send %q; the " ..
        "check says %s", i, f[2], why))
    elseif not f[1] and not ok then
      pass, caught = pass + 1, caught + 1
    elseif f[1] then
      pass = pass + 1
    end
  end
  -- voice.brackets is s:gsub("%s*%b()", fn) in one pass: the same text
  for _, s in ipairs({"a (b) c", "a  (b (c) d) e", "((a) b", "a (b", "a) (b)",
      "(a)(b) c", "x ((((y)", "no brackets", "a\t(b)\n(c)", "((( )))) ((",
      "end (x)"}) do
    local drop = function(b) if b:find("c") then return "" end end
    for _, fn in ipairs({function() return "" end, drop,
        function(b) return "[" .. b .. "]" end}) do
      local want = s:gsub("%s*(%b())", fn)
      local got = voice.brackets(s, fn)
      if got == want then pass = pass + 1 else
        fail = fail + 1
        sr.log(string.format("brackets %q: got %q, want %q", s, got, want))
      end
    end
    local want = s:gsub("%b()", "")
    local got = voice.brackets(s, function() return "" end, false)
    if got == want then pass = pass + 1 else
      fail = fail + 1
      sr.log(string.format("brackets %q (no spaces): got %q, want %q", s,
        got, want))
    end
  end
  if caught < 50 then
    fail = fail + 1
    sr.log(string.format("fluency: the check caught %d of the sentences " ..
      "editors marked, fewer than 50", caught))
  end
  sr.log(string.format("voice: %d passed, %d failed", pass, fail))
end

return {note = note}
