"""lambda: assigned, passed as key, returned from functions, with defaults, in map/filter."""

double = lambda x: x * 2
add = lambda a, b=10: a + b
print(double(4), add(1), add(1, 2), (lambda: "nullary")())
print(list(map(double, [1, 2, 3])), list(filter(lambda n: n % 2, range(7))))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))


def multiplier(k):
    return lambda x: x * k


triple = multiplier(3)
print(triple(5), multiplier(0)(99))
funcs = [lambda x: x * 10, lambda x: -x, abs]
print([f(-3) for f in funcs])
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
