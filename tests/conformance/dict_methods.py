"""dict methods: get, setdefault, pop, update, keys/values/items, copy, fromkeys, clear, del, len, in."""

ram = {"home": 64, "n00dles": 4, "foodnstuff": 16}
print(ram.get("home"), ram.get("nowhere"), ram.get("nowhere", 0))
print(ram.setdefault("joesguns", 16), ram.setdefault("home", 1))
print(ram)
print(ram.pop("n00dles"), ram.pop("nowhere", -1))
print(list(ram.keys()), list(ram.values()), list(ram.items()))
ram.update({"home": 128, "sigma-cosmetics": 16})
ram.update(max_hardware=32)
print(ram, len(ram))
copy = ram.copy()
copy["home"] = 1
print(ram["home"], copy["home"])
del ram["foodnstuff"]
print("foodnstuff" in ram, "home" in ram, "home" not in ram)
print(dict.fromkeys(["a", "b"], 0), dict.fromkeys("xy"))
print(dict([("a", 1), ("b", 2)]), dict(a=1, b=2), dict(zip(["p", "q"], [3, 4])))
copy.clear()
print(copy, len(copy), bool(copy))
print(ram == {"home": 128, "joesguns": 16, "sigma-cosmetics": 16, "max_hardware": 32})
print({"a": [1, 2]} == {"a": [1, 2]}, {"a": 1} == {"a": 2})
try:
    print(ram["nowhere"])
except KeyError as error:
    print("KeyError", type(error).__name__)
