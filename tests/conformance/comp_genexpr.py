"""Generator expressions consumed by sum, any, all, min, max, join, sorted, list, tuple and dict."""

money = {"n00dles": 70000, "foodnstuff": 2000000, "joesguns": 2500000, "hong-fang-tea": 3000000}
print(sum(v for v in money.values()))
print(sum(v for v in money.values() if v > 1000000))
print(sum((1 for _ in range(7)), 10))
print(any(v > 2800000 for v in money.values()), any(v < 0 for v in money.values()))
print(all(len(k) > 3 for k in money), all(v > 100000 for v in money.values()))
print(any(x for x in []), all(x for x in []))
print(",".join(k for k in money if "o" in k))
print("-".join(str(n) for n in range(5)))
print(max(len(k) for k in money), min(v for v in money.values()))
print(sorted(k[::-1] for k in money))
print(list(n * 3 for n in range(4)), tuple(n for n in "xyz"))
print(dict((k, len(k)) for k in money))
