"""`hwgw sim --save`: a save the game exported becomes the emulator's world.

Expectations come from outside the parser: the shipped mid-game save's description (shared/realgame/README.md), the
game's server table (shared/reference/servers.json), the real game's own state read from its page right after it
exported tests/data/saves/midgame-running.json.gz (three scripts were running), and the game's own code in its web
build for the BitNode multipliers.
"""

import base64
import functools
import gzip
import json
import math
import os
import re
import tarfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from hwgw.sim import save
from hwgw.sim.cli import sim
from hwgw.sim.engine import Emulator
from hwgw.sim.scenario import ScenarioError, load, merge
from hwgw.sim.world import BITNODE_NAMES

SHARED = Path(__file__).resolve().parents[2] / "shared"
MIDGAME = SHARED / "realgame" / "saves" / "midgame-hack500.json.gz"
GAME_BUILD = SHARED / "realgame" / "bitburner-web-3.0.0-dev.tar.xz"
REFERENCE = SHARED / "reference" / "servers.json"
DATA = Path(__file__).parent / "data" / "saves"
RUNNING = DATA / "midgame-running.json.gz"
GAME_STATE = json.loads((DATA / "midgame-running.game.json").read_text())
ALL_PROGRAMS = ["NUKE.exe", "BruteSSH.exe", "FTPCrack.exe", "relaySMTP.exe", "HTTPWorm.exe", "SQLInject.exe",
                "Formulas.exe"]
needs_midgame = pytest.mark.skipif(not MIDGAME.exists(), reason="shared/realgame not beside the repository")


def world_of(path):
    found = save.load(path)
    return found, Emulator(merge(found.scenario), {})


def save_json(path) -> dict:
    return json.loads(gzip.decompress(Path(path).read_bytes()))


def with_player(path, tmp_path, **changes) -> Path:
    """A copy of the save at `path` with fields of its player changed."""
    outer = save_json(path)
    player = json.loads(outer["data"]["PlayerSave"])
    player["data"].update(changes)
    outer["data"]["PlayerSave"] = json.dumps(player)
    out = tmp_path / "changed.json.gz"
    out.write_bytes(gzip.compress(json.dumps(outer).encode()))
    return out


@needs_midgame
def test_midgame_player_is_the_one_the_readme_describes():
    found, em = world_of(MIDGAME)
    assert em.player.skill == 500
    assert 9.99e12 <= em.player.money <= 10e12
    assert sorted(em.player.programs) == sorted(ALL_PROGRAMS)
    assert found.bitnode == (1, 1)
    assert em.player.bitnode == dict.fromkeys(BITNODE_NAMES, 1.0)
    assert set(em.player.mults.values()) == {1}
    assert em.player.to_netscript()["bitNodeN"] == 1
    assert found.running == []


@needs_midgame
def test_midgame_home_purchased_and_roots():
    _, em = world_of(MIDGAME)
    home = em.servers["home"]
    assert (home.maxRam, home.cpuCores, home.hasAdminRights) == (64, 4, True)
    bought = sorted(h for h, s in em.servers.items() if s.purchasedByPlayer and h != "home")
    assert len(bought) == 10
    for host in bought:
        server = em.servers[host]
        assert (server.maxRam, server.hasAdminRights, server.neighbours) == (1024, True, ["home"])
        assert host in home.neighbours
    rooted = [h for h, s in em.servers.items() if s.hasAdminRights and not s.purchasedByPlayer]
    assert rooted == ["n00dles"]
    assert all(s.ramUsed == 0 for s in em.servers.values())


@needs_midgame
@pytest.mark.skipif(not REFERENCE.exists(), reason="shared/reference not beside the repository")
def test_midgame_servers_fit_the_game_server_table():
    _, em = world_of(MIDGAME)
    table = json.loads(REFERENCE.read_text())["servers"]
    checked = 0
    for meta in table:
        server = em.servers.get(meta["hostname"])
        if server is None or meta["hostname"] == "darkweb":
            continue
        checked += 1
        assert server.organizationName == meta["organizationName"]
        assert server.numOpenPortsRequired == meta["numOpenPortsRequired"]
        for name in ("requiredHackingSkill", "serverGrowth", "minDifficulty", "moneyMax", "maxRam", "cpuCores"):
            low, high = meta[name]
            assert low <= getattr(server, name) <= high, (meta["hostname"], name)
        low, high = meta["hackDifficulty"]
        assert low <= server.baseDifficulty <= high
        if server.maxRam:
            assert math.log2(server.maxRam).is_integer()
    assert checked == 70


