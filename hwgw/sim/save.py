"""`hwgw sim --save FILE`: the world of a game save, the file the game's Options → Export writes.

Stages, each testable alone: `decode` (the file's bytes → the save's JSON text: gzip, the base64 text the game
writes when it cannot compress, or plain JSON), `parse` (JSON text → `Save`: the player and every server, unwrapped
from the game's {"ctor", "data"} records), `world` (`Save` → `World`: scenario keys for the emulator, and what was
left out).
"""

import base64
import binascii
import gzip
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from .report import money
from .world import ALL_PROGRAMS, BITNODE_NAMES, MULT_NAMES, load_server_data

GZIP_MAGIC = b"\x1f\x8b"
FIRST_VERSION = 43  # the save format of the game 3.0
EXPORT_AGAIN = "load it in the game 3.0 and export it again (Options → Export)"

# The BitNode multipliers the hacking formulas read, where a BitNode differs from 1. BitNode 12's depend on its level.
BITNODE_MULTS = {
    1: {},
    2: {"HackingLevelMultiplier": 0.8, "ServerGrowthRate": 0.8, "ServerMaxMoney": 0.08, "ServerStartingMoney": 0.4},
    3: {"HackingLevelMultiplier": 0.8, "ServerGrowthRate": 0.2, "ServerMaxMoney": 0.04, "ServerStartingMoney": 0.2,
        "ScriptHackMoney": 0.2},
    4: {"ServerMaxMoney": 0.1125, "ServerStartingMoney": 0.75, "ScriptHackMoney": 0.2, "HackExpGain": 0.4},
    5: {"ServerStartingSecurity": 2, "ServerStartingMoney": 0.5, "ScriptHackMoney": 0.15, "HackExpGain": 0.5},
    6: {"HackingLevelMultiplier": 0.35, "ServerMaxMoney": 0.2, "ServerStartingMoney": 0.5,
        "ServerStartingSecurity": 1.5, "ScriptHackMoney": 0.75, "HackExpGain": 0.25},
    7: {"HackingLevelMultiplier": 0.35, "ServerMaxMoney": 0.2, "ServerStartingMoney": 0.5,
        "ServerStartingSecurity": 1.5, "ScriptHackMoney": 0.5, "HackExpGain": 0.25},
    8: {"ScriptHackMoney": 0.3, "ScriptHackMoneyGain": 0},
    9: {"HackingLevelMultiplier": 0.5, "ServerMaxMoney": 0.01, "ServerStartingMoney": 0.1,
        "ServerStartingSecurity": 2.5, "ScriptHackMoney": 0.1, "HackExpGain": 0.05},
    10: {"HackingLevelMultiplier": 0.35, "ScriptHackMoney": 0.5},
    11: {"HackingLevelMultiplier": 0.6, "ServerGrowthRate": 0.2, "ServerMaxMoney": 0.01, "ServerStartingMoney": 0.1,
         "ServerWeakenRate": 2, "HackExpGain": 0.5},
    13: {"HackingLevelMultiplier": 0.25, "ServerMaxMoney": 0.3375, "ServerStartingMoney": 0.75,
         "ServerStartingSecurity": 3, "ScriptHackMoney": 0.2, "HackExpGain": 0.1},
    14: {"HackingLevelMultiplier": 0.4, "HackingSpeedMultiplier": 0.3, "ServerMaxMoney": 0.7,
         "ServerStartingMoney": 0.5, "ServerStartingSecurity": 1.5, "ScriptHackMoney": 0.3},
}

# Server fields the world takes as they are in the save.
TAKEN_FIELDS = ("maxRam", "hasAdminRights", "purchasedByPlayer", "organizationName", "baseDifficulty",
                "hackDifficulty", "minDifficulty", "moneyAvailable", "moneyMax", "serverGrowth", "sshPortOpen",
                "ftpPortOpen", "smtpPortOpen", "httpPortOpen", "sqlPortOpen", "backdoorInstalled")
WHOLE_FIELDS = ("cpuCores", "requiredHackingSkill", "numOpenPortsRequired")
HOST_CTORS = ("Server", "HacknetServer")


class SaveError(ValueError):
    pass


@dataclass
class Save:
    path: str
    version: int
    player: dict
    servers: dict  # hostname -> (ctor, data)


@dataclass
class Running:
    host: str
    script: str
    threads: int
    args: list
    ram: float  # GB per thread


@dataclass
class World:
    scenario: dict
    bitnode: tuple  # (BitNode, its level)
    running: list = field(default_factory=list)
    left_out: list = field(default_factory=list)


def bitnode_mults(n: int, level: int) -> dict:
    mults = dict.fromkeys(BITNODE_NAMES, 1.0)
    if n == 12:
        dec = 1 / 1.02**level
        mults.update(HackingLevelMultiplier=dec, ServerGrowthRate=dec, ServerMaxMoney=dec * dec,
                     ServerStartingMoney=dec, ServerWeakenRate=dec, ServerStartingSecurity=1.5,
                     ScriptHackMoney=dec, HackExpGain=dec)
    else:
        mults.update(BITNODE_MULTS[n])
    return mults


