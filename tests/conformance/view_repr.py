"""repr of dict views and ranges: CPython prints dict_keys([...]) and range(0, 3); built code prints lists."""

d = {"a": 1, "b": 2}
print(d.keys(), d.values(), d.items(), range(3), range(1, 10, 2))
