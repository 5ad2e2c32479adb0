"""The math module: floor/ceil/trunc give ints, sqrt, logs, trigonometry, isclose, gcd, factorial, fsum, inf."""

import math

print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.floor(5), math.trunc(-3.7))
print(math.sqrt(2), math.sqrt(16) == 4, math.log(10), math.log(8, 2) == 3, math.log2(1024) == 10)
print(math.log10(1000) == 3, math.log10(2), math.exp(1.5), math.pi, math.e, math.tau)
print(round(math.sin(math.pi / 6), 12), math.cos(1), math.atan2(1, 2), math.hypot(3, 4) == 5, math.degrees(1))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.inf > 10 ** 12, -math.inf < 0, math.isnan(math.nan))
print(math.gcd(12, 18), math.gcd(0, 5), math.lcm(4, 6), math.factorial(6), math.comb(10, 3), math.perm(5, 2))
print(math.fsum([0.1] * 10) == 1, sum([0.1] * 10), math.prod([1.5, 2, 3.5]), math.isqrt(17), math.fabs(-2.5))
ram_free, script_ram = 61.3, 1.75
threads = math.floor(ram_free / script_ram)
print(threads, type(threads).__name__, math.ceil(100 / 7), int(math.ceil(3.0001)))
try:
    math.sqrt(-1)
except ValueError as error:
    print("ValueError:", error)
