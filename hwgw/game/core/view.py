"""What the orchestrator shows: one status line per target, every desync it noticed, and the status file."""

import json

from hwgw.game.core.timing import STALL_LATE_MS, quantile


def money(amount):
    for unit, size in [["t", 1e12], ["b", 1e9], ["m", 1e6], ["k", 1e3]]:
        if abs(amount) >= size:
            return f"${amount / size:.2f}{unit}"
    return f"${amount:.0f}"


def status_line(batcher, moment):
    """Income since the first hack, batches, desyncs and cycles for one target."""
    figures = status(batcher, moment)
    desyncs = figures["desyncs"]
    return (f"hwgw: {batcher.target} [{batcher.mode}] {money(figures['income'])}/s, "
            f"{figures['batches']} batches ({figures['inFlight']} in flight, {figures['memorySkips']} tries without RAM), "
            f"landings {batcher.spacing} ms apart, batch every {batcher.period:.0f} ms, "
            f"desyncs: {desyncs['late']} late, {desyncs['unprepped']} unprepped, {desyncs['skippedHacks']} hacks "
            f"skipped, {figures['missed']} missed")


def status(batcher, moment):
    cycles = batcher.cycles
    elapsed = moment - batcher.firstHack
    return {"target": batcher.target, "mode": batcher.mode,
            "income": batcher.money / (elapsed / 1000) if batcher.firstHack > 0 and elapsed > 0 else 0.0,
            "money": batcher.money, "batches": batcher.counts["batches"], "inFlight": batcher.in_flight(),
            "memorySkips": batcher.counts["memorySkips"], "missed": batcher.counts["missed"],
            "prepRounds": batcher.counts["prepRounds"], "desyncs": dict(batcher.desyncs),
            "cycles": cycles["total"], "cycleMs": cycles["totalMs"] / cycles["total"] if cycles["total"] > 0 else 0,
            "spacing": batcher.spacing, "period": batcher.period}


def spread(values):
    return {"n": len(values), "p50": quantile(values, 0.5), "p99": quantile(values, 0.99),
            "max": quantile(values, 1)}


def target_status(batcher, plan, moment):
    counts = batcher.counts
    desyncs = batcher.desyncs
    return {"target": batcher.target, "mode": batcher.mode, "plannedIncome": plan.get("income", 0),
            "plannedReady_s": plan.get("ready", 0) / 1000, "weaken_s": plan.get("weaken", 0) / 1000,
            "firstHack": batcher.firstHack, "money": batcher.money,
            "income": status(batcher, moment)["income"], "jobs": counts["jobs"], "batches": counts["batches"],
            "landed": counts["landed"], "late": desyncs["late"], "skippedHacks": desyncs["skippedHacks"],
            "missed": counts["missed"], "shifted": counts["shifted"], "unprepped": desyncs["unprepped"],
            "execFailures": counts["execFailures"], "execRefusals": counts["execRefusals"],
            "writtenOff": counts["writtenOff"],
            "memorySkips": counts["memorySkips"],
            "prepRounds": counts["prepRounds"], "period": batcher.period}


def status_json(orchestrator, moment):
    """The status file's text: the figures of `status_line` and `pool_line` for programs to read."""
    timing = orchestrator.timing
    pool = orchestrator.pool
    targets = []
    for target in orchestrator.batchers.keys():
        targets.append(target_status(orchestrator.batchers[target], orchestrator.plans.get(target, {}), moment))
    return json.dumps({"now": moment, "startedAt": orchestrator.startedAt, "lead": timing.lead,
                       "firstExec": orchestrator.firstExec,
                       "burst": {"jobs": timing.burstSize, "slowest": timing.burstMax},
                       "loops": orchestrator.loops, "loopMs": orchestrator.loop_ms / max(1, orchestrator.loops),
                       "cycleLateMs": spread(orchestrator.late_wakes), "stalls": orchestrator.stalls,
                       "planned": orchestrator.planned,
                       "latency": spread(timing.latencies),
                       "pool": {"gb": pool.total(), "peakGb": pool.peak}, "targets": targets})


def pool_line(pool, moment):
    bad = pool.overcommitted(moment)
    return (f"hwgw: RAM pool {pool.total():.0f} GB, reserved {pool.reserved:.0f} GB now, {pool.peak:.0f} GB at most, "
            + (f"OVERCOMMITTED on {', '.join(bad)}" if len(bad) > 0 else "never over-committed"))


def timing_line(orchestrator):
    """The lead the batcher keeps, the latency behind it, and how the orchestrator's loop keeps its cycle."""
    loops = orchestrator.loops
    latency = spread(orchestrator.timing.latencies)
    late = spread(orchestrator.late_wakes)
    line = (f"hwgw: lead {orchestrator.timing.lead:.0f} ms (plan to worker {latency['p50']:.0f} ms median, "
            f"{latency['p99']:.0f} ms p99); {loops} loop turns, {orchestrator.loop_ms / max(1, loops):.2f} "
            f"ms each, waking {late['p50']:.1f} ms late (median)")
    stalls = orchestrator.stalls
    if len(stalls) > 0:
        longest = max([stall[1] for stall in stalls])
        line += f"; {len(stalls)} page stalls of {STALL_LATE_MS} ms or more lately, the longest {longest:.0f} ms"
    return line
