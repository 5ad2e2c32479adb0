"""The game's rounding: JavaScript's Math.round (halves go up), not Python's round-half-to-even."""

import math


def js_round(x: float) -> float:
    whole = math.floor(x)
    return whole + 1 if x - whole >= 0.5 else whole


def round_to_two(x: float) -> float:
    """Math.round(x * 100) / 100, as the game stores a script's RAM."""
    return js_round(x * 100) / 100
