"""f-strings without format specs: names, expressions, calls, nested quotes, braces, dict lookups."""

host = "n00dles"
threads = 12
money = {"now": 1500, "max": 70000}
print(f"{host} with {threads} threads")
print(f"{threads * 2 + 1} {threads // 5} {threads % 5} {-threads}")
print(f"{host.upper()} {len(host)} {host[1:3]}")
print(f"{money['now']}/{money['max']} {money}")
print(f"{[1, 2, 3]} {(1, 2)} {None} {True} {False}")
print(f"{{literal}} {{{host}}}")
print(f"{'yes' if threads > 10 else 'no'}")
print(f"{host=}")
print(f"a" f"b{threads}" "c")
items = ["a", "b"]
print(f"{', '.join(items)}")
print(f"{1.5} {0.25 * 2} {7 / 2}")
