"""The value of `and` when its left side is a falsy constant."""

print(None and 1, repr("" and 1), 0 and 1, False and 1, None and None)
print([x and "yes" for x in [None, 0, "", [], 1]])
