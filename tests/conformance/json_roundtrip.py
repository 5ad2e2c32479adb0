"""json.dumps and json.loads round trips of nested data, as scripts pass it through ports."""

import json

batch = {
    "target": "n00dles",
    "jobs": [{"kind": "hack", "threads": 10, "delay": 120.5}, {"kind": "weaken", "threads": 2, "delay": 0}],
    "flags": {"dry": False, "shared": True, "note": None},
    "hosts": ["home", "pserv-0"],
    "empty": {"list": [], "dict": {}},
}
text = json.dumps(batch)
print(text)
back = json.loads(text)
print(back == batch, back["jobs"][0]["threads"] + 1, back["flags"]["note"] is None)
print(json.loads(json.dumps([1, "two", 3.5, None, True, [False]])))
print(json.dumps(json.loads('{"a": [1, 2, {"b": null}], "c": "d"}')))
print(json.loads("42"), json.loads('"str"'), json.loads("null"), json.loads("[]"), json.loads(" {} "))
print(json.dumps("plain"), json.dumps(12), json.dumps(None), json.dumps(True), json.dumps([]))
print(type(json.loads("{}")).__name__, type(json.loads("[1]")).__name__)
