"""Scenario files: the starting world of a simulation, as JSON.

Every key is optional; missing keys take the built-in mid-game BitNode-1 values (DEFAULT).
"""

import copy
import json
from pathlib import Path

from . import formulas
from .latency import LatencyError, parse_setting
from .world import ALL_PROGRAMS, BITNODE_NAMES, MULT_NAMES, load_server_data

DEFAULT = {
    "seed": 1,
    "hours": 1.0,
    "player": {"hacking": 500, "money": 0, "intelligence": 0, "programs": ALL_PROGRAMS, "mults": {}, "bitNodeN": 1},
    "bitnode": {},
    "home": {"ram": 64, "cores": 4},
    "purchased": {"count": 10, "ram": 1024, "prefix": "pserv-"},
    "servers": {"draw": "random", "set": {}, "add": {}},
    "settings": {"game_version": "3.0", "port_capacity": 50, "timer_lateness_ms": [0, 0], "latency": "quiet",
                 "start_date_ms": 1767225600000},
    "run": [],
    "events": [],
}

SERVER_FIELDS = {
    "maxRam": (int, float),
    "cpuCores": int,
    "hasAdminRights": bool,
    "requiredHackingSkill": int,
    "numOpenPortsRequired": int,
    "baseDifficulty": (int, float),
    "hackDifficulty": (int, float),
    "minDifficulty": (int, float),
    "moneyAvailable": (int, float),
    "moneyMax": (int, float),
    "serverGrowth": (int, float),
    "sshPortOpen": bool,
    "ftpPortOpen": bool,
    "smtpPortOpen": bool,
    "httpPortOpen": bool,
    "sqlPortOpen": bool,
    "backdoorInstalled": bool,
    "purchasedByPlayer": bool,
    "organizationName": str,
    "neighbours": list,
}
NUMBER = (int, float)
SHAPE = {
    "seed": int,
    "hours": NUMBER,
    "player": {"hacking": int, "exp": NUMBER, "money": NUMBER, "intelligence": NUMBER, "programs": list, "mults": dict,
               "bitNodeN": int},
    "bitnode": dict,
    "home": {"ram": NUMBER, "cores": int},
    "purchased": {"count": int, "ram": NUMBER, "prefix": str},
    "servers": {"draw": str, "set": dict, "add": dict},
    "settings": {"game_version": str, "port_capacity": int, "timer_lateness_ms": list, "start_date_ms": int,
                 "latency": object},
    "run": list,
    "events": list,
}
BITNODE_COUNT = 14
RUN_SHAPE = {"script": str, "host": str, "threads": int, "args": list}
EVENT_SHAPES: dict = {
    "buy_server": {"name": str, "ram": NUMBER},
    "delete_server": {"name": str},
    "upgrade_home": {"ram": NUMBER},
    "add_program": {"name": str},
    "gain_exp": {"amount": NUMBER},
    "bitnode": dict,
}
EVENT_EXAMPLE = '{"at_s": 1200, "buy_server": {"name": "pserv-10", "ram": 1024}}'
PURCHASED_LIMIT = 25
PURCHASED_MAX_RAM = 2**20
HOME_MAX_RAM = 2**30
SHIPPED = Path(__file__).parent / "scenarios"


class ScenarioError(ValueError):
    pass


def shipped_names() -> list:
    return sorted(path.stem for path in SHIPPED.glob("*.json"))


def find(name: str) -> Path:
    """The scenario file `name`, or else the shipped scenario of that name (hwgw/sim/scenarios/NAME.json)."""
    shipped = SHIPPED / f"{name}.json"
    return shipped if not Path(name).exists() and name in shipped_names() else Path(name)


