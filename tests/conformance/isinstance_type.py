"""isinstance with builtin types and tuples, type(x).__name__, type comparisons."""

values = [1, 2.5, "s", [1], (1,), {"a": 1}, {1}, None, True, lambda: 0]
for v in values:
    print(type(v).__name__, isinstance(v, int), isinstance(v, (list, tuple)), isinstance(v, str), callable(v))
print(isinstance(True, int), isinstance(1, bool), isinstance(1, float), isinstance(1.5, float))
print(type("x") == str, type([]) is list, type(3) == int, type({}) == dict)


class Custom:
    pass


print(type(Custom()).__name__, isinstance(Custom(), object), isinstance("x", object))
