"""Keyword arguments and defaults: by name, out of order, mixed with positional, keyword-only."""


def plan(target, threads=1, delay=0.5, tag="batch"):
    return f"{tag}:{target}:{threads}:{delay}"


print(plan("n00dles"))
print(plan("n00dles", 4))
print(plan("n00dles", delay=200, threads=8))
print(plan(tag="hwgw", target="joesguns"))
print(plan("a", 2, 3, "t"))


def grow_threads(target, *, cores=1, multiplier=1.5):
    return (target, cores, multiplier)


print(grow_threads("x"), grow_threads("x", multiplier=2.5), grow_threads("x", cores=4))


def none_default(value=None):
    if value is None:
        value = []
    value.append(1)
    return value


print(none_default(), none_default(), none_default([0]))
HOME = "home"


def module_default(host=HOME, sign=-1, pair=(1, "a")):
    return host, sign, pair


print(module_default(), module_default("n00dles"))
