"""The human-readable report of a simulation."""


def money(amount: float) -> str:
    for limit, suffix in ((1e12, "t"), (1e9, "b"), (1e6, "m"), (1e3, "k")):
        if abs(amount) >= limit:
            return f"${amount / limit:.3f}{suffix}"
    return f"${amount:.2f}"


def ram(gb: float) -> str:
    return f"{gb / 1024:.2f} TB" if gb >= 1024 else f"{gb:.2f} GB"


def render(summary: dict, errors: list, terminal: list) -> str:
    s = summary
    batches, calls, hacks, pool = s["batches"], s["calls"], s["hacks"], s["ram"]
    prep = f"{s['prep_s']:.1f} s" if s["prep_s"] is not None else "never"
    lines = [
        f"hwgw sim: {s['system']}, {s['hours']:g} h of game time, seed {s['seed']} ({s['wall_s']:.1f} s wall)",
        f"  money earned    {money(s['money_earned'])}",
        f"  income          {money(s['income_per_s'])}/s after prep (first hack at {prep})",
        f"  hacking level   {s['hacking']['start']} -> {s['hacking']['end']}",
        f"  calls           hack {calls['hack']}, grow {calls['grow']}, weaken {calls['weaken']}"
        f" (hacks landed: {hacks['succeeded']} succeeded, {hacks['failed']} failed)",
        f"  batches         started {batches['started']}, landed {batches['landed']}, in order {batches['in_order']},"
        f" desynced {batches['desynced']}, restored {batches['restored']}, partial {batches['partial']}",
    ]
    if batches["landed"]:
        spacing = batches["spacing_ms"]
        lines.append(f"  landings        spacing {spacing:g} ms (median), off plan by "
                     f"{batches['landing_error_ms']['mean']:.1f} ms mean, {batches['landing_error_ms']['max']:.1f} ms max")
    lines += [
        f"  RAM             pool {ram(pool['pool_gb'])}, peak {ram(pool['peak_gb'])}, mean {ram(pool['mean_gb'])}",
        f"  exec failures   {s['exec_failures']}",
        f"  script errors   {s['script_errors']}",
    ]
    for error in errors[:3]:
        first = error["error"].splitlines()[0]
        lines.append(f"    {error['script']} on {error['host']} (pid {error['pid']}) at {error['time_s']:.3f} s: {first}")
    if terminal:
        lines.append("  terminal")
        lines += [f"    {line}" for line in terminal[:10]]
        if len(terminal) > 10:
            lines.append(f"    ... {len(terminal) - 10} more lines")
    return "\n".join(lines)
