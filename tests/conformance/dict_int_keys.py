"""Dicts keyed by ints: Python keeps the keys ints in insertion order; built code stores them as strings.

Lookups and `in` still work (JavaScript turns the int into the same string), but iterating gives str keys, and
integer-like keys come first in ascending order.
"""

threads = {}
for t in [8, 2, 16, 1]:
    threads[t] = t * 1.75
print(threads[8], 2 in threads, 3 in threads)
print(list(threads.keys()))
for t in threads:
    print(t + 1, type(t).__name__)
print(threads)
print(sum(threads), "8" in threads)
