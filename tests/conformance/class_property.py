"""@property getters and setters, read-only properties and computed attributes."""


class Target:
    def __init__(self, host, money):
        self.host = host
        self._money = money
        self.changes = 0

    @property
    def money(self):
        return self._money

    @money.setter
    def money(self, value):
        self._money = max(0, value)
        self.changes += 1

    @property
    def label(self):
        return f"{self.host}:{self._money}"


t = Target("joesguns", 1000)
print(t.money, t.label)
t.money = 250
print(t.money, t.label, t.changes)
t.money = -5
print(t.money, t.changes)
t.money += 100
print(t.money, t.changes)
print(t.label, t.money > 0)
