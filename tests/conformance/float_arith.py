"""Float arithmetic: true division, precision, rounding with round(), float repr of fractional values."""

print(0.1 + 0.2, 1 / 3, 2 / 3, 10 / 4, -7 / 2)
print(1.75 * 3, 0.1 * 3, 100 * 1.1, 3.3 - 1.1)
print(round(3.14159, 2), round(2.675, 2), round(-1.5), round(0.5), round(1.5), round(2.5), round(3.7))
print(round(7), round(-2.5), round(0.125, 2), round(-1234.5678, 1), round(2.5e-3, 3))
print(abs(-3.5), abs(4), abs(-0.25), abs(-7))
print(1e-3, 12345.678, 0.000123, 1.5e10 + 0.5, 1.5e-4)
print(int(7.9), int(-7.9), int(2.5e3), float(3) / 2)
hack_percent = 0.0025
print(hack_percent * 100, 1 - hack_percent, hack_percent * 70001)
print(max(0.1, 0.2), min(1.1, 1.01), sum([0.1] * 10))
