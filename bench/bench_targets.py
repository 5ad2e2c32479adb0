"""The targets the planner chooses as the RAM pool grows, against the best single target and the best split.

The world is the emulator's mid-game scenario (hacking 500, every port opener, every server rooted). Its worker
nodes are repeated k times, so the pool grows without changing its shape. For each size the script prints the
planner's choice (target, share of the pool, hack fraction), its predicted income once prepped and its money in the
first hour (prep included: what the planner maximises), the same for the best single target, and the best split
of the pool between the four best single targets by income once prepped, tried in eighths.

    python bench/bench_targets.py
"""

import itertools
import time

from hwgw.game.core import planner
from hwgw.game.core.timing import Timing
from hwgw.game.core.topics import DEFAULTS
from hwgw.sim.engine import Emulator
from hwgw.sim.scenario import merge

SIZES = (1, 4, 16, 64, 256)
EIGHTHS = 8


def world():
    """The scenario's servers as the researcher reports them, all rooted, and the worker nodes (home less its
    reserve)."""
    em = Emulator(merge({}))
    servers = []
    for server in em.servers.values():
        info = server.to_netscript()
        info["hasAdminRights"] = True
        servers.append(info)
    player = em.player.to_netscript()
    nodes = [info["maxRam"] - (DEFAULTS["reserve"] if info["hostname"] == "home" else 0)
             for info in servers if info["maxRam"] >= planner.MIN_WORKER_RAM]
    return servers, player, nodes


def income(server, player, ram, nodes, timing):
    if ram <= 0:
        return 0.0
    stats = planner.best_stats(server, player, ram, nodes, timing)
    return planner.income(stats, ram, timing, nodes) if stats is not None else 0.0


def best_split(candidates, player, pool, nodes, timing):
    best = (0.0, ())
    for parts in itertools.product(range(EIGHTHS + 1), repeat=len(candidates)):
        if sum(parts) == EIGHTHS:
            total = sum(income(server, player, pool * part / EIGHTHS, nodes, timing)
                        for server, part in zip(candidates, parts))
            best = max(best, (total, parts))
    return best


def main():
    servers, player, base = world()
    skill = player["skills"]["hacking"]
    timing = Timing(DEFAULTS)
    print(f"pool of the mid-game scenario: {sum(base):,.0f} GB on {len(base)} nodes, hacking {skill}")
    for k in SIZES:
        began = time.perf_counter()
        nodes = base * k
        pool = sum(nodes)
        chosen = planner.choose_targets(servers, player, pool, nodes, timing, DEFAULTS["targets"])
        planned = sum(planner.income(stats, ram, timing, nodes) for stats, _, ram in chosen)
        hour = sum(planner.target_value(server, player, ram, nodes, timing) for _, server, ram in chosen)
        singles = sorted(((income(server, player, pool, nodes, timing), server["hostname"], server)
                          for server in servers if planner.is_target(server, skill)), key=lambda row: -row[0])
        split, parts = best_split([row[2] for row in singles[:4]], player, pool, nodes, timing)
        single_hour = planner.target_value(singles[0][2], player, pool, nodes, timing)
        names = ", ".join(f"{server['hostname']} {ram / pool:.0%} at {stats.fraction:.1%}" for stats, server, ram in chosen)
        shares = ", ".join(f"{row[1]} {part}/{EIGHTHS}" for row, part in zip(singles[:4], parts) if part)
        print(f"{k:4d}x {pool / 1024:8,.0f} TB  chosen: {names}: ${planned / 1e6:,.1f}m/s, first hour "
              f"${hour / 1e9:,.1f}b | best single {singles[0][1]} ${singles[0][0] / 1e6:,.1f}m/s, first hour "
              f"${single_hour / 1e9:,.1f}b | best split ({shares}) ${split / 1e6:,.1f}m/s "
              f"= {split / singles[0][0]:.2f}x single ({time.perf_counter() - began:.1f} s)")


if __name__ == "__main__":
    main()
