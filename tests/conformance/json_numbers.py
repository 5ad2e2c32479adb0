"""json numbers: ints, fractional floats, negative and exponent forms, and whole floats."""

import json

print(json.dumps([0, -1, 2.5, -0.125, 1e-5, 123456789]))
print(json.loads("[1, -2, 3.25, 1.25e1, 2E-2, -0.5]"))
print(json.dumps({"ratio": 0.1 + 0.2}))
print(json.dumps(1.5), json.loads("2.25"), json.dumps(10 ** 15), json.loads("-0.001"))
