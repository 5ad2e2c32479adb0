"""Text for the terminal: push failures, the RAM table, and a one-line verdict."""

from __future__ import annotations

from hwgw.remote.push import PushFailure, RamCheck

HEADERS = ("script", "hwgw RAM", "game RAM", "match")


def gb(ram: float | None) -> str:
    return "invalid" if ram is None else f"{ram:.2f} GB"


def failure_lines(failures: list[PushFailure]) -> list[str]:
    return [f"push failed: {f.path}: {f.error}" for f in failures]


def ram_table(checks: list[RamCheck]) -> list[str]:
    rows = [HEADERS] + [(c.script, gb(c.hwgw), gb(c.game), "yes" if c.match else "NO") for c in checks]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADERS))]
    lines = [
        f"{row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]:>{widths[2]}}  {row[3]}" for row in rows
    ]
    lines += [f"  {c.script}: the game says: {c.game_error}" for c in checks if c.game_error]
    return lines


def verdict(pushed: int, server: str, failures: list[PushFailure], checks: list[RamCheck]) -> str:
    mismatches = sum(not c.match for c in checks)
    problems = []
    if failures:
        problems.append(f"{len(failures)} failed")
    if mismatches:
        problems.append(f"{mismatches} RAM mismatch{'es' if mismatches > 1 else ''}")
    head = f"pushed {pushed - len(failures)} of {pushed} files to {server}, checked {len(checks)} scripts"
    return head + (": " + ", ".join(problems) if problems else ": all RAM figures match the game")
