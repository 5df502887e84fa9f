-- The lua.org list's bug of Lua 5.4.4 "C-stack overflow with deep nesting
-- of coroutine.close", unfixed in Debian 12's liblua5.4-0: a close that
-- runs a __close that closes another coroutine, 20,000 deep.
return {note = function()
  local coro = false
  for i = 1, 20000 do
    local previous = coro
    coro = coroutine.create(function()
      local cc <close> = setmetatable({}, {__close = function()
        if previous then assert(coroutine.close(previous)) end
      end})
      coroutine.yield()
    end)
    assert(coroutine.resume(coro))
  end
  local ok, err = coroutine.close(coro)
  print(ok, err:match("coroutine.close: nested more than %d+ deep"))
end}
