"""Types as values: print(type(x)), type(x).__name__, the builtin types themselves, and isinstance with them."""

for value in [1, 2.5, "s", [1], (1,), {"a": 1}, {1}, None, True]:
    print(type(value), type(value).__name__)
print(int, str, list, dict, bool, float, tuple, set)
kinds = (int, str)
print(type(3) in kinds, type(3.5) in kinds, type("x") is str, isinstance(3, kinds), list(map(int, ["7", "8"])))
