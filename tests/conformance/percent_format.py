"""printf-style formatting with the % operator."""

print("%s has %d threads" % ("n00dles", 12))
print("%.2f GB" % 1.756)
print("%5s|%-5s|" % ("a", "b"))
print("%d%%" % 50)
print("%s" % [1, 2])
