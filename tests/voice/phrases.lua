-- phrases.lua: a test filter that changes a few phrases of the phrasebook
-- (merged over it a slot at a time): the greeting, the closing, and one
-- wording of one slot.
return {
  phrases = {
    greeting = "Hey {first},",
    closing = "Cheers,",
    problem = {past = "You said you {lower}, which stayed with me."},
  },
}
