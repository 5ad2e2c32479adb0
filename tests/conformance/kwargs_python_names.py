"""Keyword arguments whose names Transcrypt renames internally (name, type, default, next, values, ...)."""


def opts(host, name=None, type=None):
    return [host, name, type]


def collect(**kw):
    return sorted(kw.items())


print(opts("h", name="n", type="t"), opts(host="h2", name="m"))
print(opts("h3", **{"name": 1, "type": 2}))
print(collect(name="a", ram=3, default=4, next=5, values=6, keys=7))
print(dict(name="x", ram=8, update=9))
print("{name} has {values} GB".format(name="n00dles", values=4))
print(sorted(dict(get=1, pop=2, items=3).keys()))
