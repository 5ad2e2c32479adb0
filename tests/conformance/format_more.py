"""More formatting: exponent and general forms, format(), printf with a mapping, %x/%o/%e, nested specs."""

print("{:>10.3e}|{:g}|{:.3g}|{:G}".format(12345.6789, 0.00001234, 1234567, 1e-10))
print(format(3.14159, ".2f"), format(255, "x"), format("hi", "^6"), format(1234567, ","), format(0.5, "%"))
print("%s and %r" % ("a", "b"), "%(n)s=%(v)d" % {"n": "x", "v": 3}, "%x %X %o %e" % (255, 255, 8, 12345.0))
print("%05.1f|%-6s|%+d|% d|%3d%%" % (3.14159, "ab", 5, 7, 50), "%c%c" % (72, "i"))
width, precision = 9, 2
print(f"[{3.14159:{width}.{precision}f}] [{'x':>{width}}] [{42:0{width}d}]")
print("{0:{1}}|{2:>{3}}".format("a", 4, "b", 3), f"{'nested'!r:>{width + 1}}")
print(f"{1e-5:.2e} {123456789:,.2f} {-0.000123:.3g} {100:.2%} {0.1 + 0.2:.17f}")
