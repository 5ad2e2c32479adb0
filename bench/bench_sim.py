"""Emulator speed. The target: one simulated hour of the baseline on the built-in scenario in <= 60 s wall.

A second figure shows how the emulator copes with dense batching (a hand-written JS batcher that starts a
four-job batch every 20 ms), which is what the shipped system will ask of it.
"""

import tempfile
import time
from pathlib import Path

from hwgw.build import build, default_source
from hwgw.sim.engine import Emulator
from hwgw.sim.scenario import merge
from hwgw.sim.system import baseline_plan, simulate

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


def baseline_hour():
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        files = build(default_source() / "baseline", Path(out) / "build").files
    built = time.perf_counter() - started
    em, summary = simulate(merge({"hours": 1}), baseline_plan(files))
    calls = sum(summary["calls"].values())
    print(f"build of the baseline: {built:.2f} s wall")
    print(f"1 simulated hour of the baseline: {summary['wall_s']:.2f} s wall (target <= 60 s), {calls} "
          f"hack/grow/weaken calls, money earned ${summary['money_earned']:,.0f}")


def dense_batching(minutes=5):
    scenario = merge({"purchased": {"count": 10, "ram": 65536},
                      "servers": {"set": {"phantasy": {"hasAdminRights": True, "hackDifficulty": 7}}}})
    em = Emulator(scenario, {"worker.js": WORKER, "batcher.js": BATCHER})
    wall = em.run([{"script": "batcher.js"}], minutes / 60)
    landed = sum(job.end is not None for job in em.jobs)
    print(f"dense batching, {minutes} simulated minutes: {wall:.2f} s wall, {len(em.jobs)} jobs started "
          f"({len(em.jobs) / wall:,.0f} per wall second), {landed} landed")


if __name__ == "__main__":
    baseline_hour()
    dense_batching()
