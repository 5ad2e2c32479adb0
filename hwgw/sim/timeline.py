"""An SVG picture of the jobs landing in a window of game time, with the target's security and money under them.

One row per job, in planned landing order, so a batch's jobs sit together and a desync shows as a bar whose end
misses its black tick.
"""

from collections import Counter
from html import escape

COLOURS = {"hack": "#e6550d", "grow": "#31a354", "weaken": "#3182bd"}
WIDTH = 1200
LEFT = 70
RIGHT = 50
PANEL = 110


def planned_end(job) -> float:
    return job.expected_end if job.expected_end is not None else job.due


def choose_jobs(jobs: list, window, limit: int) -> list:
    """The jobs to draw, in planned landing order: those landing inside `window` (ms), else the last `limit`."""
    landed = [job for job in jobs if job.end is not None]
    if window is not None:
        start, end = window
        chosen = [job for job in landed if start <= job.end <= end]
        chosen = sorted(chosen, key=lambda job: job.landing)[:limit]
    else:
        chosen = sorted(landed, key=lambda job: job.landing)[-limit:]
    return sorted(chosen, key=lambda job: (planned_end(job), job.landing))


def draw(jobs: list, traces: dict, window=None, limit: int = 400) -> str:
    chosen = choose_jobs(jobs, window, limit)
    if window is None:
        window = (min((j.start for j in chosen), default=0), max((j.end for j in chosen), default=1))
    t0, t1 = window
    span = max(t1 - t0, 1)
    row = max(2, min(10, 600 // max(len(chosen), 1)))
    top = 44
    bars_height = row * len(chosen)
    panel_top = top + bars_height + 30
    axis_y = panel_top + 2 * (PANEL + 30) - 10
    height = axis_y + 30

    def x(t):
        return LEFT + (min(max(t, t0), t1) - t0) / span * (WIDTH - LEFT - RIGHT)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" font-family="sans-serif" '
        f'font-size="11">',
        f'<rect width="{WIDTH}" height="{height}" fill="white"/>',
        f'<text x="{LEFT}" y="16" font-size="13">{len(chosen)} jobs, {t0 / 1000:.3f} s to {t1 / 1000:.3f} s of game '
        "time: bar = start to actual landing, black tick = planned landing</text>",
    ]
    legend_x = LEFT
    for kind, colour in COLOURS.items():
        out.append(f'<rect x="{legend_x}" y="24" width="12" height="10" fill="{colour}"/>')
        out.append(f'<text x="{legend_x + 16}" y="33">{kind}</text>')
        legend_x += 80
    out.append(f'<line x1="{legend_x}" y1="24" x2="{legend_x}" y2="34" stroke="black" stroke-width="2"/>')
    out.append(f'<text x="{legend_x + 6}" y="33">planned landing</text>')
    for i, job in enumerate(chosen):
        y = top + i * row
        title = escape(f"{job.kind} {job.target} x{job.threads:g} on {job.host}, pid {job.pid}: "
                       f"start {job.start / 1000:.3f} s, planned {planned_end(job) / 1000:.3f} s, "
                       f"landed {job.end / 1000:.3f} s, result {job.result:g}")
        out.append(f'<rect x="{x(job.start):.1f}" y="{y}" width="{max(x(job.end) - x(job.start), 0.5):.1f}" '
                   f'height="{max(row - 1, 1)}" fill="{COLOURS[job.kind]}"><title>{title}</title></rect>')
        out.append(f'<line x1="{x(planned_end(job)):.1f}" y1="{y}" x2="{x(planned_end(job)):.1f}" '
                   f'y2="{y + row}" stroke="black" stroke-width="1.5"/>')
    target = Counter(job.target for job in chosen).most_common(1)
    if target:
        name = target[0][0]
        points = [(t, sec, money) for t, sec, money in traces.get(name, []) if t0 <= t <= t1]
        out += panel(points, 1, f"{name} security", "#756bb1", panel_top, x)
        out += panel(points, 2, f"{name} money", "#636363", panel_top + PANEL + 30, x)
    out += axis(t0, t1, x, axis_y)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def panel(points: list, column: int, label: str, colour: str, top: float, x) -> list:
    values = [p[column] for p in points]
    out = [f'<text x="{LEFT}" y="{top - 4}">{escape(label)}</text>',
           f'<rect x="{LEFT}" y="{top}" width="{WIDTH - LEFT - RIGHT}" height="{PANEL}" fill="none" stroke="#ccc"/>']
    if not values:
        return out
    low, high = min(values), max(values)
    spread = (high - low) or 1

    def y(v):
        return top + PANEL - 5 - (v - low) / spread * (PANEL - 10)

    path = []
    for i, point in enumerate(points):
        if i:
            path.append(f"L{x(point[0]):.1f},{y(values[i - 1]):.1f}")
        path.append(f"{'L' if i else 'M'}{x(point[0]):.1f},{y(values[i]):.1f}")
    out.append(f'<path d="{" ".join(path)}" fill="none" stroke="{colour}" stroke-width="1.5"/>')
    out.append(f'<text x="{LEFT - 4}" y="{y(high) + 4:.1f}" text-anchor="end">{compact(high)}</text>')
    out.append(f'<text x="{LEFT - 4}" y="{y(low) + 4:.1f}" text-anchor="end">{compact(low)}</text>')
    return out


def compact(value: float) -> str:
    for limit, suffix in ((1e12, "t"), (1e9, "b"), (1e6, "m"), (1e3, "k")):
        if abs(value) >= limit:
            return f"{value / limit:.3g}{suffix}"
    return f"{value:.3g}"


def axis(t0: float, t1: float, x, y: float) -> list:
    out = [f'<line x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}" stroke="black"/>']
    for i in range(11):
        t = t0 + (t1 - t0) * i / 10
        out.append(f'<line x1="{x(t):.1f}" y1="{y}" x2="{x(t):.1f}" y2="{y + 5}" stroke="black"/>')
        out.append(f'<text x="{x(t):.1f}" y="{y + 18}" text-anchor="middle">{t / 1000:.3f} s</text>')
    return out
