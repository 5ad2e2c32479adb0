"""Chained comparisons, ternaries, comparisons of sequences, and is/is not."""

x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, x == 5 == 5.0, 1 < 2 > 1 < 3)
print("small" if x < 3 else "medium" if x < 7 else "large")
print([("even" if n % 2 == 0 else "odd") for n in range(3)])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (2, "a") > (1, "z"), "apple" < "apricot", [] < [0])
print([1, 2] == [1, 2], (1, 2) == (1, 2), [1, 2] != [2, 1], [[1]] == [[1]], {"a": [1]} == {"a": [1]})
a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, a is not c)


def calls(v, log):
    log.append(v)
    return v


log = []
print(calls(1, log) < calls(0, log) < calls(5, log), log)