# decode


def decode(raw: bytes, where: str) -> str:
    """The save's JSON text from the bytes of an exported file."""
    if raw.startswith(GZIP_MAGIC):
        return gunzip(raw, where)
    text = utf8(raw, where).strip()
    if text.startswith("{"):
        return text
    try:
        inner = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise SaveError(f"{where}: not a Bitburner save: neither gzip, nor JSON, nor the game's base64 text; "
                        "export the save from the game (Options → Export) and pass that file") from None
    if inner.startswith(GZIP_MAGIC):
        return gunzip(inner, where)
    return utf8(inner, where)


def gunzip(raw: bytes, where: str) -> str:
    try:
        return utf8(gzip.decompress(raw), where)
    except (EOFError, OSError, zlib.error) as error:
        raise SaveError(f"{where}: the gzip data is truncated or damaged ({error}); "
                        "export the save from the game again and pass the whole file") from None


def utf8(raw: bytes, where: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SaveError(f"{where}: not a Bitburner save: the file is binary but not gzip; "
                        "export the save from the game (Options → Export) and pass that file") from None


# parse


def parse(text: str, where: str) -> Save:
    outer = json_of(text, where, "the file")
    is_save = isinstance(outer, dict) and outer.get("ctor") == "BitburnerSaveObject"
    if not is_save or not isinstance(outer.get("data"), dict):
        raise SaveError(f"{where}: JSON, but not a Bitburner save (no BitburnerSaveObject record); "
                        "export the save from the game (Options → Export) and pass that file")
    data = outer["data"]
    version = save_version(data.get("VersionSave"), where)
    player = record(json_of(part(data, "PlayerSave", where), where, "PlayerSave"), "PlayerObject", "PlayerSave", where)
    servers = json_of(part(data, "AllServersSave", where), where, "AllServersSave")
    if not isinstance(servers, dict) or "home" not in servers:
        raise SaveError(f"{where}: AllServersSave has no home server; {EXPORT_AGAIN}")
    unwrapped = {}
    for host, value in servers.items():
        if not isinstance(value, dict) or not isinstance(value.get("data"), dict):
            raise SaveError(f"{where}: AllServersSave: server {host} is not a {{ctor, data}} record; {EXPORT_AGAIN}")
        unwrapped[host] = (value.get("ctor"), value["data"])
    return Save(where, version, player, unwrapped)


def json_of(text, where: str, what: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise SaveError(f"{where}: {what} is not valid JSON ({error.msg} at line {error.lineno}, column "
                        f"{error.colno}); export the save from the game again") from None


def part(data: dict, key: str, where: str) -> str:
    if not isinstance(data.get(key), str):
        raise SaveError(f"{where}: the save has no {key}; {EXPORT_AGAIN}")
    return data[key]


def record(value, ctor: str, what: str, where: str) -> dict:
    if not isinstance(value, dict) or value.get("ctor") != ctor or not isinstance(value.get("data"), dict):
        raise SaveError(f"{where}: {what} is not a {ctor} record; {EXPORT_AGAIN}")
    return value["data"]


def save_version(text, where: str) -> int:
    """The save format number (VersionSave): 43 for the game 3.0; a version string before v1."""
    try:
        version = json.loads(text) if isinstance(text, str) and text else None
    except json.JSONDecodeError:
        version = None
    if isinstance(version, int) and not isinstance(version, bool) and version >= FIRST_VERSION:
        return version
    shown = f"format {version}" if isinstance(version, int) else f"version {version}" if version else "no version"
    raise SaveError(f"{where}: a save of an older game ({shown}); hwgw sim reads saves of the game 3.0 "
                    f"(format {FIRST_VERSION} or later): {EXPORT_AGAIN}")


# world


def world(save: Save) -> World:
    """The scenario keys for the save's world, the scripts running in it and what the world leaves out."""
    player = save.player
    n = whole(player.get("bitNodeN", 1), "bitNodeN", save.path)
    if not 1 <= n <= 14:
        raise SaveError(f"{save.path}: the player is in BitNode {n}, which this emulator does not know (1 to 14)")
    level = source_file_level(player, n) + 1
    bitnode = bitnode_mults(n, level)

    result = World({}, (n, level))
    table = {meta["hostname"] for meta in load_server_data()}
    hosts = {h for h, (ctor, _) in save.servers.items() if ctor in HOST_CTORS}
    sets: dict = {}
    adds: dict = {}
    for host, (ctor, data) in save.servers.items():
        if ctor not in HOST_CTORS:
            result.left_out.append(f"{host}: a {ctor} server, not emulated")
            continue
        fields = server_fields(data, hosts, save.path)
        (sets if host in table or host == "home" else adds)[host] = fields
        result.running += running_scripts(host, data)
    for host in sorted(table - set(sets)):
        sets[host] = {"neighbours": [], "hasAdminRights": False}
        result.left_out.append(f"{host}: not in the save; left unreachable and unrooted")

    home = sets["home"]
    programs = save.servers["home"][1].get("programs", [])
    mults = section(player, "mults", save.path)
    skills = section(player, "skills", save.path)
    result.scenario = {
        "player": {
            "exp": number(section(player, "exp", save.path).get("hacking", 0), "exp.hacking", save.path),
            "money": number(player.get("money", 0), "money", save.path),
            "intelligence": number(skills.get("intelligence", 0), "skills.intelligence", save.path),
            "programs": [p for p in ALL_PROGRAMS if p in programs],
            "mults": {name: number(mults.get(name, 1), f"mults.{name}", save.path) for name in MULT_NAMES},
            "bitNodeN": n,
        },
        "bitnode": bitnode,
        "home": {"ram": home["maxRam"], "cores": home["cpuCores"]},
        "purchased": {"count": 0},
        "servers": {"set": sets, "add": adds},
    }
    return result


def section(player: dict, key: str, where: str) -> dict:
    if not isinstance(player.get(key), dict):
        raise SaveError(f"{where}: PlayerSave has no {key} object; {EXPORT_AGAIN}")
    return player[key]


def source_file_level(player: dict, n: int) -> int:
    """The level of Source-File n in force: an override of the BitNode's options, else the one owned."""
    overrides = pairs(player.get("bitNodeOptions", {}).get("sourceFileOverrides"))
    if n in overrides:
        return overrides[n]
    return pairs(player.get("sourceFiles")).get(n, 0)


def pairs(value) -> dict:
    """A JSONMap record ({"ctor": "JSONMap", "data": [[key, value], ...]}) as a dict."""
    if isinstance(value, dict) and isinstance(value.get("data"), list):
        return {entry[0]: entry[1] for entry in value["data"] if isinstance(entry, list) and len(entry) == 2}
    return {}


def server_fields(data: dict, hosts: set, where: str) -> dict:
    host = data.get("hostname", "?")
    fields = {}
    for name in TAKEN_FIELDS:
        if name in data:
            fields[name] = data[name]
    for name in WHOLE_FIELDS:
        if name in data:
            fields[name] = whole(data[name], f"{host}.{name}", where)
    if "maxRam" in fields:
        fields["maxRam"] = number(fields["maxRam"], f"{host}.maxRam", where)
    fields["neighbours"] = [h for h in data.get("serversOnNetwork", []) if h in hosts]
    return fields


def running_scripts(host: str, data: dict) -> list:
    found = []
    for entry in data.get("runningScripts") or []:
        script = entry.get("data", {}) if isinstance(entry, dict) else {}
        found.append(Running(host, str(script.get("filename", "?")), script.get("threads", 1),
                             list(script.get("args", [])), script.get("ramUsage", 0)))
    return found


def number(value, what: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SaveError(f"{where}: {what} is {json.dumps(value)}, not a number; {EXPORT_AGAIN}")
    return value


def whole(value, what: str, where: str) -> int:
    value = number(value, what, where)
    if value != int(value):
        raise SaveError(f"{where}: {what} is {value}, not a whole number; {EXPORT_AGAIN}")
    return int(value)


# all stages


def load(path) -> World:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SaveError(f"{path}: cannot read the save: {error.strerror}") from None
    return world(parse(decode(raw, str(path)), str(path)))


def describe(world_: World, scenario: dict) -> list:
    """Lines about the world a save gave (`scenario` is it merged, as it runs): the player, the network, and what was
    left out."""
    player = scenario["player"]
    servers = {**scenario["servers"]["set"], **scenario["servers"]["add"]}
    bought = [f for h, f in servers.items() if f.get("purchasedByPlayer") and h != "home"]
    rooted = [f for f in servers.values() if f.get("hasAdminRights") and not f.get("purchasedByPlayer")]
    n, level = world_.bitnode
    lines = [
        f"BitNode {n}.{level}, hacking {player['hacking']}, {money(player['money'])}; "
        f"programs: {', '.join(player['programs']) or 'none'}",
        f"home {scenario['home']['ram']:g} GB, {scenario['home']['cores']} cores; {len(bought)} purchased servers, "
        f"{sum(f.get('maxRam', 0) for f in bought):g} GB; {len(rooted)} other servers rooted",
    ]
    for script in world_.running:
        lines.append(f"running in the save, left out: {script.host} {script.script} {script.threads} thread(s)"
                     + (f" {json.dumps(script.args)}" if script.args else ""))
    lines += [f"left out: {line}" for line in world_.left_out]
    return lines
