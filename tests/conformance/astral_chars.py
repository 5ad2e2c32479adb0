"""Characters beyond the Basic Multilingual Plane (emoji) in a script's text."""

face = "emoji \U0001F600"
print(len(face) > 6, face.startswith("emoji"))
print(face)
