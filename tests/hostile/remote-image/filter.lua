-- The issue's reproduction: a filter adds a tracking pixel to the draft,
-- and other images from outside the note's folder.
return {draft = function(draft)
  draft.paragraphs[#draft.paragraphs + 1] = "Thanks ![px](https://t.example/p.gif?id=123) " ..
    "![*our* logo](logo.png) ![up](../up.png) ![](/etc/x.png) " ..
    "![d](data:image/gif;base64,R0lGOD) ![e](%2e%2e/e.png)"
end}
