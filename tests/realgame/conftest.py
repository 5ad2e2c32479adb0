"""The real-game suite: each scenario is one game run, shared by the tests that judge it, recorded as JSON.

Run it with `pytest -q tests/realgame` (the plain `pytest -q` leaves it out). It needs /usr/bin/chromium, Node and
npm, and fails, never skips, when the game cannot start. Records go to $HWGW_REALGAME_RESULTS (default: the
system's temporary folder, hwgw-realgame-results); a table of the figures ends the session's output.

HWGW_REALGAME_REAL_MINUTES shortens the real-clock run (default 30) while working on it.
"""

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from gameclient import MIDGAME_SAVE, Game, Ports, setup
from scenarios import SYSTEM, Run, baseline_command, planned_between

from hwgw.build import build

RESULTS = Path(os.environ.get("HWGW_REALGAME_RESULTS", Path(tempfile.gettempdir()) / "hwgw-realgame-results"))
REAL_MINUTES = float(os.environ.get("HWGW_REALGAME_REAL_MINUTES", 30))
# Ports per game (static, control, Remote API): 8840-8853 and 12570-12579.
PORTS = {"realclock": Ports(8840, 8841, 12570), "midgame": Ports(8842, 8843, 12571),
         "midgame-baseline": Ports(8844, 8845, 12572), "fresh": Ports(8846, 8847, 12573),
         "fresh-baseline": Ports(8848, 8849, 12574), "push": Ports(8846, 8847, 12575),
         "growth": Ports(8850, 8851, 12576), "deleted": Ports(8852, 8853, 12577)}
HWGW_PUSH_PORT = 12579
HWGW = str(Path(sys.executable).with_name("hwgw"))
RECORDS: dict[str, dict] = {}


@pytest.fixture(scope="session")
def tree():
    """The shipped system, built once for the session."""
    with tempfile.TemporaryDirectory(prefix="hwgw-realgame-build-") as out:
        build(None, Path(out))
        yield Path(out)


@pytest.fixture(scope="session")
def driver():
    setup()


def keep(record: dict) -> dict:
    RECORDS[record["scenario"]] = record
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{record['scenario']}.json").write_text(json.dumps(record, indent=1))
    return record


@contextmanager
def in_game(name: str, save: Path | None = None, real_clock: bool = False):
    """A started game, stopped afterwards whatever happens."""
    game = Game(name, PORTS[name], save, real_clock)
    try:
        game.start()
        if not real_clock:
            game.yield_cpu()
        yield game
    finally:
        game.stop()


def fake_clock_run(name, tree, save, command, system, moments, windows):
    with in_game(name, save) as game:
        game.push_tree(tree)
        run = Run(game, command, system)
        run.advance_to(moments)
        record = run.record(name, windows)
        if system:
            record["plannedIncome_15-30"] = planned_between(run.statuses, 900, 1800)
        return keep(record)


FRESH_MOMENTS = [20, 40, 60, 80, 100, 120] + list(range(180, 600, 60)) + list(range(600, 1801, 300))
MIDGAME_MOMENTS = list(range(60, 600, 60)) + list(range(600, 2701, 300))
MIDGAME_WINDOWS = [(900, 1800), (1500, 1800), (1800, 2700)]


@pytest.fixture(scope="session")
def fresh_run(driver, tree):
    return fake_clock_run("fresh", tree, None, SYSTEM, True, FRESH_MOMENTS, [(0, 1800)])


@pytest.fixture(scope="session")
def fresh_baseline_run(driver, tree):
    return fake_clock_run("fresh-baseline", tree, None, baseline_command(tree), False, FRESH_MOMENTS, [(0, 1800)])


@pytest.fixture(scope="session")
def midgame_run(driver, tree):
    return fake_clock_run("midgame", tree, MIDGAME_SAVE, SYSTEM, True, MIDGAME_MOMENTS, MIDGAME_WINDOWS)


