"""f-strings with conversions: !r and !s on strings, numbers, containers and objects with __repr__/__str__."""


class Target:
    def __init__(self, host):
        self.host = host

    def __repr__(self):
        return f"Target({self.host!r})"

    def __str__(self):
        return f"<{self.host}>"


t = Target("joesguns")
print(f"{t} {t!r} {t!s}")
print(f"{'quoted'!r} {'it' + chr(39) + 's'!r} {42!r} {[1, 'a']!r} {None!r}")
print(f"{'x'!r:>8} {t!r:^20}|")
print(repr(t), str(t), repr("a\"b"), repr("a\nb"), repr(["x", 1.5]))
print([t], {"t": t}, (t,))
