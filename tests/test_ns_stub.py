"""hwgw.ns: the typed Netscript stub covers the game's v3.0.x API, and mypy checks scripts against it."""

import json
import re
import subprocess
import sys
import typing
from importlib import resources
from pathlib import Path

import pytest

from hwgw import ns

REPO = Path(__file__).resolve().parent.parent
GAME = REPO / "hwgw" / "game"
MYPY = [sys.executable, "-m", "mypy", "--check-untyped-defs", "--no-color-output", "--show-error-codes"]


def netscript_table():
    return json.loads(resources.files("hwgw.mem").joinpath("ramcosts-3.0.json").read_text())


def resolve(path):
    """Follow `a.b.c` from NS through namespace attributes; the member, or None if missing."""
    *namespaces, leaf = path.split(".")
    holder = ns.NS
    for name in namespaces:
        holder = typing.get_type_hints(holder).get(name)
        if holder is None:
            return None
    return getattr(holder, leaf, None)


def test_every_function_of_the_cost_table_is_on_ns():
    table = netscript_table()
    missing = [key for key in table if not callable(resolve(key))]
    # `break` is a Python keyword and cannot be a method name.
    assert missing == ["heart.break"]


def test_functions_removed_in_v3_are_absent():
    # Purchased servers moved to ns.cloud in v3: the old name must not type-check.
    assert "getPurchasedServers" not in netscript_table()
    assert resolve("getPurchasedServers") is None
    assert callable(resolve("cloud.getServerNames"))


def run_mypy(*files, cache):
    result = subprocess.run(MYPY + ["--cache-dir", str(cache), *map(str, files)], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    return result.returncode, result.stdout + result.stderr


GOOD = '''\
from hwgw.ns import NS, BasicHGWOptions, Server


async def main(ns: NS) -> None:
    ns.disableLog("ALL")
    target = str(ns.args[0])
    server: Server = ns.getServer(target)
    player = ns.getPlayer()
    threads = ns.formulas.hacking.growThreads(server, player, server.moneyMax, server.cpuCores)
    pid = ns.exec("hwgw/workers/grow.js", "home", {"threads": max(1, int(threads))}, target, 1.5)
    if pid == 0:
        ns.toast("exec failed", "error", 5000)
    opts: BasicHGWOptions = {"threads": 1, "additionalMsec": 20.0}
    stolen: float = await ns.hack(target, opts)
    port = ns.getPortHandle(1)
    if not port.full():
        port.write(stolen)
    await ns.nextPortWrite(2)
    ns.print(ns.readPort(2), ns.pid, ns.peek(3), ns.tryWritePort(4, "x"))
    for host in ns.scan():
        if not ns.hasRootAccess(host) and ns.getServerNumPortsRequired(host) <= 1:
            ns.brutessh(host)
            ns.nuke(host)
    for process in ns.ps("home"):
        if process.filename.endswith("hack.js"):
            ns.kill(process.pid)
    ns.kill("hwgw/workers/hack.js", "home", target)
    ns.scp(["a.js", "b.js"], "n00dles", "home")
    chance = ns.hackAnalyzeChance(target) * ns.hackAnalyze(target)
    security = ns.hackAnalyzeSecurity(2) + ns.growthAnalyzeSecurity(3, target, 1) - ns.weakenAnalyze(4)
    wait = ns.getWeakenTime(target) - ns.getHackTime(target) - ns.getGrowTime(target)
    await ns.sleep(max(0.0, wait + chance + security))
    ram = ns.getScriptRam("hwgw/workers/hack.js") * ns.growthAnalyze(target, 2.0)
    ns.tprint(ns.format.ram(ram), ns.cloud.getServerNames(), ns.getHostname(), ns.fileExists("x.txt"))
'''

# Each line marked `# error` must be reported, and nothing else.
BAD = '''\
from hwgw.ns import NS


async def main(ns: NS) -> None:
    ns.hakc("n00dles")  # error
    ns.sleep(100)  # error
    await ns.hack(42)  # error
    await ns.grow("n00dles", {"thread": 2})  # error
    ns.getPurchasedServers()  # error
    ns.formulas.hacking.growThreads(ns.getServer(), ns.getPlayer())  # error
    money: str = ns.getServerMaxMoney("n00dles")  # error
    ns.exec("x.js")  # error
    ns.getServer("n00dles").moneyMaximum  # error
'''


@pytest.fixture(scope="module")
def mypy_cache(tmp_path_factory):
    return tmp_path_factory.mktemp("mypy-cache")


def error_lines(output, name):
    return {int(m[1]) for m in re.finditer(rf"{re.escape(name)}:(\d+): error:", output)}


def test_mypy_accepts_a_correct_script_and_catches_each_mistake(tmp_path, mypy_cache):
    (tmp_path / "good.py").write_text(GOOD)
    (tmp_path / "bad.py").write_text(BAD)
    code, output = run_mypy(tmp_path / "good.py", tmp_path / "bad.py", cache=mypy_cache)
    assert code == 1, output
    assert error_lines(output, "good.py") == set(), output
    marked = {n for n, line in enumerate(BAD.splitlines(), 1) if line.endswith("# error")}
    assert error_lines(output, "bad.py") == marked, output
    assert '"NS" has no attribute "hakc"' in output
    assert '"NS" has no attribute "getPurchasedServers"' in output
    assert "[unused-coroutine]" in output


def test_the_stub_itself_passes_strict_mypy(mypy_cache):
    code, output = run_mypy("--strict", REPO / "hwgw" / "ns.py", cache=mypy_cache)
    assert code == 0, output


@pytest.mark.skipif(not any(GAME.rglob("*.py")), reason="hwgw/game has no Python scripts yet")
def test_shipped_game_scripts_type_check(mypy_cache):
    code, output = run_mypy(GAME, cache=mypy_cache)
    assert code == 0, output
