"""The page's stalls while the shipped system runs in the real game, on the real clock: the game's autosave.

The orchestrator notes every wake of its loop that comes 50 ms or more late (the page was busy elsewhere) in its
status file; the real-game suite's real-clock run keeps that file in its record. This script reads the record,
groups the stalls into saves (stalls less than 2 s apart), and gives what the emulator needs: how often the game
saves, in how many blocks, the gap between them, and how long a block stops the page.

    pytest -q tests/realgame/test_realgame_realclock.py     # writes $HWGW_REALGAME_RESULTS/realclock.json
    python bench/bench_game_stalls.py                       # prints the figures
    python bench/bench_game_stalls.py --write               # and puts them into hwgw/sim/latency.json

A stall is recorded as [the wake's moment, ms late]; its block began about that many ms before the wake.
"""

import argparse
import datetime
import json
import os
import statistics
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "hwgw" / "sim" / "latency.json"
RECORD = Path(os.environ.get("HWGW_REALGAME_RESULTS", Path(tempfile.gettempdir()) / "hwgw-realgame-results"))
SAME_SAVE_MS = 2000
QUANTILES = ("0", "0.5", "0.9", "0.99", "1")


def saves(stalls: list) -> list:
    """Stalls grouped by save: each a list of [began, ended] blocks, in order."""
    groups: list[list[list[float]]] = []
    for moment, late in sorted(stalls):
        block = [moment - late, moment]
        if groups and block[0] - groups[-1][-1][1] < SAME_SAVE_MS:
            groups[-1].append(block)
        else:
            groups.append([block])
    return groups


def quantile(ordered: list, q: float) -> float:
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def autosave(runs: list) -> dict:
    """The figures of the saves of several runs, each run's saves grouped by `saves`."""
    groups = [group for run in runs for group in run]
    if len(groups) < 3:
        raise SystemExit(f"{len(groups)} saves in the records: too few to measure (run the real clock longer)")
    periods = [b[0][0] - a[0][0] for run in runs for a, b in zip(run, run[1:])]
    blocks = sorted(round(b[1] - b[0], 1) for group in groups for b in group)
    gaps = [b[0] - a[1] for group in groups for a, b in zip(group, group[1:])]
    return {"every_ms": round(statistics.median(periods)),
            "blocks": round(statistics.median(len(group) for group in groups)),
            "apart_ms": round(statistics.median(gaps)) if gaps else 0,
            "n": len(blocks), "quantiles": {q: quantile(blocks, float(q)) for q in QUANTILES}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", nargs="*", type=Path, default=[RECORD / "realclock.json"],
                        help="real-clock records (their saves are pooled)")
    parser.add_argument("--write", action="store_true", help=f"put the figures into {OUT.relative_to(ROOT)}")
    args = parser.parse_args()
    runs = []
    for path in args.records:
        status = json.loads(path.read_text())["status"]
        began = status["startedAt"]
        print(f"{path}: {len(status['stalls'])} stalls over 50 ms in {(status['now'] - began) / 60000:.0f} minutes")
        for group in saves(status["stalls"]):
            print(f"  save at {(group[0][0] - began) / 1000:7.1f} s: " + ", ".join(f"{b[1] - b[0]:.0f} ms" for b in group))
        runs.append(saves(status["stalls"]))
    figures = autosave(runs)
    print(json.dumps(figures, indent=1))
    if args.write:
        data = json.loads(OUT.read_text())
        data["autosave"] = {**figures, "measured": datetime.date.today().isoformat(),
                            "how": "bench/bench_game_stalls.py on the real-game suite's real-clock run "
                                   "(mid-game save, the shipped system running)"}
        OUT.write_text(json.dumps(data, indent=1) + "\n")
        print(f"written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