@pytest.fixture(scope="session")
def midgame_baseline_run(driver, tree):
    return fake_clock_run("midgame-baseline", tree, MIDGAME_SAVE, baseline_command(tree), False, MIDGAME_MOMENTS,
                          MIDGAME_WINDOWS)


BUY_FIVE = "export async function main(ns) { for (let i = 0; i < 5; i++) ns.purchaseServer('extra-' + i, 1024); }\n"
GROWTH_BUY_S = 900


@pytest.fixture(scope="session")
def growth_run(driver, tree):
    """Mid-game save, fake clock: five 1 TB servers bought by a small script while the system batches."""
    with in_game("growth", MIDGAME_SAVE) as game:
        game.push_tree(tree)
        game.op("push", files=[{"filename": "buy.js", "content": BUY_FIVE, "server": "home"}])
        run = Run(game, SYSTEM, True)
        run.advance_to([300, 600, GROWTH_BUY_S])
        before = game.status()
        bought = game.command("run buy.js", wait=1)
        run.advance_to([GROWTH_BUY_S + 60, GROWTH_BUY_S + 120])
        joined = game.status()
        run.advance_to([1200, 1500])
        record = run.record("growth", [(600, GROWTH_BUY_S), (1200, 1500)])
        record.update(pool_before_gb=before["pool"]["gb"], pool_joined_gb=joined["pool"]["gb"],
                      started_before=before["startedAt"], started_after=record["status"]["startedAt"],
                      bought=bought["lines"] + bought["alerts"])
        return keep(record)


DELETE_ONE = ("export async function main(ns) { ns.killall('pserv-3'); "
              "ns.tprint('deleted pserv-3: ' + ns.deleteServer('pserv-3')); }\n")
DELETE_S = 600


@pytest.fixture(scope="session")
def deleted_run(driver, tree):
    """Mid-game save, fake clock: the player kills pserv-3's scripts and deletes it while the system batches. Home
    keeps 8 GB free for the small script (`--reserve 8`)."""
    with in_game("deleted", MIDGAME_SAVE) as game:
        game.push_tree(tree)
        game.op("push", files=[{"filename": "delete.js", "content": DELETE_ONE, "server": "home"}])
        run = Run(game, SYSTEM + " --reserve 8", True)
        run.advance_to([300, DELETE_S])
        before = game.status()
        deleted = game.command("run delete.js", wait=1)
        run.advance_to([DELETE_S + 60, DELETE_S + 120])
        after = game.status()
        run.advance_to([900, 1200])
        record = run.record("deleted", [(300, DELETE_S), (900, 1200)])
        record.update(pool_before_gb=before["pool"]["gb"], pool_after_gb=after["pool"]["gb"],
                      started_before=before["startedAt"], started_after=record["status"]["startedAt"],
                      deleted=deleted["lines"] + deleted["alerts"],
                      written_off=[line for line in game.terminal() if "written off" in line])
        return keep(record)


def realclock_scenario(tree: Path, stop: threading.Event) -> dict:
    end = REAL_MINUTES * 60
    with in_game("realclock", MIDGAME_SAVE, real_clock=True) as game:
        game.push_tree(tree)
        run = Run(game, SYSTEM, True)
        run.wait_to(end, stop)
        record = run.record("realclock", [(int(end) - 300, int(end))])
        record["window"] = next(iter(record["income"]))
        return keep(record)


@pytest.fixture(scope="session", autouse=True)
def realclock_started(request, driver, tree):
    """The real-clock run starts with the session and runs beside the fake-clock games, which yield it the CPU."""
    if not any("realclock_run" in item.fixturenames for item in request.session.items):
        yield None
        return
    stop = threading.Event()
    with ThreadPoolExecutor(1) as pool:
        try:
            yield pool.submit(realclock_scenario, tree, stop)
        finally:
            stop.set()


@pytest.fixture(scope="session")
def realclock_run(realclock_started):
    return realclock_started.result()


