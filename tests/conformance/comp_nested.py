"""Nested comprehensions: flatten, transpose, grids, comprehension inside a comprehension's filter."""

grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]
print([x for row in grid for x in row])
print([[row[i] for row in grid] for i in range(3)])
print([x for row in grid if sum(row) > 10 for x in row if x % 2 == 1])
print([[c for c in word if c not in "aeiou"] for word in ["hack", "grow", "weaken"]])
print({k: [v for v in range(k)] for k in range(4)})
pairs = [(a, b) for a in range(1, 5) for b in range(a, 5) if (a + b) % 3 == 0]
print(pairs)
print(sum([len([y for y in range(x)]) for x in range(5)]))
