"""Iterating strings: characters, ord/chr, building strings, reversing, counting characters."""

word = "weaken"
print([c for c in word], list(word), len(word))
print("".join(chr(ord(c) + 1) for c in "HAL"))
print("".join(c.upper() if i % 2 == 0 else c for i, c in enumerate(word)))
out = ""
for c in word:
    if c not in out:
        out += c
print(out)
counts = {}
for c in "mississippi":
    counts[c] = counts.get(c, 0) + 1
print(counts, sorted(counts, key=counts.get, reverse=True))
print(word[::-1], "".join(sorted(word)), max(word), min(word))
print([w[0] for w in "hack grow weaken".split()], "caf\u00e9".upper(), len("caf\u00e9"))
