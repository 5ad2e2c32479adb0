"""Dict comprehensions: from pairs, inverted, filtered, with computed values and string keys."""

hosts = ["n00dles", "foodnstuff", "sigma-cosmetics", "joesguns"]
print({h: len(h) for h in hosts})
print({h: len(h) for h in hosts if len(h) > 8})
lengths = {h: len(h) for h in hosts}
print({k[::-1]: k for k in lengths})
print({k.upper(): v * 2 for k, v in sorted(lengths.items())})
print({f"{h}-{i}": i for i, h in enumerate(hosts[:2])})
print({c: "abcabc".count(c) for c in "abc"})
print({})
matrix = {r: {c: r * c for c in range(3)} for r in range(2)}
print(matrix)
