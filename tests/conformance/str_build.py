"""Building report text: join of formatted rows, padding tables, accumulating with +=, str() of numbers."""

rows = [("home", 64, 12.5), ("n00dles", 4, 0.25), ("joesguns", 16, 7.125)]
lines = []
for host, ram, used in rows:
    lines.append(host.ljust(10) + str(ram).rjust(4) + " " + ("%" if used > 10 else "-"))
print("\n".join(lines))
header = "host".center(12, "=")
print(header, len(header))
report = ""
for i, (host, _, used) in enumerate(rows):
    report += f"{i}. {host} ({used}%)"
    if i < len(rows) - 1:
        report += "; "
print(report)
print(str(1) + str(2) + str(3.5), "v" + str(True) + str(None))
