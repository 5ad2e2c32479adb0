"""Figures of a finished simulation, from the emulator's own record of every hack/grow/weaken call."""

from collections import Counter


def batch_figures(jobs: list) -> dict:
    """Batches are the jobs whose script args carried [target, command, batchStartTime, startTime, expectedEnd].

    A batch has landed when all its jobs landed; it is in order when they landed in the order of their expected
    end times, otherwise it desynced. It is restored when its last landing left the target at minimum security
    and maximum money. Spacing is the median gap between consecutive landings inside a batch. A batch is partial
    when it has fewer jobs than the largest batch (some exec failed).
    """
    groups = {}
    for job in jobs:
        if job.batch is not None:
            groups.setdefault(job.batch, []).append(job)
    landed = in_order = restored = partial = 0
    errors = []
    gaps = []
    full_size = max((len(members) for members in groups.values()), default=0)
    for members in groups.values():
        if any(job.end is None for job in members):
            continue
        landed += 1
        partial += len(members) < full_size
        planned = sorted(members, key=lambda job: job.expected_end)
        actual = sorted(members, key=lambda job: job.landing)
        if planned == actual:
            in_order += 1
        restored += actual[-1].restored
        errors += [abs(job.end - job.expected_end) for job in members]
        gaps += [b.end - a.end for a, b in zip(actual, actual[1:])]
    return {
        "started": len(groups),
        "landed": landed,
        "in_order": in_order,
        "desynced": landed - in_order,
        "restored": restored,
        "partial": partial,
        "spacing_ms": sorted(gaps)[len(gaps) // 2] if gaps else None,
        "landing_error_ms": {
            "mean": sum(errors) / len(errors) if errors else 0.0,
            "max": max(errors, default=0.0),
        },
    }


FORMULA_CALLS = ("hack", "grow", "weaken", "getHackTime", "getGrowTime", "getWeakenTime", "formulas.")


def wall_breakdown(em, wall_s: float) -> dict:
    """Where the wall seconds of a run went. Node: its CPU time running the scripts (their JavaScript and the harness
    around it), JSON, pipe writes. Python: its ns calls, the formulas (hack/grow/weaken and analysis calls, landings),
    RAM pricing, JSON, and the rest of its CPU time (its loop: events, dispatch, pipes). Polling: Python's CPU time
    looking for Node's answer while Node works, on another CPU, so it is not in the sum. Waiting: the rest, when
    neither side ran: waking the side blocked on its pipe at each round trip, and waiting for a CPU."""
    if em.link_wall is None or em.node_wall is None:
        return {}
    node, link = em.node_wall, em.link_wall
    formulas = em.wall["landings"] + sum(t for name, t in em.call_wall.items() if name.startswith(FORMULA_CALLS))
    python = {"ns calls": sum(em.call_wall.values()) + em.wall["landings"] - formulas, "formulas": formulas,
              "RAM pricing": em.wall["RAM pricing"], "json": link["json"]}
    python["event loop"] = max(0.0, em.cpu_s - link["poll"] - sum(python.values()))
    node_parts = {"json": node["json"] / 1000, "pipe": node["pipe"] / 1000}
    node_parts = {"scripts": max(0.0, node["cpu"] / 1000 - sum(node_parts.values())), **node_parts}
    return {"node": node_parts, "python": python, "polling": link["poll"],
            "waiting": max(0.0, wall_s - sum(node_parts.values()) - sum(python.values()))}


def summarize(em, hours: float, wall_s: float) -> dict:
    """The --json object: money, batches, calls, RAM and the emulator's own health figures."""
    end_ms = hours * 3_600_000
    money_earned = em.player.money - em.money_start
    income = 0.0
    if em.first_hack_money is not None:
        first_ms, money_before = em.first_hack_money
        if end_ms > first_ms:
            income = (em.player.money - money_before) / ((end_ms - first_ms) / 1000)
    calls = Counter(job.kind for job in em.jobs)
    hacks = [job for job in em.jobs if job.kind == "hack" and job.end is not None]
    return {
        "money_earned": money_earned,
        "income_per_s": income,
        "prep_s": em.first_hack_money[0] / 1000 if em.first_hack_money else None,
        "hours": hours,
        "batches": batch_figures(em.jobs),
        "calls": {kind: calls.get(kind, 0) for kind in ("hack", "grow", "weaken")},
        "hacks": {"succeeded": sum(job.roll < job.chance for job in hacks),
                  "failed": sum(job.roll >= job.chance for job in hacks)},
        "ram": {
            "pool_gb": em.pool_ram(),
            "peak_gb": em.ram_peak,
            "mean_gb": em.ram_area / end_ms if end_ms else 0.0,
        },
        "exec_failures": em.exec_failures,
        "script_errors": len(em.errors),
        "hacking": {"start": em.skill_start, "end": em.player.skill},
        "seed": em.seed,
        "wall_s": wall_s,
    }
