return {note = function() return package.loadlib("libc.so.6", "system") end}
