-- direct.lua: an example of a custom tone filter, kept in the notes
-- repository's own filters/ folder.  A note asks for it with `tone: direct`
-- (or `filters: [direct]`); secondround looks beside the note, then in the
-- nearest filters/ folder above it, then among the shipped filters.
--
-- A tone is a `phrases` table: the phrases of the default composer it
-- changes (see phrasebook_en.lua among the shipped filters for all of
-- them), merged over the defaults a slot at a time.  The composer then
-- words the whole email with them.  Run `secondround explain` to see what
-- was chosen, and read the draft to see the voice.

return {
  phrases = {
    greeting = "{first},",
    greeting_titled = "{first},",
    closing = "Thanks,",
    thanks = {
      role_company = "Thanks for the time on the {role} role.",
      role = "Thanks for the time on the {role} role.",
    },
    connect = {
      noun = "We talked about {lower}.",
      clause = "We talked about how {lower}.",
    },
    excited = {
      clause = "Good to hear that {lower}.",
      noun = "Good to hear about {lower}.",
    },
    correction = "A correction:",
    available = "Could we set up the next conversation this week?",
  },
}
