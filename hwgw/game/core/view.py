"""What the orchestrator prints: one status line per target, and every desync it noticed."""


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
            f"skipped, {figures['missed']} missed; cycles {figures['cycles']} ({figures['cycleMs']:.2f} ms each)")


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


def pool_line(pool, moment):
    bad = pool.overcommitted(moment)
    return (f"hwgw: RAM pool {pool.total():.0f} GB, reserved {pool.reserved:.0f} GB now, {pool.peak:.0f} GB at most, "
            + (f"OVERCOMMITTED on {', '.join(bad)}" if len(bad) > 0 else "never over-committed"))
