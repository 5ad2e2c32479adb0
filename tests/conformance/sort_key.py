"""sorted with key and reverse: stability, tuple keys, strings, dict items, sets and generators."""

servers = [("n00dles", 4, 1.5), ("foodnstuff", 16, 10.5), ("joesguns", 16, 5.5), ("zer0", 32, 5.5),
           ("nectar-net", 16, 10.5)]
print(sorted(servers, key=lambda s: s[1]))
print(sorted(servers, key=lambda s: s[1], reverse=True))
print(sorted(servers, key=lambda s: (-s[2], s[0])))
print(sorted(servers, key=lambda s: (s[1], s[2])))
print([s[0] for s in sorted(servers, key=lambda s: s[2] / s[1], reverse=True)])
print(sorted([3, 1, 2]), sorted([3, 1, 2], reverse=True), sorted("hack"), sorted([]))
print(sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.lower))
print(sorted([10, 9, 100, 1]), sorted(["10", "9", "100", "1"]), sorted([-1.5, 2, -3, 0.5]))
print(sorted({"b": 1, "a": 2}), sorted({"b": 1, "a": 2}.items()), sorted({3, 1, 2}))
print(sorted(x * x for x in [-3, 1, 2]))
print(sorted([(1, "b"), (1, "a"), (0, "z")]), sorted([[2, 1], [1, 2], [1, 1]]))
