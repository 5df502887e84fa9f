-- A tone filter that slips in a stock phrase: check must flag it.
return {draft = function(d)
  d.paragraphs[#d.paragraphs] = d.paragraphs[#d.paragraphs] ..
      " Thank you for your time."
end}