def load(path, base: dict | None = None) -> dict:
    """The scenario file at `path`, laid over `base` (scenario keys, e.g. a save's world) if given."""
    path = Path(path)
    try:
        text = path.read_text()
    except OSError as error:
        raise ScenarioError(f"{path}: cannot read the scenario: {error.strerror}; give a scenario file or a shipped "
                            f"scenario: {', '.join(shipped_names())}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ScenarioError(
            f"{path}:{error.lineno}:{error.colno}: not valid JSON ({error.msg}); fix the JSON syntax there"
        ) from None
    if base is not None and isinstance(data, dict):
        given = data.get("player")
        if isinstance(given, dict) and "hacking" in given and "exp" not in given:
            base = {**base, "player": {k: v for k, v in base.get("player", {}).items() if k != "exp"}}
        data = lay(base, data)
    return merge(data, str(path), text)


def lay(base: dict, over: dict) -> dict:
    """`over` laid on `base`: objects merge key by key, any other value replaces."""
    laid = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(laid.get(key), dict):
            laid[key] = lay(laid[key], value)
        else:
            laid[key] = copy.deepcopy(value)
    return laid


def merge(data, where: str = "<scenario>", text: str = "") -> dict:
    """The default scenario with `data` laid over it, after checking every key and type."""
    if not isinstance(data, dict):
        raise ScenarioError(f"{where}:1: the scenario must be a JSON object")
    check(data, SHAPE, "", where, text)
    scenario = copy.deepcopy(DEFAULT)
    for key, value in data.items():
        if isinstance(SHAPE[key], dict):
            scenario[key].update(value)
        else:
            scenario[key] = value
    check_details(scenario, where, text)
    settle_exp(scenario, data.get("player", {}), where, text)
    return scenario


def line_of(text: str, key: str) -> int:
    needle = f'"{key}"'
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    return 1


def fail(where, text, key, message):
    raise ScenarioError(f"{where}:{line_of(text, key)}: {message}")


def check(data: dict, shape: dict, prefix: str, where: str, text: str) -> None:
    for key, value in data.items():
        name = prefix + key
        if key not in shape:
            known = ", ".join(sorted(shape))
            fail(where, text, key, f'unknown key "{name}"; use one of: {known}')
        expected = shape[key]
        if isinstance(expected, dict):
            if not isinstance(value, dict):
                fail(where, text, key, f'"{name}" must be an object')
            check(value, expected, name + ".", where, text)
        elif not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
            kind = expected.__name__ if isinstance(expected, type) else "number"
            fail(where, text, key, f'"{name}" must be a {kind}, not {json.dumps(value)}')


