"""Integer // and % with every sign combination, divmod, and modulo of floats."""

pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, 5), (1, 7), (-1, 7)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(7.5 % 2, -7.5 % 2, 7 % 2.25, 7.5 % -2, divmod(-7, 2), divmod(7, -3))
print(-13 // 4 * 4 + -13 % 4, 100 // 7, 100 % 7)
x = -17
x //= 5
y = -17
y %= 5
print(x, y)
print((2 ** 31 - 1) // 3, (2 ** 40) % 1000)
