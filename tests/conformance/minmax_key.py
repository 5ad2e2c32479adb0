"""min and max: several arguments, iterables, key functions, default for empty iterables, ties."""

money = {"n00dles": 70000, "foodnstuff": 2000000, "joesguns": 2500000, "nectar-net": 2500000}
print(max(3, 7, 5), min(3, 7, 5), max([1.5, -2, 1.25]), min("hack"), max("a", "b"))
print(max(money, key=money.get), min(money, key=lambda h: money[h]))
print(max(money.items(), key=lambda kv: kv[1]), min(money.values()))
print(max([], default=None), min([], default=-1), max([4], default=0))
print(max(["aa", "b", "ccc", "dd"], key=len), min(["aa", "b", "ccc", "d"], key=len))
print(max([(1, "a"), (2, "b"), (2, "a")]), min([[3], [1, 2], [1]]))
print(max(abs(x) for x in [-7, 3, 5]), min(x % 5 for x in [12, 9, 23]))
print(max(1, 2.5), min(-0.5, 0), max(True, 0))
try:
    max([])
except ValueError:
    print("ValueError on empty max")
