"""The broker, its client and the scripts of tests/broker_scripts, built together and run in the emulator.

The test scripts import the client as `hwgw.game.core.bus`, so they are built inside a copy of the broker's own
modules (only those, so that other game modules do not affect these tests): the tree is hwgw/game/{broker.py,
core/bus.py, core/message.py} plus hwgw/game/brokertest/, built as the package hwgw.game into `hwgw/...` paths.
"""

import shutil
from pathlib import Path

from hwgw.build import build
from hwgw.mem import read_server
from hwgw.sim.engine import Emulator
from hwgw.sim.scenario import merge

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "hwgw" / "game"
SCRIPTS = Path(__file__).resolve().parent / "broker_scripts"
BROKER_MODULES = ["broker.py", "core/bus.py", "core/message.py"]
WORLD = {"purchased": {"count": 0}, "home": {"ram": 4096, "cores": 1}, "settings": {"latency": "none"}}


def build_tree(workdir: Path) -> dict:
    """Stage and build; return the built files keyed by in-game path."""
    src = workdir / "src"
    game = src / "hwgw" / "game"
    for relative in BROKER_MODULES:
        target = game / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(GAME / relative, target)
    shutil.copytree(SCRIPTS, game / "brokertest", ignore=shutil.ignore_patterns("__pycache__"))
    for package in (src / "hwgw", game, game / "core", game / "brokertest"):
        (package / "__init__.py").touch()
    build(game, workdir / "out")
    return read_server(workdir / "out")


def run(files: dict, entries: list, hours: float = 1.0, **settings) -> Emulator:
    """Start `entries` ({script, args}) on home, in order, and run until idle or `hours` of game time."""
    scenario = dict(WORLD)
    if settings:
        scenario["settings"] = {**WORLD["settings"], **settings}
    em = Emulator(merge(scenario), files)
    em.run([dict(entry, script=f"hwgw/{entry['script']}") for entry in entries], hours)
    return em


def lines(em: Emulator, script: str = None) -> list:
    """What the scripts tprinted, without the `path: ` prefix; only `script`'s lines if given."""
    found = []
    for line in em.terminal:
        path, text = line.split(": ", 1)
        if script is None or path == f"hwgw/{script}":
            found.append(text)
    return found


def received(em: Emulator) -> dict:
    """Subscriber name -> the numbers it reported, in the order it handled them."""
    got = {}
    for text in lines(em):
        if text.startswith("got "):
            _, name, numbers = (text + " ").split(" ", 2)
            got[name] = [int(n) for n in numbers.split(",") if n.strip()]
    return got


def broker_log(em: Emulator) -> list:
    return [text[len("log "):] for text in lines(em) if text.startswith("log ")]
