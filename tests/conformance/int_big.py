"""Integers beyond 2**53: Python keeps them exact, built code rounds them to the nearest float."""

print(2 ** 53 + 1, 2 ** 64, 10 ** 20, 3 ** 40)
print(9007199254740993 - 1, 12345678901234567890 % 97)
