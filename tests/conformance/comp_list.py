"""List comprehensions: filters, expressions, nested loops, conditionals inside the element."""

nums = [3, -1, 4, -1, 5, -9, 2, 6]
print([n * n for n in nums])
print([n for n in nums if n > 0])
print([n for n in nums if n > 0 if n % 2 == 0])
print(["even" if n % 2 == 0 else "odd" for n in nums])
print([(i, c) for i, c in enumerate("abc")])
print([x + y for x in "ab" for y in "xyz"])
print([[r * c for c in range(1, 4)] for r in range(1, 4)])
print([w.upper() for w in "the quick brown fox".split() if len(w) > 3])
print([])
print([n for n in nums if n > 100])
squares = [n ** 2 for n in range(6)]
print(squares, len(squares), squares[-1])
