"""in and not in over lists, tuples, strings, dicts (keys), sets and ranges."""

hosts = ["home", "n00dles", "joesguns"]
ram = {"home": 64, "n00dles": 4}
print("home" in hosts, "zer0" in hosts, "zer0" not in hosts)
print("n00" in "n00dles", "" in "abc", "x" not in "abc")
print("home" in ram, 64 in ram, 64 in ram.values(), "home" in ram.keys())
print(2 in (1, 2), 3 in {3, 4}, 5 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
print([1, 2] in [[1, 2], [3]], (1, 2) in [(1, 2)], None in [0, None])
print(1 in [1.0], "1" in [1])
