"""Errors CPython raises that built code does not raise, or raises as JavaScript errors no `except` names."""


def plan(target, threads):
    return target, threads


class Target:
    def __init__(self):
        self._money = 1

    @property
    def money(self):
        return self._money


for attempt in [lambda: plan("n00dles"), lambda: setattr(Target(), "money", 5), lambda: None.upper()]:
    try:
        attempt()
        print("no error")
    except (TypeError, AttributeError) as error:
        print("caught", type(error).__name__)
