"""str.format: positional, indexed, keyword, attribute and index lookups, format specs, escaping."""

print("{} + {} = {}".format(1, 2, 3))
print("{1} {0} {1}".format("a", "b"))
print("{host}: {money:.2f}".format(host="n00dles", money=1750.456))
print("{0:>6}|{1:<6}|{2:^6}|".format("r", "l", "c"))
print("{:08.3f} {:,} {:x}".format(3.14159, 1000000, 255))
print("{{}} {}".format("braces"))
data = {"name": "hack", "ram": [1.7, 1.75]}
print("{0[name]} {0[ram][1]}".format(data))
print("{:>{}}".format("w", 4))
print("{!r} {!s}".format("q", "q"))
template = "{:<10}{:>8}"
for host, ram in [("home", 64), ("n00dles", 4)]:
    print(template.format(host, ram))
