"""Set comprehensions, and sets built from iterables; printed sorted where CPython's order is hash-seeded."""

words = ["apple", "banana", "avocado", "blueberry", "cherry", "apricot"]
initials = {w[0] for w in words}
print(sorted(initials))
print(len(initials), "a" in initials, "z" in initials)
lengths = {len(w) for w in words}
print(sorted(lengths))
print(sorted({n % 4 for n in range(20)}))
evens = {n for n in range(10) if n % 2 == 0}
odds = {n for n in range(10) if n % 2 == 1}
print(sorted(evens | odds), sorted(evens & odds), len(evens - {0, 2}))
print(set() == set(), {1, 2} == {2, 1}, {1, 2} != {1, 3})