def test_world_is_the_game_state_at_export():
    found, em = world_of(RUNNING)
    game = GAME_STATE["player"]
    assert em.player.exp == game["exp"]
    assert em.player.skill == game["hacking"]
    assert em.player.money == game["money"]
    assert em.player.mults == game["mults"]
    assert sorted(em.player.programs) == sorted(p for p in game["programs"] if p in ALL_PROGRAMS)
    assert len(GAME_STATE["servers"]) == len(em.servers) == 82
    for expected in GAME_STATE["servers"]:
        server = em.servers[expected["hostname"]]
        seen = server.to_netscript()
        for name in ("maxRam", "cpuCores", "hasAdminRights", "hackDifficulty", "minDifficulty", "baseDifficulty",
                     "moneyAvailable", "moneyMax", "requiredHackingSkill", "numOpenPortsRequired", "openPortCount",
                     "serverGrowth", "purchasedByPlayer"):
            assert seen[name] == expected[name], (expected["hostname"], name)
        assert sorted(server.neighbours) == sorted(expected["serversOnNetwork"])


def test_running_scripts_are_reported_and_their_ram_is_free():
    found, em = world_of(RUNNING)
    assert [(r.host, r.script, r.threads, r.args) for r in found.running] == [
        ("home", "idle.js", 3, ["alpha", 7]),
        ("home", "idle.js", 10, ["n00dles"]),
        ("pserv-0", "idle.js", 200, []),
    ]
    used = {s["hostname"]: s["ramUsed"] for s in GAME_STATE["servers"]}
    for host in ("home", "pserv-0"):
        held = sum(r.ram * r.threads for r in found.running if r.host == host)
        assert held == pytest.approx(used[host])
        assert em.servers[host].ramUsed == 0
    lines = save.describe(found, merge(found.scenario))
    assert "running in the save, left out: pserv-0 idle.js 200 thread(s)" in lines
    assert 'running in the save, left out: home idle.js 3 thread(s) ["alpha", 7]' in lines


def test_plain_and_base64_json_read_like_the_gzip(tmp_path):
    text = gzip.decompress(RUNNING.read_bytes())
    plain = tmp_path / "save.json"
    plain.write_bytes(text)
    # What the game writes to a .json file when the browser cannot compress: base64 of the UTF-8 JSON.
    encoded = tmp_path / "save-base64.json"
    encoded.write_bytes(base64.b64encode(text))
    expected = save.load(RUNNING)
    for path in (plain, encoded):
        found = save.load(path)
        assert found.scenario == expected.scenario
        assert found.running == expected.running


