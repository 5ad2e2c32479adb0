"""`math` for built scripts: Python's functions, results and domain errors on top of JavaScript's Math.

Compiled by Transcrypt only, with operator overloading off; it takes the place of the `math` Transcrypt ships, which
lacks gcd, factorial, isclose and others and computes log10 and log2 by division (log10(1000) gave 2.9999999999999996).
"""

from pybuiltins import OverflowError, ZeroDivisionError, __mul__

# __pragma__ ("skip")
__pragma__ = Array = Math = Number = isFinite = js_Infinity = js_NaN = __typeof__ = None
# __pragma__ ("noskip")

__pragma__("noopov")

pi = Math.PI
e = Math.E
tau = 2 * Math.PI
inf = js_Infinity
nan = js_NaN


def _domain(ok):
    if not ok:
        raise ValueError("math domain error")


def _real(x):
    if __typeof__(x) != "number" and __typeof__(x) != "boolean":
        raise TypeError("must be real number, not " + type(x).__name__)
    return x


def _finite(result, *arguments):
    """OverflowError where finite arguments give an infinite result, as C's math library reports it."""
    if not isFinite(result) and result == result and all([isFinite(x) for x in arguments]):
        raise OverflowError("math range error")
    return result


def _whole(x, name):
    if __typeof__(x) == "boolean":
        return Number(x)
    if __typeof__(x) != "number" or not Number.isInteger(x):
        raise TypeError("'float' object cannot be interpreted as an integer" if name == "" else
                        name + "() only accepts integral values")
    return x


def _integral(x):
    if x != x:
        raise ValueError("cannot convert float NaN to integer")
    if not isFinite(x):
        raise OverflowError("cannot convert float infinity to integer")


def floor(x):
    _integral(_real(x))
    return Math.floor(x) + 0


def ceil(x):
    _integral(_real(x))
    return Math.ceil(x) + 0


def trunc(x):
    _integral(_real(x))
    return Math.trunc(x) + 0


def fabs(x):
    return Math.abs(x)


def sqrt(x):
    _domain(x >= 0)
    return Math.sqrt(x)


def isqrt(n):
    n = _whole(n, "")
    _domain(n >= 0)
    root = Math.floor(Math.sqrt(n))
    while root * root > n:
        root -= 1
    while (root + 1) * (root + 1) <= n:
        root += 1
    return root


def cbrt(x):
    return Math.cbrt(x)


def exp(x):
    return _finite(Math.exp(x), x)


def exp2(x):
    return _finite(Math.pow(2, x), x)


def expm1(x):
    return Math.expm1(x)


def log(x, base=None):
    _domain(x > 0)
    if base == None:  # noqa: E711
        return Math.log(x)
    _domain(base > 0)
    if base == 1:
        raise ZeroDivisionError("float division by zero")
    return Math.log(x) / Math.log(base)


def log2(x):
    _domain(x > 0)
    return Math.log2(x)


def log10(x):
    _domain(x > 0)
    return Math.log10(x)


def log1p(x):
    _domain(x > -1)
    return Math.log1p(x)


def pow(x, y):
    _domain(not (x == 0 and y < 0) and not (x < 0 and not Number.isInteger(y) and isFinite(y)))
    return _finite(Math.pow(x, y), x, y)


def sin(x):
    return Math.sin(x)


def cos(x):
    return Math.cos(x)


def tan(x):
    return Math.tan(x)


def asin(x):
    _domain(-1 <= x <= 1)
    return Math.asin(x)


def acos(x):
    _domain(-1 <= x <= 1)
    return Math.acos(x)


def atan(x):
    return Math.atan(x)


def atan2(y, x):
    return Math.atan2(y, x)


def sinh(x):
    return Math.sinh(x)


def cosh(x):
    return Math.cosh(x)


def tanh(x):
    return Math.tanh(x)


def asinh(x):
    return Math.asinh(x)


def acosh(x):
    _domain(x >= 1)
    return Math.acosh(x)


def atanh(x):
    _domain(-1 < x < 1)
    return Math.atanh(x)


def hypot(*coordinates):
    return Math.hypot(*coordinates)


def dist(p, q):
    if p.length != q.length:
        raise ValueError("both points must have the same number of dimensions")
    return Math.hypot(*[p[index] - q[index] for index in range(p.length)])


def degrees(x):
    return x * 180 / Math.PI


def radians(x):
    return x * Math.PI / 180


def copysign(x, y):
    negative = y < 0 or (y == 0 and 1 / y < 0)
    return -Math.abs(x) if negative else Math.abs(x)


def fmod(x, y):
    _domain(y != 0 and isFinite(x))
    __pragma__("js", "{}", "return x % y;")


def modf(x):
    whole = Math.trunc(x)
    return tuple([x - whole, whole])


def frexp(x):
    if x == 0 or not isFinite(x):
        return tuple([x, 0])
    power = Math.floor(Math.log2(Math.abs(x))) + 1
    mantissa = x / Math.pow(2, power)
    while Math.abs(mantissa) >= 1:
        mantissa /= 2
        power += 1
    while Math.abs(mantissa) < 0.5:
        mantissa *= 2
        power -= 1
    return tuple([mantissa, power])


def ldexp(x, i):
    return _finite(x * Math.pow(2, _whole(i, "")), x)


def isclose(a, b, rel_tol=1e-09, abs_tol=0.0):
    if a == b:
        return True
    if not isFinite(a) or not isFinite(b):
        return False
    difference = Math.abs(b - a)
    return difference <= Math.abs(rel_tol * b) or difference <= Math.abs(rel_tol * a) or difference <= abs_tol


def isnan(x):
    return x != x


def isinf(x):
    return x == js_Infinity or x == -js_Infinity


def isfinite(x):
    return isFinite(x)


def gcd(*integers):
    result = 0
    for n in integers:
        a, b = Math.abs(_whole(n, "")), result
        while b:
            a, b = b, a - Math.floor(a / b) * b
        result = a
    return result


def lcm(*integers):
    result = 1
    for n in integers:
        if _whole(n, "") == 0:
            return 0
        result = Math.abs(result * n) / gcd(result, n)
    return result


def factorial(n):
    _whole(n, "factorial")
    if n < 0:
        raise ValueError("factorial() not defined for negative values")
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result


def _counts(n, k):
    _whole(n, "")
    _whole(k, "")
    if n < 0:
        raise ValueError("n must be a non-negative integer")
    if k < 0:
        raise ValueError("k must be a non-negative integer")


def perm(n, k=None):
    k = n if k == None else k  # noqa: E711
    _counts(n, k)
    if k > n:
        return 0
    result = 1
    for factor in range(n - k + 1, n + 1):
        result *= factor
    return result


def comb(n, k):
    _counts(n, k)
    if k > n:
        return 0
    k = min(k, n - k)
    result = 1
    for step in range(1, k + 1):
        result = result * (n - k + step) / step
    return Math.round(result)


def prod(iterable, start=1):
    result = start
    for value in iterable:
        result = __mul__(result, value)
    return result


def fsum(iterable):
    """The correctly rounded sum, by Shewchuk's exact partial sums as CPython computes it."""
    partials = []
    for x in iterable:
        kept = 0
        for y in partials:
            if Math.abs(x) < Math.abs(y):
                x, y = y, x
            high = x + y
            low = y - (high - x)
            if low:
                partials[kept] = low
                kept += 1
            x = high
        partials.length = kept
        partials.push(x)
    total = 0.0
    for partial in partials:
        total += partial
    return total
