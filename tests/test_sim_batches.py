"""Batch figures come from the emulator's own record of the calls, not from what scripts report."""

import pytest

from hwgw.sim.stats import batch_figures
from simkit import run

# A worker in seed 001's shape: args [target, command, batchStartTime, startTime, expectedEndTime, lateBy].
WORKER = """
export async function main(ns) {
  const [target, command, batch, start, end, lateBy] = ns.args;
  const now = end > 1e11 ? Date.now() : performance.now();
  const calls = { hack: ns.hack, grow: ns.grow, weakhack: ns.weaken, weakgrow: ns.weaken };
  const times = { hack: ns.getHackTime, grow: ns.getGrowTime, weakhack: ns.getWeakenTime, weakgrow: ns.getWeakenTime };
  const additionalMsec = Math.max(0, end - now - times[command](target)) + lateBy;
  await calls[command](target, { additionalMsec });
}
"""

# Two HWGW batches 20 ms apart per landing; the second one's hack is told to land 50 ms late.
BATCHER = """
export async function main(ns) {
  const target = "joesguns";
  const percent = ns.hackAnalyze(target);
  const hackThreads = 10;
  const growThreads = Math.ceil(ns.growthAnalyze(target, 1 / (1 - hackThreads * percent))) + 1;
  const threads = {
    hack: hackThreads,
    weakhack: Math.ceil((0.002 * hackThreads) / 0.05),
    grow: growThreads,
    weakgrow: Math.ceil((0.004 * growThreads) / 0.05),
  };
  const order = ["hack", "weakhack", "grow", "weakgrow"];
  for (const [index, clock] of [[0, () => Date.now()], [1, () => performance.now()]]) {
    const now = clock();
    const end = now + ns.getWeakenTime(target) + 100;
    order.forEach((command, i) => {
      const lateBy = index === 1 && command === "hack" ? 50 : 0;
      ns.exec("worker.js", "home", threads[command], target, command, now, now, end + 20 * i, lateBy);
    });
    await ns.sleep(1000);
  }
}
"""


@pytest.fixture(scope="module")
def batches():
    target = {"hasAdminRights": True, "requiredHackingSkill": 10, "hackDifficulty": 5, "minDifficulty": 5,
              "moneyAvailable": 5e7, "moneyMax": 5e7, "serverGrowth": 20}
    em = run({"worker.js": WORKER, "batcher.js": BATCHER}, [{"script": "batcher.js"}], hours=0.1,
             player={"hacking": 100}, servers={"set": {"joesguns": target}})
    assert em.errors == []
    return em


def test_every_call_is_recorded_with_its_batch(batches):
    assert len(batches.jobs) == 8
    assert {job.batch[0] for job in batches.jobs} == {"joesguns"}
    assert len({job.batch for job in batches.jobs}) == 2


def test_landing_order_against_the_plan(batches):
    figures = batch_figures(batches.jobs)
    assert figures["started"] == 2
    assert figures["landed"] == 2
    assert figures["in_order"] == 1
    assert figures["desynced"] == 1
    assert figures["partial"] == 0
    # In order: 20, 20, 20 ms apart; the late hack makes 20, 10, 10.
    assert figures["spacing_ms"] == 20
    # Landings are cut to whole ms, so plans with fractions of a ms are met within 1 ms.
    assert figures["landing_error_ms"]["max"] == pytest.approx(50, abs=1)


def test_a_batch_in_order_leaves_the_target_prepped(batches):
    figures = batch_figures(batches.jobs)
    assert figures["restored"] == 1
    first = sorted((job for job in batches.jobs if job.start == 0), key=lambda job: job.landing)
    assert [job.command for job in first] == ["hack", "weakhack", "grow", "weakgrow"]
    assert first[-1].restored


def test_planned_landings_read_from_either_clock(batches):
    # Batch 0 planned with Date.now(), batch 1 with performance.now(); both map onto the emulator's clock.
    for job in batches.jobs:
        late = 50 if job.start > 0 and job.command == "hack" else 0
        assert job.end - job.expected_end == pytest.approx(late, abs=1)


def test_a_batch_missing_a_job_is_partial(batches):
    jobs = [job for job in batches.jobs if not (job.start == 0 and job.command == "grow")]
    figures = batch_figures(jobs)
    assert figures["landed"] == 2 and figures["partial"] == 1
