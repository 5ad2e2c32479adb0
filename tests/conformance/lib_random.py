"""random with a seed: the same numbers as CPython, from randint, choice, shuffle, sample, choices, uniform."""

import random

random.seed(42)
print(random.random(), random.random(), random.randint(1, 100), random.randrange(0, 100, 7))
xs = list(range(10))
random.shuffle(xs)
print(xs, random.choice("abcdef"), random.sample(range(100), 5), random.uniform(1, 2))
print(random.choices(["a", "b", "c"], k=5), random.choices(["a", "b"], weights=[1, 9], k=4), random.getrandbits(40))
random.seed(2 ** 40 + 5)
print(random.random(), random.sample(range(1000), 3), random.sample(["x", "y", "z"], 3))
random.seed(0)
print([random.randint(1, 6) for _ in range(10)], random.randrange(10))
random.seed()
print(0 <= random.random() < 1, 1 <= random.randint(1, 6) <= 6)
