"""The clock every script shares: `performance.now()`, in milliseconds since the game's page loaded.

It is a browser global (no RAM cost, unlike Date through Python's time module, whose compiled form names
`window`). Code run under CPython gets a `performance` object set on this module by its caller.
"""

# hwgw: lean
from typing import Any

# The browser global, declared for type checkers only: an annotation binds nothing, in Python or in the game.
performance: Any


def now_ms() -> float:
    return performance.now()  # noqa: F821
