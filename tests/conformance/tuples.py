"""Tuples: packing, unpacking (nested, in loops), swapping, methods, multiple return values."""

point = (3, 4)
x, y = point
print(x, y, point[0], point[-1], len(point))
a, b = 1, 2
a, b = b, a
print(a, b)
(p, q), r = (1, 2), 3
print(p, q, r)
for name, (lo, hi) in [("a", (1, 2)), ("b", (3, 4))]:
    print(name, lo + hi)


def stats(values):
    return min(values), max(values), sum(values) / len(values)


lo, hi, mean = stats([2, 8, 6])
print(lo, hi, mean, stats([1, 2, 4]))
t = (1, 2, 2, 3)
print(t.count(2), t.index(3), t[1:3], t[::-1], tuple([1, 2]), tuple("ab"), ())
print((1,), (1, 2) + (3,), 2 in t, (1, 2) < (1, 3), (1, 2) == (1, 2), (1, 2) != (1, 2.5))
single = 5,
print(single, type(single).__name__)
