"""Emulator speed, and where its wall time goes.

The target: one simulated hour of the shipped system on the built-in scenario (`hwgw sim --hours 1`) in <= 60 s of
wall time on this machine (2 cores). The baseline's hour and a dense hand-written batcher are measured too.

    python bench/bench_sim.py                   # the system's hour, the baseline's hour, dense batching
    python bench/bench_sim.py --hours 0.25      # a shorter run of the system
    python bench/bench_sim.py --cpu-prof        # also split Node's time (node --cpu-prof): the built modules, the
                                                # Python runtime library they call (hwgw/lib), the harness, GC

Every figure is wall time, so it depends on what else the machine runs: the load average is printed with it.
"""

import argparse
import collections
import json
import os
import re
import tempfile
import time
from pathlib import Path

from hwgw.build import build, default_source
from hwgw.sim.engine import Emulator
from hwgw.sim.scenario import merge
from hwgw.sim.stats import FORMULA_CALLS, wall_breakdown
from hwgw.sim.system import SYSTEM_ENTRY, Plan, baseline_plan, simulate

WORKER = """
export async function main(ns) {
  const [target, command, batch, start, end] = ns.args;
  const calls = { hack: ns.hack, grow: ns.grow, weakhack: ns.weaken, weakgrow: ns.weaken };
  const times = { hack: ns.getHackTime, grow: ns.getGrowTime, weakhack: ns.getWeakenTime, weakgrow: ns.getWeakenTime };
  await calls[command](target, { additionalMsec: Math.max(0, end - performance.now() - times[command](target)) });
}
"""
BATCHER = """
export async function main(ns) {
  const target = "phantasy";
  const hosts = ["home", ...ns.cloud.getServerNames()];
  for (const host of hosts) ns.scp("worker.js", host);
  const threads = { hack: 5, weakhack: 1, grow: 10, weakgrow: 1 };
  let next = 0;
  for (;;) {
    const now = performance.now();
    const end = now + ns.getWeakenTime(target) + 100;
    ["hack", "weakhack", "grow", "weakgrow"].forEach((command, i) => {
      ns.exec("worker.js", hosts[next++ % hosts.length], threads[command], target, command, now, now, end + 5 * i);
    });
    await ns.sleep(20);
  }
}
"""
LINES = re.compile(r'function __lines__ \(\) \{ return \["([^"]+)", "([^"]*)", (\[.*?\])\]; \}')


def load():
    return f"load average {os.getloadavg()[0]:.1f}"


def system_hour(hours: float, cpu_prof: bool) -> None:
    with tempfile.TemporaryDirectory() as out:
        files = build(default_source(), Path(out) / "build").files
        scenario = merge({"hours": hours})
        node_args = [f"--cpu-prof-dir={out}/prof", "--cpu-prof"] if cpu_prof else []
        em, summary = simulate(scenario, Plan(SYSTEM_ENTRY, files, [{"script": SYSTEM_ENTRY}]), node_args=node_args)
        profiles = sorted(Path(out, "prof").glob("*.cpuprofile")) if cpu_prof else []
        split = node_split(json.loads(profiles[0].read_text()), files) if profiles else None
    wall = summary["wall_s"]
    calls = sum(summary["calls"].values())
    print(f"{hours:g} simulated hour(s) of {SYSTEM_ENTRY}: {wall:.1f} s wall "
          f"(target <= {60 * hours:g} s), {load()}")
    print(f"  ${summary['money_earned'] / 1e9:.3f}b earned, {calls} hack/grow/weaken calls, "
          f"{em.messages:,} messages from Node ({em.messages / wall:,.0f} per wall second)")
    parts = wall_breakdown(em, wall)
    rows = [(f"node: {name}", seconds) for name, seconds in parts["node"].items()]
    rows += [(f"python: {name}", seconds) for name, seconds in parts["python"].items()]
    rows.append(("waiting (round trips' wake-ups, a busy CPU)", parts["waiting"]))
    rows.append(("python polling (overlaps Node, not summed)", parts["polling"]))
    print(f"  {'where the wall time went':44} {'s':>7} {'%':>5}")
    for name, seconds in rows:
        print(f"  {name:44} {seconds:7.1f} {100 * seconds / wall:5.1f}")
        if name == "node: scripts" and split:
            for part, share in split["parts"]:
                print(f"    {part:42} {seconds * share:7.1f} {100 * seconds * share / wall:5.1f}")
    slowest = em.call_wall.most_common(5)
    print("  ns calls with the most Python time: " + ", ".join(
        f"{name}{' (formula)' if name.startswith(FORMULA_CALLS) else ''} {seconds:.1f} s" for name, seconds in slowest))
    if split:
        print("  built functions with the most Node time (their own and the runtime library's they call):")
        for where, share in split["functions"]:
            print(f"    {where:42} {parts['node']['scripts'] * share:7.1f} s")


