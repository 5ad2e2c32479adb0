"""Importing the script's own modules: from-imports, module imports, module-level state and classes."""

import helpers.shapes
from helpers.shapes import Square, area_sum
from helpers import shapes as sh

squares = [Square(n) for n in range(1, 4)]
print([s.area() for s in squares], area_sum(squares))
print(helpers.shapes.UNIT, sh.UNIT, sh.describe(squares[-1]))
print(isinstance(squares[0], sh.Square), helpers.shapes.created())
