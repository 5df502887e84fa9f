-- Global functions named nearly as hooks never run: each is warned
-- about with its line and the hook meant; a helper is not.
local budget = 100

function Draft(d, note)
  d.subject = "never set"
end

function scores(p) return 1 end

function compse(chosen, note) return nil end

function scorer(p) return budget end

function score(p) return 1, "the real hook" end
