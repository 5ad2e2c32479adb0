"""Operator precedence, augmented assignment, bitwise operators, and mixed int/float expressions."""

a, b = 17, 5
print(a + b * 2, (a + b) * 2, a - b - 2, a / b, -a // b, a % -b, -a % b)
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 1, -a >> 1)
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 2
x %= 7
print(x)
y = 7
y /= 2
print(y)
print(1 + 2 * 3 ** 2, (1 + 2) * 3, 2 * -3, --4, -(-4), +5)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0, 0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9)
print(True + True, True * 3, 10 - True)
