"""Exponentiation: int powers, negative and fractional exponents, precedence with unary minus, pow()."""

print(2 ** 10, 3 ** 0, 0 ** 0, (-2) ** 3, -2 ** 2, 2 ** -2, 2 ** 0.5)
print(2 ** 3 ** 2, (2 ** 3) ** 2, 10 ** 6, 1.5 ** 2)
print(pow(2, 8), pow(2, -1), pow(3, 4, 5))
n = 3
n **= 3
print(n, 2 ** 52, 2 ** 53)
