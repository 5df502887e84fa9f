-- The issue's reproduction: fill and drop each 16-byte size class (12 MiB
-- of strings each): a block freed in one class cannot serve another, and
-- the cap counted blocks, not the slabs they are cut from.
return {note = function()
  for c = 2, 31 do
    local t = {}
    local s = string.rep("x", c * 16 - 30)
    for i = 1, (12 << 20) // (c * 16) do t[i] = s .. (i % 10) .. i end
    t = nil
  end
end}
