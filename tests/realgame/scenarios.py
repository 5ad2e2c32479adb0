"""The runs the real-game tests judge: the shipped system or the baseline in one game, sampled as game time passes.

Times are seconds from the moment the run command was typed, read on the page's own clock. Every run gives one
record (a dict that is also written as JSON); the tests assert on records.
"""

import threading
import time
from pathlib import Path

from gameclient import Game

from hwgw.mem import read_server
from hwgw.sim.system import baseline_plan

SYSTEM = "run hwgw/start.js --report 5"
CONTROL_PLANE = ("hwgw/broker.js", "hwgw/initiator.js", "hwgw/orchestrator.js")
FAKE_STEP = 300
EARLY_STEP = 60
REAL_POLL = 5
REAL_STEP = 30


def baseline_command(tree: Path) -> str:
    entry = baseline_plan(read_server(tree)).entries[0]
    return " ".join(["run", entry["script"], *entry["args"]])


class Run:
    """One command's run in one game: money and status samples on the page's clock."""

    def __init__(self, game: Game, command: str, system: bool):
        self.game = game
        self.system = system
        self.began_wall = time.monotonic()
        self.money0 = game.state()["money"]
        self.clock0 = game.clock()
        answer = game.command(command)
        self.echo = answer["lines"] + answer["alerts"]
        self.samples: list[list[float]] = []
        self.statuses: list[tuple[float, dict]] = []
        self.control_plane_s: float | None = None
        self.sample()

    def elapsed(self) -> float:
        return (self.game.clock() - self.clock0) / 1000

    def sample(self) -> float:
        at = self.elapsed()
        self.samples.append([round(at, 3), self.game.state()["money"] - self.money0])
        if self.system and self.control_plane_s is None and set(CONTROL_PLANE) <= set(self.game.running()):
            self.control_plane_s = at
        if self.system:
            status = self.game.status()
            if status:
                self.statuses.append((at, status))
        return at

    def first_money_s(self) -> float | None:
        return next((at for at, money in self.samples if money > 0), None)

    def advance_to(self, moments: list[float]) -> None:
        """Fake clock: fast-forward to each moment in turn and sample there."""
        for moment in moments:
            gap = moment - self.elapsed()
            if gap > 0:
                self.game.advance(gap)
            self.sample()

    def wait_to(self, end: float, stop: threading.Event) -> None:
        """Real clock: sample every few seconds until money arrives, then every half minute, until `end`."""
        while True:
            at = self.elapsed()
            if at >= end:
                break
            step = REAL_POLL if self.first_money_s() is None else REAL_STEP
            if stop.wait(min(step, end - at)):
                raise RuntimeError(f"the real-clock run was stopped at {at:.0f} s of {end:.0f}")
            self.sample()

    def income(self, start: float, end: float) -> dict:
        """$/s between the samples nearest to `start` and `end` seconds."""
        a = min(self.samples, key=lambda s: abs(s[0] - start))
        b = min(self.samples, key=lambda s: abs(s[0] - end))
        rate = (b[1] - a[1]) / (b[0] - a[0]) if b[0] > a[0] else 0.0
        return {"from_s": a[0], "to_s": b[0], "per_s": rate}

    def record(self, name: str, windows: list[tuple[int, int]]) -> dict:
        record = {"scenario": name, "system": "hwgw" if self.system else "baseline",
                  "clock": "real" if self.game.real_clock else "fake",
                  "save": self.game.save.name if self.game.save else "fresh",
                  "wall_s": round(time.monotonic() - self.began_wall, 1), "echo": self.echo,
                  "first_money_s": self.first_money_s(), "control_plane_s": self.control_plane_s,
                  "money": self.samples[-1][1], "samples": self.samples,
                  "income": {f"{a // 60}-{b // 60}": self.income(a, b) for a, b in windows}}
        terminal = self.game.terminal()
        alerts = self.game.alerts()
        record["bad_lines"] = [line for line in terminal + alerts if "ERROR" in line or "deprecat" in line.lower()]
        record["alerts"] = alerts
        record["notes"] = [line for line in terminal if "hwgw: desync" in line or "prepped again" in line]
        if self.system:
            record.update(status_figures(self.statuses))
        return record


def status_figures(statuses: list[tuple[float, dict]]) -> dict:
    """What the status file says: the plan, the first hack, and late or skipped jobs after prep."""
    if not statuses:
        return {"status": None}
    last = statuses[-1][1]
    targets = last["targets"]
    first = targets[0] if targets else {}
    prepped = next((s for _, s in statuses if s["targets"] and s["targets"][0]["firstHack"] > 0), None)
    figures = {"status": last, "targets": [t["target"] for t in targets],
               "plannedIncome": total(last, "plannedIncome"), "weaken_s": first.get("weaken_s"),
               "plannedReady_s": first.get("plannedReady_s"),
               "firstHack_s": (first["firstHack"] - last["startedAt"]) / 1000 if first.get("firstHack") else None,
               "jobs": total(last, "jobs"), "late": total(last, "late"),
               "skipped": total(last, "skippedHacks", "missed"), "desynced": total(last, "unprepped"),
               "execFailures": total(last, "execFailures"), "execRefusals": total(last, "execRefusals"),
               "latency_p50": last["latency"]["p50"], "latency_p99": last["latency"]["p99"], "lead": last["lead"]}
    figures["whole_run"] = late_or_skipped(last, None)
    figures["after_prep"] = late_or_skipped(last, prepped) if prepped else None
    return figures


def late_or_skipped(last: dict, since: dict | None) -> dict:
    """Jobs launched, and jobs late or skipped (late, hacks skipped, jobs missed), from `since` (or the start)."""
    jobs = total(last, "jobs") - total(since, "jobs")
    bad = total(last, "late", "skippedHacks", "missed") - total(since, "late", "skippedHacks", "missed")
    return {"jobs": jobs, "late_or_skipped": bad, "share": bad / jobs if jobs else None}


def total(status: dict | None, *fields: str) -> float:
    """A figure summed over the status's targets."""
    return sum(t[field] for t in status["targets"] for field in fields) if status else 0


def planned_between(statuses: list[tuple[float, dict]], start: float, end: float) -> float | None:
    """The planner's income (all targets) averaged over the readings nearest to `start` and `end`."""
    if not statuses:
        return None
    readings = [min(statuses, key=lambda s: abs(s[0] - moment))[1] for moment in (start, end)]
    return sum(sum(t["plannedIncome"] for t in r["targets"]) for r in readings) / 2
