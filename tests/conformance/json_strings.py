"""json with awkward strings: quotes, backslashes, control characters, non-ASCII and ensure_ascii."""

import json

texts = ['say "hi"', "back\\slash", "tab\tnew\nline", "caf\u00e9", "\u2603 snow", "</script>", "ctrl\x01"]
for t in texts:
    encoded = json.dumps(t)
    print(encoded, json.loads(encoded) == t)
print(json.dumps({"k\u00e9y": "v\u00e4lue"}))
print(json.dumps(texts[3], ensure_ascii=False))
print(json.loads('"\\u00e9\\n\\"x\\""'))
