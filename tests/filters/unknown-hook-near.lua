return {
  score = function(p) return 1 end,
  drafts = function(d)
    d.subject = "y"
  end,
}