def python_lines(files: dict) -> dict:
    """Per built module: its Python file, and for each JavaScript line (0-based) the Python line and function."""
    tables = {}
    for path, code in files.items():
        found = LINES.search(code)
        if found:
            lines = []
            names = json.loads(found.group(3))
            for item in found.group(2).split(","):
                place, _, count = item.partition("*")
                line, function = (int(x) for x in place.split(":"))
                lines += [(line, names[function] if function >= 0 else "")] * (int(count) if count else 1)
            tables[path] = (found.group(1), lines)
    return tables


def node_split(profile: dict, files: dict) -> dict:
    """Node's time running scripts, split by the frame each sample is in; and the built functions whose code (with
    the runtime library under it) takes the most."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    parent = {child: node["id"] for node in profile["nodes"] for child in node.get("children", ())}
    took = collections.Counter()
    for sample, delta in zip(profile["samples"], profile["timeDeltas"]):
        took[sample] += delta
    tables = python_lines(files)
    parts, functions = collections.Counter(), collections.Counter()
    for sample, delta in took.items():
        chain = []
        node = sample
        while node is not None:
            chain.append(nodes[node]["callFrame"])
            node = parent.get(node)
        if any(frame["functionName"] in ("receive", "send") and frame["url"].endswith("harness.mjs")
               for frame in chain):
            continue  # waiting, JSON and pipe writes: the harness measures them itself
        leaf = chain[0]
        module = leaf["url"].split("/", 1)[-1]
        if leaf["functionName"] == "(garbage collector)":
            parts["garbage collection"] += delta
        elif module.startswith("hwgw/lib/"):
            parts["Python runtime library (hwgw/lib)"] += delta
        elif module in files:
            parts["built modules"] += delta
        else:
            parts["harness (ns, ports, module loading)"] += delta
        for frame in chain:
            module = frame["url"].split("/", 1)[-1]
            if module in tables and not module.startswith("hwgw/lib/"):
                source, lines = tables[module]
                line, name = lines[min(frame["lineNumber"] + 1, len(lines) - 1)]
                functions[f"{source}:{line} {name}"] += delta
                break
    total = sum(parts.values()) or 1
    return {"parts": [(name, t / total) for name, t in parts.most_common()],
            "functions": [(name, t / total) for name, t in functions.most_common(6)]}


def baseline_hour():
    with tempfile.TemporaryDirectory() as out:
        files = build(default_source() / "baseline", Path(out) / "build").files
    em, summary = simulate(merge({"hours": 1}), baseline_plan(files))
    calls = sum(summary["calls"].values())
    print(f"1 simulated hour of the baseline: {summary['wall_s']:.2f} s wall, {calls} hack/grow/weaken calls, "
          f"money earned ${summary['money_earned']:,.0f}, {load()}")


def dense_batching(minutes=5):
    scenario = merge({"purchased": {"count": 10, "ram": 65536},
                      "servers": {"set": {"phantasy": {"hasAdminRights": True, "hackDifficulty": 7}}}})
    em = Emulator(scenario, {"worker.js": WORKER, "batcher.js": BATCHER})
    started = time.perf_counter()
    wall = em.run([{"script": "batcher.js"}], minutes / 60)
    landed = sum(job.end is not None for job in em.jobs)
    print(f"dense batching, {minutes} simulated minutes: {time.perf_counter() - started:.2f} s wall, {len(em.jobs)} "
          f"jobs started ({len(em.jobs) / wall:,.0f} per wall second), {landed} landed, {load()}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hours", type=float, default=1.0, help="simulated hours of the system (default 1)")
    parser.add_argument("--cpu-prof", action="store_true", help="split Node's time with node --cpu-prof")
    parser.add_argument("--system-only", action="store_true", help="skip the baseline and dense batching")
    options = parser.parse_args()
    system_hour(options.hours, options.cpu_prof)
    if not options.system_only:
        baseline_hour()
        dense_batching()
