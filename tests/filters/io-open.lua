return {note = function() return io.open("/etc/passwd") end}
