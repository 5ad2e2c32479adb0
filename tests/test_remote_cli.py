"""The `hwgw push` / `hwgw watch` command lines: binding rules, missing builds, the no-game message."""

import asyncio
import re
import socket
import subprocess
import sys

import pytest
from click.testing import CliRunner

from fake_game import FakeGame

import hwgw.remote.cli as remote_cli
from hwgw.cli import main
from hwgw.remote.cli import is_loopback


@pytest.mark.parametrize(
    "host, loopback",
    [("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("localhost", True),
     ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("example.org", False)],
)
def test_loopback_addresses(host, loopback):
    assert is_loopback(host) is loopback


@pytest.mark.parametrize("command", ["push", "watch"])
def test_binding_beyond_loopback_needs_the_flag(command):
    result = CliRunner().invoke(main, [command, "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "--host 0.0.0.0 is not a loopback address" in result.output
    assert "--allow-remote" in result.output


def test_push_without_a_build_says_to_build_first(tmp_path):
    result = CliRunner().invoke(main, ["push", "--build", str(tmp_path / "nothing")])
    assert result.exit_code == 1
    assert "does not exist: run `hwgw build` first" in result.output


def test_push_with_no_game_exits_1_with_how_to_connect(tmp_path, monkeypatch):
    (tmp_path / "x.js").write_text("export async function main(ns) {}\n")
    monkeypatch.setattr(remote_cli, "read_build", lambda folder: {"x.js": (folder / "x.js").read_text()})
    result = CliRunner().invoke(main, ["push", "--build", str(tmp_path), "--port", "0", "--timeout", "0.1"])
    assert result.exit_code == 1
    assert "the game did not connect to ws://127.0.0.1:" in result.output
    assert "In the game, open Options → Remote API, set Hostname to localhost and Port to" in result.output
    assert "then press Connect" in result.output


# The real command, end to end: hwgw's RAM from `hwgw mem`, the game's from the fake game, which answers
# with the worker sizes the game reports (hack-only 1.70 GB, grow-only 1.75 GB, weaken-only 1.75 GB).
WORKERS = {
    "hwgw/workers/hack.js": "export async function main(ns) { await ns.hack(ns.args[0]); }\n",
    "hwgw/workers/grow.js": "export async function main(ns) { await ns.grow(ns.args[0]); }\n",
    "hwgw/workers/weaken.js": "export async function main(ns) { await ns.weaken(ns.args[0]); }\n",
}
WORKER_RAM = {"hwgw/workers/hack.js": 1.7, "hwgw/workers/grow.js": 1.75, "hwgw/workers/weaken.js": 1.75}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def push_with_game(build_dir, game):
    port = free_port()
    command = [sys.executable, "-c", "from hwgw.cli import main; main()", "push", "--build", str(build_dir), "--port", str(port),
               "--timeout", "5"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    async def connect():
        while True:
            try:
                await game.connect(port)
                break
            except OSError:
                assert process.poll() is None, "hwgw push ended before the game could connect"
                await asyncio.sleep(0.05)
        await game.task

    asyncio.run(asyncio.wait_for(connect(), 8))
    out, err = process.communicate(timeout=8)
    return process.returncode, out, err


def write_tree(folder, files):
    for path, code in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(code)


def test_hwgw_push_checks_its_own_ram_figures_against_the_game(tmp_path):
    write_tree(tmp_path, WORKERS)
    game = FakeGame(lambda files, name: WORKER_RAM[name])
    code, out, err = push_with_game(tmp_path, game)
    assert code == 0, out + err
    assert game.files["home"] == WORKERS
    assert re.search(r"hwgw/workers/hack\.js\s+1\.70 GB\s+1\.70 GB\s+yes", out)
    assert re.search(r"hwgw/workers/weaken\.js\s+1\.75 GB\s+1\.75 GB\s+yes", out)
    assert "game connected from 127.0.0.1" in err


def test_hwgw_push_exits_1_when_the_game_disagrees(tmp_path):
    write_tree(tmp_path, WORKERS)
    game = FakeGame(lambda files, name: 1.8 if name.endswith("grow.js") else WORKER_RAM[name])
    code, out, err = push_with_game(tmp_path, game)
    assert code == 1, out + err
    assert re.search(r"hwgw/workers/grow\.js\s+1\.75 GB\s+1\.80 GB\s+NO", out)


def test_push_on_a_busy_port_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(remote_cli, "read_build", lambda folder: {"x.js": "export async function main(ns) {}"})
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = CliRunner().invoke(main, ["push", "--build", str(tmp_path), "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
    assert "stop it or pass --port" in result.output


def test_hwgw_figures_follow_the_players_source_file_4_level():
    """Singularity functions cost 16x below SF4 level 2, 4x at level 2 and 1x from level 3 (or in BitNode 4)."""
    import json as json_module
    from pathlib import Path as PathType

    from hwgw.remote.cli import mem_price

    costs = json_module.loads((PathType(__file__).resolve().parents[1] / "hwgw" / "mem" / "ramcosts-3.0.json")
                              .read_text())
    files = {"s.js": "export async function main(ns) { ns.singularity.connect('home'); }\n"}
    base = costs["singularity.connect"]
    assert mem_price("home")(files, "s.js") == round(1.6 + 16 * base, 2)
    assert mem_price("home", sf4=2)(files, "s.js") == round(1.6 + 4 * base, 2)
    assert mem_price("home", sf4=3)(files, "s.js") == round(1.6 + base, 2)
    assert mem_price("home", bitnode=4)(files, "s.js") == round(1.6 + base, 2)
