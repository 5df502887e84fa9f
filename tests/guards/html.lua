-- A draft hook that adds raw HTML and a javascript: link: the Markdown
-- draft keeps them as written, the HTML draft holds neither.
return {draft = function(d)
  d.paragraphs[#d.paragraphs] = d.paragraphs[#d.paragraphs] ..
      ' <script>alert("inline")</script> See [my work](javascript:alert(1)).'
  d.paragraphs[#d.paragraphs + 1] = '<script>alert("block")</script>'
end}
