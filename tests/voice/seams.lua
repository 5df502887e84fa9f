-- seams.lua: a composer that writes every seam the draft lint must find,
-- one sentence each, from the note's first point (so that each warning is
-- placed at that point's line).  tests/run.sh compares what `check` says
-- with tests/voice/expected/seams.check.
return {
  select = function(points) return {points[1]} end,
  compose = function(chosen, note)
    local p = chosen[1]
    p.paragraph, p.role = 1, "connect"
    return {
      subject = "Our conversation",
      greeting = "Dear Maria,",
      paragraphs = {
        p.text .. " about.",
        "you was right about " .. p.text .. ".",
        "I I led " .. p.text .. "!.",
        "We talked abt " .. p.text .. " w/ your team.",
        "She asked about " .. p.text .. ".",
        "I enjoyed @maria and #tag on " .. p.text .. ".",
        "Rollbacks went 20% -> 3% on " .. p.text .. ".",
        "I look forward to hearing from you about " .. p.text .. ".",
      },
      closing = "Best regards,",
    }
  end,
}
