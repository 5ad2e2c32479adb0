"""str methods for searching and splitting: split/join/strip/replace/startswith/endswith/find/index/count."""

line = "  n00dles, foodnstuff ,joesguns  "
parts = [p.strip() for p in line.split(",")]
print(parts)
print("|".join(parts), "".join(["a", "b"]), ", ".join([]))
print(line.strip(), "[" + line.lstrip() + "]", "[" + line.rstrip() + "]")
print("xxhackxx".strip("x"), "..a.b..".lstrip("."), "..a.b..".rstrip("."))
print("a b  c".split(), "a b  c".split(" "), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("hack.js".replace(".js", ".py"), "aaaa".replace("a", "b", 2))
print("hack.js".startswith("hack"), "hack.js".endswith(".js"), "hack.js".startswith("grow"))
print("hack.js".startswith(("grow", "hack")), "x.txt".endswith((".js", ".txt")))
print("weaken".find("ak"), "weaken".find("zz"), "weaken".rfind("e"), "weaken".index("ken"))
print("banana".count("a"), "banana".count("an"), "banana".count("x"))
print("a\nb\n\nc".splitlines(), "key=value=x".partition("="), "key=value=x".rpartition("="))
try:
    "weaken".index("zz")
except ValueError:
    print("ValueError from index")
