"""*args and **kwargs in definitions and at call sites."""


def total(*args):
    return sum(args), len(args), args


def describe(name, *args, sep="-", **kwargs):
    keys = sorted(kwargs)
    return name + sep + sep.join(str(a) for a in args) + "|" + ",".join(f"{k}={kwargs[k]}" for k in keys)


print(total())
print(total(1, 2, 3))
nums = [4, 5]
print(total(*nums), total(0, *nums))
print(describe("a"))
print(describe("a", 1, 2, x=1, y="z"))
print(describe("a", 1, sep="+", z=0))
opts = {"x": 9, "sep": "/"}
print(describe("b", *[7, 8], **opts))


def forward(*args, **kwargs):
    return describe(*args, **kwargs)


print(forward("c", 1, k=2))


def pair(a, b):
    return a - b


print(pair(*[10, 3]), pair(**{"b": 1, "a": 5}))
