"""The shipped system in the real game: time to the first hack, income against the planner and the baseline, late
and skipped jobs, plan-to-worker latency, and new servers joining while it runs.

Runs the game's own web build headless through ../shared/realgame (its driver needs Chromium and npm):

    python bench/bench_realgame.py fresh            # fresh save, fake clock, 30 game minutes, and the baseline
    python bench/bench_realgame.py midgame          # mid-game save, fake clock, 45 game minutes, and the baseline
    python bench/bench_realgame.py realclock        # mid-game save, the browser's own clock, --minutes (10)
    python bench/bench_realgame.py grow             # mid-game save, fake clock, five 1 TB servers bought at minute 15

Each prints the figures it measured. The game runs in its own REALGAME_HOME on ports 8870-8872 and 12600.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from hwgw.build import build

ROOT = Path(__file__).resolve().parent.parent
DRIVER = ROOT.parent / "shared" / "realgame" / "realgame.py"
SAVE = ROOT.parent / "shared" / "realgame" / "saves" / "midgame-hack500.json.gz"
PORTS = ["--static-port", "8870", "--rfa-port", "12600", "--ctl-port", "8872"]
CONTROL = "http://127.0.0.1:8872/"
ENV = dict(os.environ, REALGAME_HOME=str(Path.home() / ".cache" / "realgame-bench"), REALGAME_CTL=CONTROL)
BUY = "export async function main(ns) { for (let i = 0; i < 5; i++) ns.purchaseServer('extra-' + i, 1024); }\n"


def op(name, **fields):
    request = urllib.request.Request(CONTROL, json.dumps(dict(op=name, **fields)).encode(),
                                     {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=900) as answer:
        return json.loads(answer.read() or b"null")


class Game:
    def __init__(self, tree: Path, save: Path | None, real_clock: bool = False):
        flags = (["--save", str(save)] if save else []) + (["--no-clock"] if real_clock else []) + PORTS
        subprocess.run([sys.executable, str(DRIVER), "start", "--restart"] + flags, env=ENV, check=True,
                       capture_output=True)
        files = [{"filename": str(p.relative_to(tree)), "content": p.read_text(), "server": "home"}
                 for p in sorted(tree.rglob("*.js"))]
        op("push", files=files)

    def command(self, line, wait=1.0):
        answer = op("cmd", command=line, waitMs=int(wait * 1000), settleMs=400)
        return answer["lines"] + answer["alerts"]

    def advance(self, seconds):
        op("advance", ms=int(seconds * 1000))

    def money(self):
        return op("state")["money"]

    def status(self):
        """The orchestrator's status file (`cat` shows a text file in a dialog)."""
        for text in reversed(self.command("cat hwgw/status.txt", wait=0)):
            if "{" in text:
                return json.loads(text[text.index("{"):])
        return None

    def terminal(self):
        return op("eval", js="window.__bb.Terminal.outputHistory.map(o => o.text || '')")

    def stop(self):
        subprocess.run([sys.executable, str(DRIVER), "stop"], env=ENV, capture_output=True)


def baseline_args(tree: Path):
    libraries = sorted(str(p.relative_to(tree)) for p in (tree / "hwgw" / "lib").glob("*.js"))
    return "run hwgw/baseline/deploy.js hwgw/baseline/loop.js " + " ".join(libraries)


def sample(game, minutes, step=300):
    """Money at every `step` game seconds up to `minutes`: {second: money}."""
    money = {0: game.money()}
    for second in range(step, int(minutes * 60) + 1, step):
        game.advance(step)
        money[second] = game.money()
    return money


def rate(money, start, end):
    return (money[end] - money[start]) / (end - start)


def system_run(tree, save, minutes):
    game = Game(tree, save)
    try:
        game.command("run hwgw/start.js --report 10", wait=2)
        money = sample(game, minutes)
        return money, game.status(), game.terminal()
    finally:
        game.stop()


def baseline_run(tree, save, minutes):
    game = Game(tree, save)
    try:
        game.command(baseline_args(tree), wait=2)
        return sample(game, minutes)
    finally:
        game.stop()


def summary(status):
    target = status["targets"][0]
    first = (target["firstHack"] - status["startedAt"]) / 1000 if target["firstHack"] else None
    return (f"target {target['target']}: first hack {first:.0f} s after start (planner {target['plannedReady_s']:.0f} s, "
            f"weaken at the start security {target['weaken_s']:.0f} s); planned ${target['plannedIncome'] / 1e6:.2f}m/s; "
            f"jobs {target['jobs']}, late {target['late']}, skipped hacks {target['skippedHacks']}, missed "
            f"{target['missed']}, unprepped {target['unprepped']}, exec failures {target['execFailures']}; latency "
            f"p50 {status['latency']['p50']:.1f} ms, p99 {status['latency']['p99']:.1f} ms; lead {status['lead']:.0f} ms")


def fresh(tree, args):
    money, status, terminal = system_run(tree, None, 30)
    bad = [line for line in terminal if "ERROR" in line or "deprecated" in line]
    base = baseline_run(tree, None, 30)
    print(summary(status))
    print(f"money after 30 game minutes: hwgw ${money[1800] - money[0]:,.0f}, baseline ${base[1800] - base[0]:,.0f}")
    print(f"ERROR or deprecation lines in the terminal: {len(bad)}")


def midgame(tree, args):
    money, status, _ = system_run(tree, SAVE, 45)
    base = baseline_run(tree, SAVE, 45)
    print(summary(status))
    print(f"income, game minutes 15-30: ${rate(money, 900, 1800) / 1e6:.2f}m/s; 30-45: "
          f"${rate(money, 1800, 2700) / 1e6:.2f}m/s; baseline 30-45: ${rate(base, 1800, 2700) / 1e6:.2f}m/s")


def realclock(tree, args):
    game = Game(tree, SAVE, real_clock=True)
    try:
        began = time.time()
        game.command("run hwgw/start.js --report 10", wait=2)
        money = {}
        while time.time() - began < args.minutes * 60:
            time.sleep(30)
            money[round(time.time() - began)] = game.money()
        status = game.status()
    finally:
        game.stop()
    seconds = sorted(money)
    last = [s for s in seconds if s >= seconds[-1] - 300]
    print(summary(status))
    print(f"income over real seconds {last[0]}-{last[-1]}: ${rate(money, last[0], last[-1]) / 1e6:.2f}m/s")


def grow(tree, args):
    game = Game(tree, SAVE)
    try:
        game.command("run hwgw/start.js --report 10", wait=2)
        op("push", files=[{"filename": "buy.js", "content": BUY, "server": "home"}])
        game.advance(600)
        before = sample(game, 5)
        pool = game.status()["pool"]["gb"]
        game.command("run buy.js", wait=1)
        game.advance(120)
        joined = game.status()["pool"]["gb"]
        game.advance(180)
        after = sample(game, 5)
        status = game.status()
    finally:
        game.stop()
    print(f"pool {pool:.0f} GB, 2 game minutes after buying five 1 TB servers {joined:.0f} GB")
    print(f"income ${rate(before, 0, 300) / 1e6:.2f}m/s before, ${rate(after, 0, 300) / 1e6:.2f}m/s after "
          f"(planner now ${status['targets'][0]['plannedIncome'] / 1e6:.2f}m/s)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", choices=["fresh", "midgame", "realclock", "grow"])
    parser.add_argument("--minutes", type=float, default=10, help="real minutes for realclock")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as out:
        build(None, Path(out))
        {"fresh": fresh, "midgame": midgame, "realclock": realclock, "grow": grow}[args.scenario](Path(out), args)


if __name__ == "__main__":
    main()
