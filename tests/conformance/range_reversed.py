"""range with start/stop/step (also negative and empty), len and indexing of ranges, reversed()."""

print(list(range(5)), list(range(2, 6)), list(range(0, 10, 3)), list(range(10, 0, -3)), list(range(5, 5)))
print(list(range(-3, 3)), list(range(3, -3, -1)), list(range(0, -10, -4)), list(range(1, 0)))
print(len(range(10)), len(range(0, 10, 3)), range(10)[-1], range(0, 20, 5)[2], sum(range(101)))
step = 2
print([i for i in range(0, 9, step)], [i for i in range(9, 0, -step)])
print(list(reversed([1, 2, 3])), list(reversed(range(4))), "".join(reversed("hack")), list(reversed(())))
for i in reversed(range(3)):
    print("countdown", i)
for ch in reversed("ab"):
    print(ch)
r = range(3)
print(list(r), list(r), 2 in r)
