"""How `hwgw mem` shows prices: the game's `mem` layout for a script, a table for a folder, or JSON records."""

from decimal import ROUND_HALF_UP, Decimal

from hwgw.mem.budgets import Priced
from hwgw.mem.result import RamResult
from hwgw.mem.rounding import round_to_two

RAM_UNITS = ("GB", "TB", "PB", "EB")


def fixed2(x: float) -> str:
    """JavaScript's x.toFixed(2): the exact binary value rounded half up (Python's format rounds ties to even)."""
    return str(Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def format_ram(gb: float) -> str:
    """The game's RAM display: below 1 GB in MB (`500.00MB`), else GB, TB, ... in steps of 1000."""
    if 0 < abs(gb) < 1:
        return fixed2(gb * 1000) + "MB"
    for unit in RAM_UNITS[:-1]:
        if abs(gb) < 1000:
            return fixed2(gb) + unit
        gb /= 1000
    return fixed2(gb) + RAM_UNITS[-1]


def mem_lines(script: str, result: RamResult, threads: int = 1) -> list[str]:
    """What the game's `mem <script> -t <threads>` prints: the total, then each charge, dearest first."""
    if result.ram is None:
        return [f"Could not calculate ram usage for {script}", str(result.error)]
    lines = [f"This script requires {format_ram(result.ram * threads)} of RAM to run for {threads} thread(s)"]
    for entry in sorted(result.entries, key=lambda e: -e.cost):
        lines.append(f"{format_ram(entry.cost * threads):>8} | {entry.name} ({entry.type})")
    return lines


def table_lines(priced: list[Priced], threads: int = 1) -> list[str]:
    """A folder: one row per script (RAM, budget, status), the total, then the error of each unpriced script."""
    rows = [("script", "RAM", "budget", "status")]
    for item in priced:
        ram = "-" if item.result.ram is None else format_ram(item.result.ram * threads)
        budget = "-" if item.budget is None else format_ram(item.budget)
        rows.append((item.script, ram, budget, item.status))
    total = sum(item.result.ram for item in priced if item.result.ram is not None) * threads
    rows.append(("total", format_ram(total), "", ""))
    width = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        f"{script:<{width[0]}}  {ram:>{width[1]}}  {budget:>{width[2]}}  {status}".rstrip()
        for script, ram, budget, status in rows
    ]
    lines.extend(f"{item.script}: {item.result.error}" for item in priced if item.result.error is not None)
    return lines


def json_record(item: Priced, threads: int = 1) -> dict:
    result = item.result
    return {
        "script": item.script,
        "ram": None if result.ram is None else round_to_two(result.ram * threads),
        "entries": [{"type": e.type, "name": e.name, "cost": e.cost * threads} for e in result.entries],
        "error": result.error,
    }