def check_details(scenario: dict, where: str, text: str) -> None:
    player = scenario["player"]
    for program in player["programs"]:
        if program not in ALL_PROGRAMS:
            fail(where, text, "programs", f'unknown program "{program}"; known: {", ".join(ALL_PROGRAMS)}')
    for name, value in player["mults"].items():
        if name not in MULT_NAMES or not isinstance(value, NUMBER):
            fail(where, text, name, f'"player.mults.{name}": use numbers for {", ".join(MULT_NAMES)}')
    for name, value in scenario["bitnode"].items():
        if name not in BITNODE_NAMES or not isinstance(value, NUMBER):
            fail(where, text, name, f'"bitnode.{name}": use numbers for {", ".join(BITNODE_NAMES)}')
    if not scenario["hours"] > 0:
        fail(where, text, "hours", '"hours" must be more than 0')
    if scenario["servers"]["draw"] not in ("random", "min", "max"):
        fail(where, text, "draw", '"servers.draw" must be "random", "min" or "max"')
    if not 1 <= player["bitNodeN"] <= BITNODE_COUNT:
        fail(where, text, "bitNodeN", f'"player.bitNodeN" must be a BitNode from 1 to {BITNODE_COUNT}')
    bought = scenario["purchased"]
    hosts = {"home"} | {meta["hostname"] for meta in load_server_data()}
    purchased = {f"{bought['prefix']}{i}" for i in range(bought["count"])}
    hosts |= purchased
    for host, fields in scenario["servers"]["add"].items():
        if host in hosts:
            fail(where, text, host,
                 f'"servers.add": "{host}" is already in this scenario; change it with "servers.set"')
        check_server(host, fields, "add", where, text)
    hosts |= set(scenario["servers"]["add"])
    for host, fields in scenario["servers"]["set"].items():
        if host not in hosts:
            fail(where, text, host, f'"servers.set": no server "{host}" in this scenario (check the hostname)')
        check_server(host, fields, "set", where, text)
    for kind in ("add", "set"):
        for host, fields in scenario["servers"][kind].items():
            for name in fields.get("neighbours", []):
                if not isinstance(name, str) or name not in hosts:
                    fail(where, text, host, f'"servers.{kind}.{host}.neighbours": no server "{name}" in this scenario')
    lateness = scenario["settings"]["timer_lateness_ms"]
    if len(lateness) != 2 or not all(isinstance(x, NUMBER) and x >= 0 for x in lateness) or lateness[0] > lateness[1]:
        fail(where, text, "timer_lateness_ms", '"settings.timer_lateness_ms" must be [low, high] with 0 <= low <= high')
    try:
        parse_setting(scenario["settings"]["latency"])
    except LatencyError as error:
        fail(where, text, "latency", str(error))
    if scenario["settings"]["game_version"] not in ("3.0", "2.8.1"):
        fail(where, text, "game_version", '"settings.game_version" must be "3.0" or "2.8.1"')
    if not 1 <= scenario["settings"]["port_capacity"]:
        fail(where, text, "port_capacity", '"settings.port_capacity" must be at least 1')
    if not 0 <= scenario["purchased"]["count"] <= 25:
        fail(where, text, "count", '"purchased.count" must be at most 25 (the game\'s limit), and not negative')
    for entry in scenario["run"]:
        if not isinstance(entry, dict) or "script" not in entry:
            fail(where, text, "run", '"run" entries must be objects like {"script": "x.js", "threads": 1, "args": []}')
        check(entry, RUN_SHAPE, "run[].", where, text)
    for kind in ("add", "set"):
        purchased |= {host for host, fields in scenario["servers"][kind].items() if fields.get("purchasedByPlayer")}
    check_events(scenario, hosts, purchased, where, text)


def power_of_two(ram) -> bool:
    return ram >= 1 and ram == int(ram) and int(ram) & (int(ram) - 1) == 0


def check_events(scenario: dict, hosts: set, purchased: set, where: str, text: str) -> None:
    """Each event's shape, then the events in time order against the world they meet (the servers there then)."""
    events = scenario["events"]
    for index in range(len(events)):
        check_event(events, index, where, text)
    home_ram = scenario["home"]["ram"]
    for index in sorted(range(len(events)), key=lambda i: events[i]["at_s"]):
        event = events[index]
        kind = next(key for key in event if key != "at_s")
        spec, name, at = event[kind], f'"events[{index}].{kind}"', f'{event["at_s"]:g} s'

        def bad(message):
            raise ScenarioError(f"{where}:{event_line(text, events, index, kind)}: {name}: {message}")

        if kind == "buy_server":
            if spec["name"] in hosts:
                bad(f'a server "{spec["name"]}" is already there at {at}; choose another name')
            if len(purchased) >= PURCHASED_LIMIT:
                bad(f"{PURCHASED_LIMIT} purchased servers already at {at} (the game's limit); delete one first")
            hosts.add(spec["name"])
            purchased.add(spec["name"])
        elif kind == "delete_server":
            if spec["name"] not in purchased:
                bad(f'no purchased server "{spec["name"]}" at {at} (only purchased servers can be deleted)')
            hosts.discard(spec["name"])
            purchased.discard(spec["name"])
        elif kind == "upgrade_home":
            if spec["ram"] <= home_ram:
                bad(f'"ram" must be more than the {home_ram:g} GB home has at {at}')
            home_ram = spec["ram"]


