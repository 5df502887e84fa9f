return {
  score = function() return 1 end,
  frobnicate = function() end,
}
