"""The initiator: batch stats per target, computed once from what the researcher found.

It chooses the targets and, for each, the hack fraction that earns most with the RAM pool; then threads for hack,
weakhack, grow and weakgrow, the batch's RAM and the times. When the player's hacking level changes it refreshes only
the player's part of each target's stats, sizing grow for the levels the player will gain while a batch runs
(at the rate seen so far). Every result goes out as BatchStatsRefreshed. All of it is local
arithmetic: this script calls no Netscript function beyond the base cost.

Arguments: the settings (`--port` ...).
"""

import math
from typing import Any

from hwgw.game.core import planner, topics
from hwgw.game.core.bus import Bus, command_listener, command_requester, event_listener
from hwgw.game.core.clock import now_ms
from hwgw.game.core.message import EVENT
from hwgw.ns import NS

INITIATOR: dict[str, dict[str, Any]] = {}  # "settings", and "state" once the researcher's event came


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


def compute(info, settings):
    """Stats for the chosen targets, and the worker nodes, from an InitializationInfoRetrieved body."""
    nodes = worker_nodes(info["allServers"], settings["reserve"])
    largest = 0
    total = 0
    for host in nodes.keys():
        largest = max(largest, nodes[host])
        total += nodes[host]
    chosen = planner.choose_targets(info["allServers"], info["player"], total, largest, settings["spacing"],
                                    topics.lookahead(settings), settings["targets"])
    return {"player": info["player"], "nodes": nodes, "totalRamPool": total, "stats": chosen}


def level_gain(since, level, moment, weaken_ms):
    """Levels gained during one weaken time at the rate seen since the stats were first computed, rounded up."""
    elapsed = moment - since[1]
    if elapsed <= 0:
        return 0
    return math.ceil((level - since[0]) * weaken_ms / elapsed)


def stats_body(state):
    return {"stats": [stats.to_message() for stats in state["stats"]], "nodes": state["nodes"],
            "totalRamPool": state["totalRamPool"], "level": state["player"]["skills"]["hacking"]}


@event_listener(topics.INITIALIZATION_INFO_RETRIEVED)
async def on_initialization_info(bus, msg):
    settings = INITIATOR["settings"]
    state = compute(msg["body"], settings)
    state["since"] = [state["player"]["skills"]["hacking"], now_ms()]
    INITIATOR["state"] = state
    names = ", ".join([f"{s.target} ({s.fraction * 100:.1f}%, {s.ram:.0f} GB a batch)" for s in state["stats"]])
    bus.ns.tprint(f"hwgw: targets {names}; {state['totalRamPool']:.0f} GB on {len(state['nodes'])} nodes")
    if len(state["stats"]) == 0:
        bus.ns.tprint("ERROR hwgw: no server to target (need root, max money > 100k and a low enough level)")
        return
    await request_script(bus, topics.ORCHESTRATOR_SCRIPT, topics.settings_to_args(settings))


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
    bus = Bus(ns, "initiator", INITIATOR["settings"]["port"])
    await bus.setup(on_initialization_info, on_stats_requested, on_level_changed, request_script)
    await bus.register(topics.BATCH_STATS_REFRESHED, EVENT)
    await bus.serve()
