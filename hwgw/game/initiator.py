"""The initiator: batch stats per target, computed once from what the researcher found.

It chooses the targets, the share of the RAM pool each gets and, for each, the hack fraction that earns most with
its share (see `planner.choose_targets`); then threads for hack,
weakhack, grow and weakgrow, the batch's RAM and the times. When the player's hacking level changes it refreshes only
the player's part of each target's stats, sizing grow for the levels the player will gain while a batch runs
(at the rate seen so far). Every result goes out as BatchStatsRefreshed. All of it is local
arithmetic: this script calls no Netscript function beyond the base cost. The BitNode's multipliers come from the
file the probe wrote at this start, read once (for no RAM) and handed to the planner with the player.

Arguments: the settings (`--port` ...).
"""

import json
import math
from typing import Any

from hwgw.game.core import planner, topics
from hwgw.game.core.bus import Bus, command_listener, command_requester, event_listener
from hwgw.game.core.clock import now_ms
from hwgw.game.core.message import EVENT
from hwgw.game.core.timing import Timing
from hwgw.game.core.view import money
from hwgw.ns import NS

INITIATOR: dict[str, dict[str, Any]] = {}  # "settings", "bitNodeMultipliers"; "state" once the researcher's event came


def worker_nodes(servers, reserve):
    """GB per rooted server the workers may use (home keeps `reserve` GB free)."""
    nodes = {}
    for server in servers:
        free = server["maxRam"] - server["ramUsed"]
        if server["hostname"] == "home":
            free -= reserve
        if planner.is_worker_node(server) and free >= planner.MIN_WORKER_RAM:
            nodes[server["hostname"]] = free
    return nodes


def compute(info, settings, targets=None):
    """Stats for the chosen targets (or for `targets` again, after a rescan), and the worker nodes, from an
    InitializationInfoRetrieved body."""
    nodes = worker_nodes(info["allServers"], settings["reserve"])
    sizes = list(nodes.values())
    total = 0
    for gb in sizes:
        total += gb
    timing = Timing(settings)
    servers = info["allServers"]
    if targets is not None:
        servers = [server for server in servers if server["hostname"] in targets]
    chosen = planner.choose_targets(servers, info["player"], total, sizes, timing, settings["targets"])
    plans = []
    for entry in chosen:
        stats = entry[0]
        server = entry[1]
        share = entry[2]
        security = server.get("hackDifficulty", stats.minDifficulty)
        plans.append({"target": stats.target, "share": share / total,
                      "income": planner.income(stats, share, timing, sizes),
                      "ready": planner.ready_time(server, info["player"], stats, share, timing),
                      "weaken": stats.times["weaken"] * planner.slowdown(stats, security)})
    return {"player": info["player"], "nodes": nodes, "totalRamPool": total, "stats": [entry[0] for entry in chosen],
            "plans": plans, "startedAt": info["startedAt"],
            "hosts": [server["hostname"] for server in info["allServers"]]}


def level_gain(since, level, moment, weaken_ms):
    """Levels gained during one weaken time at the rate seen since the stats were first computed, rounded up."""
    elapsed = moment - since[1]
    if elapsed <= 0:
        return 0
    return math.ceil((level - since[0]) * weaken_ms / elapsed)


def stats_body(state):
    return {"stats": [stats.to_message() for stats in state["stats"]], "nodes": state["nodes"],
            "totalRamPool": state["totalRamPool"], "level": state["player"]["skills"]["hacking"],
            "plans": state["plans"], "startedAt": state["startedAt"], "hosts": state["hosts"]}


@event_listener(topics.INITIALIZATION_INFO_RETRIEVED)
async def on_initialization_info(bus, msg):
    settings = INITIATOR["settings"]
    msg["body"]["player"]["bitNodeMultipliers"] = INITIATOR["bitNodeMultipliers"]
    if "state" in INITIATOR:
        await on_rescan(bus, msg["body"], INITIATOR["state"])
        return
    state = compute(msg["body"], settings)
    state["since"] = [state["player"]["skills"]["hacking"], now_ms()]
    INITIATOR["state"] = state
    names = []
    for index in range(len(state["plans"])):
        plan = state["plans"][index]
        stats = state["stats"][index]
        names.append(f"{plan['target']} ({stats.fraction * 100:.1f}%, {stats.ram:.0f} GB a batch, "
                     f"{money(plan['income'])}/s once prepped, first batch in {plan['ready'] / 1000:.0f} s)")
    bus.ns.tprint(f"hwgw: targets {', '.join(names)}; {state['totalRamPool']:.0f} GB on {len(state['nodes'])} nodes")
    if len(state["stats"]) == 0:
        bus.ns.tprint("ERROR hwgw: no server to target (need root, max money > 100k and a low enough level)")
        return
    await request_script(bus, topics.ORCHESTRATOR_SCRIPT, topics.settings_to_args(settings))


def pool_changed(before, after):
    """True if a node came or went, or one's room changed by a worker's RAM or more."""
    if len(before) != len(after):
        return True
    for host in after.keys():
        if host not in before or abs(after[host] - before[host]) >= planner.MIN_WORKER_RAM:
            return True
    return False


async def on_rescan(bus, info, previous):
    """The same targets with the pool the rescan found (new servers, more RAM): publish when the pool changed."""
    state = compute(info, INITIATOR["settings"], [stats.target for stats in previous["stats"]])
    if not pool_changed(previous["nodes"], state["nodes"]) or len(state["stats"]) == 0:
        return
    state["since"] = previous["since"]
    INITIATOR["state"] = state
    bus.ns.tprint(f"hwgw: the pool is now {state['totalRamPool']:.0f} GB on {len(state['nodes'])} nodes "
                  f"(was {previous['totalRamPool']:.0f} GB on {len(previous['nodes'])})")
    await bus.publish(topics.BATCH_STATS_REFRESHED, stats_body(state))


@command_listener(listens=topics.BATCH_STATS_REQUESTED, produces=topics.BATCH_STATS_REFRESHED)
async def on_stats_requested(bus, msg):
    await bus.publish(topics.BATCH_STATS_REFRESHED, stats_body(INITIATOR["state"]))


@event_listener(topics.PLAYER_LEVEL_CHANGED)
async def on_level_changed(bus, msg):
    state = INITIATOR["state"]
    level = msg["body"]["level"]
    if level == state["player"]["skills"]["hacking"]:
        return
    state["player"]["skills"]["hacking"] = level
    for stats in state["stats"]:
        planner.refresh(stats, state["player"], level_gain(state["since"], level, now_ms(), stats.times["weaken"]))
    await bus.publish(topics.BATCH_STATS_REFRESHED, stats_body(state))


@command_requester(topics.SCRIPT_REQUESTED)
async def request_script(bus, script, args):
    await bus.send(topics.SCRIPT_REQUESTED, {"script": script, "host": "home", "threads": 1, "args": args})


async def main(ns: NS) -> None:
    ns.disableLog("ALL")
    INITIATOR["settings"] = topics.settings_from_args(ns.args)
    INITIATOR["bitNodeMultipliers"] = json.loads(ns.read(topics.BITNODE_FILE))
    if "state" in INITIATOR:  # a restart: the game keeps a script's module, and so this dict, between runs
        del INITIATOR["state"]
    bus = Bus(ns, "initiator", INITIATOR["settings"]["port"])
    await bus.setup(on_initialization_info, on_stats_requested, on_level_changed, request_script)
    await bus.register(topics.BATCH_STATS_REFRESHED, EVENT)
    await bus.serve()
