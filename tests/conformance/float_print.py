"""Printing floats: built code prints numbers the way JavaScript does.

A float with no fractional part prints like an int (2.0 as 2), since JavaScript has one number type; with it,
isinstance(2.0, float) is False and type(6 / 3) is int. Floats below 1e-4 print in fixed notation (0.00003 for
3e-05), 1e16 and up with all digits, nan and inf as NaN and Infinity. This program pins these known deviations;
the others avoid them.
"""

import json

print(2.0, 6 / 3, float("4"), 3 * 1.0, 1e16, 1e-7, -0.0)
print([1.0, 2.5], {"ram": 8.0}, str(10.0), repr(-0.0), 7.5 // 2, divmod(7.5, 2), 4 ** 0.5)
print(f"{5.0}", 7.0 == 7, type(7.0).__name__, type(6 / 3).__name__, isinstance(1.0, float), bool(0.0))
print(json.dumps(1.0), json.loads("2.0"), json.loads("1e3"), round(1234.5678, -2), float(2), 7 % 2.5)
print(3e-05, 1.5e-05, round(2.5e-5, 5), [3e-05], f"{1.5e-05}")
print(float("nan"), float("inf"), -float("inf"), [float("inf")])