def bad_files(tmp_path):
    good = RUNNING.read_bytes()
    outer = save_json(RUNNING)
    old = dict(outer, data=dict(outer["data"], VersionSave="41"))
    return {
        "random.json.gz": (os.urandom(3000).replace(b"\x1f\x8b", b"xx"), "not a Bitburner save"),
        "not-a-save.json": (json.dumps({"servers": [], "player": {}}).encode(), "not a Bitburner save"),
        "truncated.json.gz": (good[: len(good) // 2], "truncated or damaged"),
        "broken.json": (json.dumps(outer).encode()[:5000], "not valid JSON"),
        "older.json.gz": (gzip.compress(json.dumps(old).encode()), "older game (format 41)"),
        "not-base64.json": (b"this is a text file, not a save", "not a Bitburner save"),
    }


@pytest.mark.parametrize("name", ["random.json.gz", "not-a-save.json", "truncated.json.gz", "broken.json",
                                  "older.json.gz", "not-base64.json"])
def test_bad_file_gets_one_line_and_exit_2(tmp_path, name):
    content, reason = bad_files(tmp_path)[name]
    path = tmp_path / name
    path.write_bytes(content)
    result = CliRunner().invoke(sim, ["--save", str(path), "--baseline", "--hours", "0.01"])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert str(path) in lines[0] and reason in lines[0]
    assert "export" in lines[0]


def test_missing_file_gets_one_line_and_exit_2(tmp_path):
    result = CliRunner().invoke(sim, ["--save", str(tmp_path / "nowhere.json.gz"), "--baseline"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [f"hwgw sim: {tmp_path / 'nowhere.json.gz'}: cannot read the save: "
                                          "No such file or directory"]


def test_cli_runs_the_baseline_on_the_save():
    result = CliRunner().invoke(sim, ["--save", str(RUNNING), "--baseline", "--hours", "0.1", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["hours"] == 0.1
    assert summary["hacking"]["start"] == 500
    assert summary["save"]["bitnode"] == [1, 1]
    assert [(r["host"], r["threads"]) for r in summary["save"]["running"]] == [("home", 3), ("home", 10),
                                                                               ("pserv-0", 200)]
    # The baseline roots every server it can: all of them, with every port opener on home.
    assert summary["ram"]["pool_gb"] == sum(s["maxRam"] for s in GAME_STATE["servers"])
    assert summary["calls"]["weaken"] > 0


def test_cli_text_report_names_the_save():
    result = CliRunner().invoke(sim, ["--save", str(RUNNING), "--baseline", "--hours", "0.01"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"hwgw sim: the world of {RUNNING}"
    assert lines[1].startswith("  BitNode 1.1, hacking 500, $9.999t;")
    assert lines[2] == "  home 64 GB, 4 cores; 10 purchased servers, 10240 GB; 1 other servers rooted"
    assert "  running in the save, left out: pserv-0 idle.js 200 thread(s)" in lines


def test_scenario_file_is_laid_over_the_save(tmp_path):
    path = tmp_path / "over.json"
    path.write_text(json.dumps({"player": {"money": 5}, "servers": {"set": {"phantasy": {"hasAdminRights": True}}},
                                "hours": 0.5}))
    found = save.load(RUNNING)
    scenario = load(path, found.scenario)
    em = Emulator(scenario, {})
    assert scenario["hours"] == 0.5
    assert em.player.money == 5
    assert em.player.skill == 500
    phantasy = em.servers["phantasy"]
    assert phantasy.hasAdminRights
    expected = next(s for s in GAME_STATE["servers"] if s["hostname"] == "phantasy")
    assert (phantasy.moneyMax, phantasy.minDifficulty) == (expected["moneyMax"], expected["minDifficulty"])
    path.write_text(json.dumps({"player": {"hacking": 450}}))
    assert Emulator(load(path, found.scenario), {}).player.skill == 450


def test_bitnode_and_source_file_level_come_from_the_player(tmp_path):
    path = with_player(RUNNING, tmp_path, bitNodeN=12, sourceFiles={"ctor": "JSONMap", "data": [[12, 3], [1, 2]]})
    found, em = world_of(path)
    assert found.bitnode == (12, 4)
    assert em.player.to_netscript()["bitNodeN"] == 12
    assert em.player.bitnode["HackingLevelMultiplier"] == pytest.approx(1 / 1.02**4)
    overridden = {"sourceFileOverrides": {"ctor": "JSONMap", "data": [[5, 0]]}}
    path = with_player(RUNNING, tmp_path, bitNodeN=5, bitNodeOptions=overridden,
                       sourceFiles={"ctor": "JSONMap", "data": [[5, 2]]})
    found, em = world_of(path)
    assert found.bitnode == (5, 1)
    assert em.player.bitnode["ScriptHackMoney"] == 0.15


@functools.cache
def game_bitnode_cases() -> str:
    """The switch of getBitNodeMultipliers in the game's web build."""
    with tarfile.open(GAME_BUILD) as tar:
        bundle = next(tar.extractfile(m).read().decode() for m in tar if m.name.endswith("dist/main.bundle.js"))
    start = bundle.index('throw new Error("Invalid BitNodeN")')
    return bundle[bundle.rindex("switch(", 0, start):start]


def game_bitnode_mults(n: int, level: int) -> dict:
    """getBitNodeMultipliers(n, level) as the game's web build defines it, for the multipliers hacking reads."""
    cases = game_bitnode_cases()
    body = re.search(rf"case {n}:(.*?)(?=case {n + 1}:|default:)", cases, re.S).group(1)
    inc = 1.02**level
    values = {"e": inc, "n": 1 / inc, "n*n": 1 / inc / inc}
    mults = dict.fromkeys(BITNODE_NAMES, 1.0)
    for name, value in re.findall(r"(\w+):(n\*n|[en]|-?[\d.]+(?:e-?\d+)?)(?=[,}])", body):
        if name in mults:
            mults[name] = values[value] if value in values else float(value)
    return mults


@pytest.mark.skipif(not GAME_BUILD.exists(), reason="shared/realgame not beside the repository")
def test_bitnode_multipliers_match_the_game_build():
    for n in range(1, 15):
        for level in (1, 3):
            assert save.bitnode_mults(n, level) == pytest.approx(game_bitnode_mults(n, level)), (n, level)


def test_scenario_exp_sets_the_level_and_must_agree_with_hacking():
    scenario = merge({"player": {"exp": 3_170_000_003.3}})
    assert scenario["player"]["hacking"] == 500
    with pytest.raises(ScenarioError, match='"player.exp" 3.17e\\+09 gives hacking level 500, not 400'):
        merge({"player": {"exp": 3_170_000_003.3, "hacking": 400}})


def test_scenario_added_servers_are_checked():
    with pytest.raises(ScenarioError, match='"servers.add": "n00dles" is already in this scenario'):
        merge({"servers": {"add": {"n00dles": {"maxRam": 8}}}})
    with pytest.raises(ScenarioError, match='"servers.add.box.neighbours": no server "nowhere"'):
        merge({"servers": {"add": {"box": {"maxRam": 8, "neighbours": ["nowhere"]}}}})
    with pytest.raises(ScenarioError, match='"player.bitNodeN" must be a BitNode from 1 to 14'):
        merge({"player": {"bitNodeN": 15}})
    em = Emulator(merge({"servers": {"add": {"box": {"maxRam": 8, "hasAdminRights": True, "neighbours": ["home"]}},
                                     "set": {"home": {"neighbours": ["box"]}}}}), {})
    assert em.servers["box"].maxRam == 8 and em.servers["home"].neighbours == ["box"]
