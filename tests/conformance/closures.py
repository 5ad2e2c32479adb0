"""Closures: counters with nonlocal, late-bound loop variables, factories, state kept on a wrapper function."""


def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


c1 = make_counter()
c2 = make_counter(10)
print(c1(), c1(), c1(5), c2(), c1())


def make_adders():
    adders = []
    for i in range(3):
        adders.append(lambda x: x + i)
    return adders


print([f(10) for f in make_adders()])


def make_adder(i):
    return lambda x: x + i


print([make_adder(i)(10) for i in range(3)])


def memo(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    wrapper.cache = cache
    return wrapper


def slow_square(n):
    return n * n


fast = memo(slow_square)
print(fast(4), fast(4), fast(5), len(fast.cache), 4 in fast.cache, 6 in fast.cache)
