"""json.dumps options: sort_keys, indent, separators, and their combinations."""

import json

data = {"zeta": [1, 2], "alpha": {"y": 1, "b": [True, None]}, "mid": "x", "empty": []}
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent=4, sort_keys=True))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps(data, separators=(", ", ": "), sort_keys=True))
print(json.dumps([1, [2, [3, {}]]], indent=1))
print(json.dumps({"a": 1}, indent=0))