def point_remote_api(game: Game, port: int) -> None:
    """Set the game's Remote API port (its own setting) and connect, as Options -> Remote API -> Connect does."""
    game.op("eval", js=f"window.__bb.Settings.RemoteFileApiPort = {port}; window.__bb.newRemoteFileApiConnection(); 1")


@pytest.fixture(scope="session")
def push_run(driver, tree):
    """`hwgw push` into a fresh game, then what the game holds, read back over the driver's own Remote API."""
    began = time.monotonic()
    with in_game("push") as game:
        push = subprocess.Popen([HWGW, "push", "--build", str(tree), "--port",
                                 str(HWGW_PUSH_PORT), "--timeout", "60"], stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        time.sleep(2)
        point_remote_api(game, HWGW_PUSH_PORT)
        output, _ = push.communicate(timeout=300)
        point_remote_api(game, game.ports.rfa)
        files = {p.relative_to(tree).as_posix(): p.read_text() for p in sorted(tree.rglob("*.js"))}
        in_game_files = {name: game.read_file(name) for name in files}
        game_ram = {name: game.op("ram", filename=name).get("result") for name in files}
    mem = subprocess.run([HWGW, "mem", "--json", str(tree)], capture_output=True, text=True)
    hwgw_ram = {entry["script"]: entry["ram"] for entry in json.loads(mem.stdout)}
    record = {"scenario": "push", "exit": push.returncode, "output": output.splitlines(),
              "files": len(files), "different": sorted(n for n in files if in_game_files[n] != files[n]),
              "hwgw_ram": hwgw_ram, "game_ram": game_ram, "wall_s": round(time.monotonic() - began, 1)}
    record["summary"] = (f"hwgw push exit {push.returncode}; {len(files) - len(record['different'])} of {len(files)} "
                         f"files in the game as built; RAM figures equal: "
                         f"{sum(hwgw_ram.get(n) == game_ram[n] for n in files)} of {len(files)}")
    return keep(record)


def pytest_terminal_summary(terminalreporter):
    if not RECORDS:
        return
    write = terminalreporter.write_line
    terminalreporter.section("hwgw in the real game")
    write(f"records in {RESULTS}")
    write(f"{'scenario':<17}{'first $ s':>10}{'1st hack s':>11}{'weaken s':>9}{'planned $/s':>13}  "
          f"{'income $/s by game minutes':<46}{'late+skip/jobs':>16}{'desync':>7}{'refused/lost':>13}"
          f"{'lat p50/p99 ms':>16}"
          f"{'wall s':>8}")
    for name, r in RECORDS.items():
        if "income" not in r:
            write(f"{name:<17}{r.get('summary', '')}")
            continue
        incomes = ", ".join(f"{w}: {money(i['per_s'])}" for w, i in r["income"].items())
        after = r.get("after_prep" if r["clock"] == "fake" else "whole_run")
        write(f"{name:<17}{num(r['first_money_s']):>10}{num(r.get('firstHack_s')):>11}{num(r.get('weaken_s')):>9}"
              f"{money(r.get('plannedIncome')):>13}  {incomes:<46}"
              f"{(str(after['late_or_skipped']) + '/' + str(after['jobs'])) if after else '-':>16}"
              f"{num(r.get('desynced')):>7}"
              f"{(num(r.get('execRefusals')) + '/' + num(r.get('execFailures'))) if 'execRefusals' in r else '-':>13}"
              f"{(num(r.get('latency_p50')) + '/' + num(r.get('latency_p99'))) if 'latency_p50' in r else '-':>16}"
              f"{num(r['wall_s']):>8}")


def num(value) -> str:
    return "-" if value is None else f"{value:.0f}" if abs(value) >= 10 else f"{value:.1f}"


def money(value) -> str:
    if value is None:
        return "-"
    for unit, size in (("t", 1e12), ("b", 1e9), ("m", 1e6), ("k", 1e3)):
        if abs(value) >= size:
            return f"${value / size:.2f}{unit}"
    return f"${value:.0f}"
