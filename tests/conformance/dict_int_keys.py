"""Dicts keyed by ints: the keys stay ints, in insertion order, and an int key is not its str."""

threads = {}
for t in [8, 2, 16, 1]:
    threads[t] = t + 0.25
print(threads[8], 2 in threads, 3 in threads)
print(list(threads.keys()))
for t in threads:
    print(t + 1, type(t).__name__)
print(threads)
print(sum(threads), "8" in threads)