def check_event(events: list, index: int, where: str, text: str) -> None:
    event, name = events[index], f"events[{index}]"

    def bad(message, field=None):
        raise ScenarioError(f"{where}:{event_line(text, events, index, field)}: {message}")

    if not isinstance(event, dict):
        bad(f'"{name}" must be an object like {EVENT_EXAMPLE}')
    at = event.get("at_s")
    if not isinstance(at, NUMBER) or isinstance(at, bool) or at < 0:
        bad(f'"{name}.at_s" must be the game time in seconds (0 or more) when the event happens, like {EVENT_EXAMPLE}')
    kinds = [key for key in event if key != "at_s"]
    for kind in kinds:
        if kind not in EVENT_SHAPES:
            bad(f'unknown event "{kind}" in "{name}"; use one of: {", ".join(EVENT_SHAPES)}', kind)
    if len(kinds) != 1:
        bad(f'"{name}" needs exactly one of: {", ".join(EVENT_SHAPES)} (one event per entry)')
    kind = kinds[0]
    spec, shape, required, name = event[kind], EVENT_SHAPES[kind], EVENT_SHAPES[kind], f"{name}.{kind}"
    if not isinstance(spec, dict):
        bad(f'"{name}" must be an object', kind)
    if kind == "bitnode":
        shape, required = dict.fromkeys(BITNODE_NAMES, NUMBER), ()
    for key, value in spec.items():
        if key not in shape:
            bad(f'unknown field "{name}.{key}"; use: {", ".join(shape)}', key)
        if not isinstance(value, shape[key]) or isinstance(value, bool):
            bad(f'"{name}.{key}" must be a {"string" if shape[key] is str else "number"}, not {json.dumps(value)}', key)
    for key in required:
        if key not in spec:
            bad(f'"{name}" needs "{key}" (fields: {", ".join(shape)})', kind)
    if "ram" in spec and not power_of_two(spec["ram"]):
        bad(f'"{name}.ram" must be a power of two (GB), as the game requires: 64, 128, …, 1024', "ram")
    limit = {"buy_server": PURCHASED_MAX_RAM, "upgrade_home": HOME_MAX_RAM}.get(kind)
    if limit and spec["ram"] > limit:
        bad(f'"{name}.ram" must be at most {limit} GB (the game\'s limit)', "ram")
    if kind == "add_program" and spec["name"] not in ALL_PROGRAMS:
        bad(f'"{name}.name": unknown program "{spec["name"]}"; known: {", ".join(ALL_PROGRAMS)}', "name")
    if kind == "gain_exp" and spec["amount"] < 0:
        bad(f'"{name}.amount" must not be negative', "amount")


def event_line(text: str, events: list, index: int, field: str | None = None) -> int:
    """The line of events[index] in the file (of `field` in it, if given): found by counting the occurrences of the
    event's first key after "events", since many events share their keys."""
    at = text.find('"events"')
    event = events[index]
    if at < 0:
        return 1
    if isinstance(event, dict) and event:
        needle = f'"{next(iter(event))}"'
        earlier = sum(json.dumps(e, ensure_ascii=False).count(needle) for e in events[:index])
        for _ in range(earlier + 1):
            at = text.find(needle, at + 1)
        if field is not None and at >= 0:
            found = text.find(f'"{field}"', at)
            at = found if found >= 0 else at
    return text.count("\n", 0, max(at, 0)) + 1


def check_server(host: str, fields, kind: str, where: str, text: str) -> None:
    if not isinstance(fields, dict):
        fail(where, text, host, f'"servers.{kind}.{host}" must be an object of server fields')
    check(fields, SERVER_FIELDS, f"servers.{kind}.{host}.", where, text)


def settle_exp(scenario: dict, given: dict, where: str, text: str) -> None:
    """With "player.exp", the hacking level is the one that exp gives, as in the game."""
    player = scenario["player"]
    if "exp" not in player:
        return
    if player["exp"] < 0:
        fail(where, text, "exp", '"player.exp" must not be negative')
    mult = player["mults"].get("hacking", 1.0) * scenario["bitnode"].get("HackingLevelMultiplier", 1.0)
    level = formulas.skill_from_exp(player["exp"], mult)
    if "hacking" in given and given["hacking"] != level:
        fail(where, text, "exp", f'"player.exp" {player["exp"]:g} gives hacking level {level}, not '
                                 f'{given["hacking"]}: give one of "player.exp" and "player.hacking"')
    player["hacking"] = level
