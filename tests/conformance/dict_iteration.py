"""Iterating dicts: insertion order, order after delete and re-insert, items() unpacking, nested dicts."""

servers = {}
for name in ["zer0", "alpha", "max-hardware", "beta"]:
    servers[name] = {"ram": len(name) * 4, "root": name < "m"}
for name in servers:
    print(name, servers[name]["ram"], servers[name]["root"])
for name, info in servers.items():
    info["ram"] *= 2
print([info["ram"] for info in servers.values()])
del servers["alpha"]
servers["alpha"] = {"ram": 0, "root": False}
print(list(servers))
total = 0
for info in servers.values():
    total += info["ram"]
print(total)
counts = {}
for word in "hack grow hack weaken grow hack".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: -kv[1]))
print(max(counts, key=counts.get), min(counts, key=lambda k: counts[k]))
