"""A helper module imported by modules_import.py."""

UNIT = "GB"
_created = []


class Square:
    def __init__(self, side):
        self.side = side
        _created.append(side)

    def area(self):
        return self.side * self.side


def area_sum(shapes):
    return sum(s.area() for s in shapes)


def describe(shape):
    return f"square {shape.side}{UNIT}"


def created():
    return list(_created)
