"""RAM budgets: `[tool.hwgw.budgets]` in pyproject.toml maps a script path or glob to the GB it may use.

Paths are relative to the folder being priced, e.g. `"hwgw/initiator.js" = 8.60` or `"hwgw/workers/*.js" = 1.75`.
An exact path wins over globs; among globs the first listed wins.
"""

import fnmatch
import tomllib
from dataclasses import dataclass
from pathlib import Path

from hwgw.mem.result import RamResult


class BudgetError(ValueError):
    """A budgets table that cannot be used; the message names the file and the fix."""


@dataclass(frozen=True)
class Priced:
    """One priced script: `script` is what is shown, `key` its path on the server (what budgets match)."""

    script: str
    key: str
    result: RamResult
    budget: float | None

    @property
    def status(self) -> str:
        ram = self.result.ram
        if ram is None:
            return "error"
        if self.budget is None:
            return "-"
        return "over" if ram > self.budget else "ok"


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_budgets(start: Path) -> dict[str, float]:
    """The budgets of the nearest pyproject.toml at or above `start` (empty when there is none)."""
    pyproject = find_pyproject(start.resolve())
    if pyproject is None:
        return {}
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise BudgetError(f"{pyproject}: {error}; fix the TOML syntax") from None
    table = data.get("tool", {}).get("hwgw", {}).get("budgets", {})
    if not isinstance(table, dict):
        raise BudgetError(f"{pyproject}: [tool.hwgw.budgets] must be a table of script path = GB")
    budgets = {}
    for pattern, gb in table.items():
        if isinstance(gb, bool) or not isinstance(gb, int | float) or gb <= 0:
            raise BudgetError(
                f"{pyproject}: [tool.hwgw.budgets] {pattern!r} = {gb!r} is not a RAM size; write a number of GB "
                f'such as "{pattern}" = 1.75'
            )
        budgets[pattern] = float(gb)
    return budgets


def budget_for(key: str, budgets: dict[str, float]) -> float | None:
    if key in budgets:
        return budgets[key]
    for pattern, gb in budgets.items():
        if fnmatch.fnmatchcase(key, pattern):
            return gb
    return None


def check_failures(priced: list[Priced]) -> list[str]:
    """One line per script that is over its budget or could not be priced."""
    failures = []
    for item in priced:
        if item.status == "error":
            failures.append(f"{item.script}: could not be priced: {item.result.error}")
        elif item.status == "over":
            failures.append(f"{item.script}: {item.result.ram:.2f} GB is over its budget of {item.budget:.2f} GB")
    return failures
