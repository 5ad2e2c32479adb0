"""repr and str of nested containers with quotes, escapes, None/True/False, empty and one-element tuples."""

print(["it's", 'say "x"', "both ' and \"", "back\\slash", "tab\t", "nl\n"])
print({"a": None, "b": True, "c": [False, ()], "d": (1,), "e": {}})
print((), (1,), (1, 2), [()], [[]], [{}], {"t": (1, [2])})
print(repr("plain"), repr('q"uote'), repr("it's"), str("it's"))
print(str([1.5, -2]), repr({"x": [1, {"y": "z"}]}))
print([None], [True, False], (None,), {"n": None})
