"""How much of the batches the planner's period asks for the RAM pool holds, for batch shapes and pools of the game.

A steady stream of batches is booked as the batcher books them (each job over its own interval, from its launch two
seconds ahead to a moment after its landing; without the RAM, the batch is tried again an eighth of a period later),
at the period the planner gives: the one that fills 97% of the pool. The figure printed is the share of those
batches the pool held once full, next to the same stream on one node of the pool's whole size.

    python bench/bench_pool_packing.py
"""

import time

from hwgw.game.core.model import GROW, HACK, WEAKGROW, WEAKHACK, WORKER_RAM, Job
from hwgw.game.core.pool import RamPool

WEAKEN_MS = 81800.0  # phantasy's weaken time at hacking 500
AHEAD_MS = 2194  # the look-ahead: RAM is booked from this long before a job's start
AFTER_MS = 150  # and held this long after its landing
DURATION = {HACK: WEAKEN_MS / 4, WEAKHACK: WEAKEN_MS, GROW: WEAKEN_MS * 0.8, WEAKGROW: WEAKEN_MS}
LANDING = {HACK: -20, WEAKHACK: 0, GROW: 20, WEAKGROW: 40}
SHAPES = {
    "BitNode 1, hack 5.7%": {HACK: 18, WEAKHACK: 1, GROW: 50, WEAKGROW: 4},
    "bitnode scenario, hack 5.7%": {HACK: 72, WEAKHACK: 3, GROW: 62, WEAKGROW: 5},
    "bitnode scenario, hack 1.7%": {HACK: 21, WEAKHACK: 1, GROW: 18, WEAKGROW: 2},
    "bitnode scenario, hack 16%": {HACK: 205, WEAKHACK: 9, GROW: 188, WEAKGROW: 16},
}
MIXED = {**{f"pserv-{i}": 1024 for i in range(11)}, **{f"m{i}": 128 for i in range(6)},
         **{f"s{i}": 64 for i in range(9)}, **{f"t{i}": 32 for i in range(13)}, **{f"u{i}": 16 for i in range(13)}}
POOLS = {"13 x 1 TB": {f"pserv-{i}": 1024 for i in range(13)}, "mid-game mix": MIXED}
UNTIL_MS = 450000


def ram_time(threads):
    return sum(WORKER_RAM[command] * n * (DURATION[command] + AHEAD_MS + AFTER_MS) for command, n in threads.items())


def held(nodes, threads, period):
    """Share of the batches due once the pool is full (after two weaken times) that it held."""
    pool = RamPool(nodes)
    start = AHEAD_MS
    count = 0
    while start < UNTIL_MS:
        pool.at(start - AHEAD_MS)
        jobs = []
        for command, n in threads.items():
            lands = start + WEAKEN_MS + LANDING[command]
            job = Job(command, n, None, lands - DURATION[command], lands)
            job.bookedFrom = job.startTime - AHEAD_MS
            job.bookedUntil = lands + AFTER_MS
            jobs.append(job)
        if pool.book(jobs):
            count += start >= 2 * WEAKEN_MS
            start += period
        else:
            start += period / 8
    return count / ((UNTIL_MS - 2 * WEAKEN_MS) / period)


def main():
    print(f"{'batch shape':30s} {'pool':14s} {'period':>8s} {'held':>6s} {'one node':>9s}")
    began = time.perf_counter()
    for name, threads in SHAPES.items():
        for pool_name, nodes in POOLS.items():
            period = ram_time(threads) / (sum(nodes.values()) * 0.97)
            one = held({"one": sum(nodes.values())}, threads, period)
            print(f"{name:30s} {pool_name:14s} {period:7.0f}ms {held(nodes, threads, period):6.1%} {one:9.1%}")
    print(f"({time.perf_counter() - began:.0f} s)")


if __name__ == "__main__":
    main()
