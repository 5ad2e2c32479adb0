"""The shipped `growth` scenario in the emulator: the pool starts at home, four 64 GB servers and the rooted world
servers, and a 1 TB server is bought every 20 minutes for 3 hours while the system runs.

Assertions read the emulator's own record (every hack/grow/weaken call, the scripts it ran, the target's state after
each landing) against the scenario's events and the planner's predictions in the orchestrator's status file.
"""

import json

import pytest

from hwgw.build import build, default_source
from hwgw.sim.engine import PERF_ORIGIN_MS
from hwgw.sim.scenario import find, load
from hwgw.sim.system import plan, simulate
from test_system_hwgw import ORDER, batches_of

IN_USE_MS = 120000  # a purchase is in the pool within two game minutes


@pytest.fixture(scope="module")
def growth(tmp_path_factory):
    built = build(default_source(), tmp_path_factory.mktemp("build") / "out").files
    scenario = load(find("growth"))
    em, summary = simulate(scenario, plan(scenario, built, baseline=False))
    status = json.loads(em.servers["home"].files["hwgw/status.txt"])
    return scenario, em, summary, status


def purchases(scenario):
    end = scenario["hours"] * 3600000
    return [(event["at_s"] * 1000, event["buy_server"]["name"]) for event in scenario["events"]
            if event["at_s"] * 1000 + IN_USE_MS <= end]


def test_each_server_bought_runs_workers_within_two_game_minutes(growth):
    scenario, em, _, _ = growth
    bought = purchases(scenario)
    assert len(bought) == 8
    for at, host in bought:
        first = min((job.start for job in em.jobs if job.host == host), default=None)
        assert first is not None and at <= first <= at + IN_USE_MS, f"{host} bought at {at / 1000:.0f} s"


def test_nothing_restarts(growth):
    _, em, _, _ = growth
    assert em.errors == []
    assert "ERROR" not in "\n".join(em.terminal)
    started = [line for line in em.terminal if "hwgw: started" in line]
    assert len(started) == 1
    running = sorted(script.path for script in em.scripts.values() if not script.path.startswith("hwgw/workers"))
    assert running == ["hwgw/broker.js", "hwgw/initiator.js", "hwgw/orchestrator.js", "hwgw/start.js"]


def test_the_plan_follows_each_purchase(growth):
    """One planned income at the start and one after each purchase, made within two minutes of it."""
    scenario, _, _, status = growth
    changes = [[moment - PERF_ORIGIN_MS, gb, income] for moment, gb, income in status["planned"]]
    assert len(changes) == 1 + len(purchases(scenario))
    for (at, _), change in zip(purchases(scenario), changes[1:]):
        assert at <= change[0] <= at + IN_USE_MS
    assert all(later[1] == earlier[1] + 1024 for earlier, later in zip(changes, changes[1:]))
    assert all(later[2] > earlier[2] for earlier, later in zip(changes, changes[1:]))


def test_income_between_purchases_is_at_least_90_percent_of_the_plan_for_that_pool(growth):
    """Each stretch from one plan to the next, counted from one weaken time after the plan (when the batches sized
    for it land; after the first, from one weaken time after the first hack, the prep holding most of the pool)."""
    scenario, em, _, status = growth
    changes = [[moment - PERF_ORIGIN_MS, income] for moment, _, income in status["planned"]]
    ends = [change[0] for change in changes[1:]] + [scenario["hours"] * 3600000]
    hacks = [job for job in em.jobs if job.kind == "hack" and job.end is not None]
    first_hack = min(job.end for job in hacks)
    weakens = [job for job in em.jobs if job.kind == "weaken" and job.batch is not None]
    shares = []
    for (moment, planned), end in zip(changes, ends):
        begin = max(moment, first_hack)
        weaken = max((job for job in weakens if job.start <= begin), key=lambda job: job.start).duration
        since = begin + weaken
        earned = sum(job.result for job in hacks if since <= job.end < end)
        shares.append(earned / ((end - since) / 1000) / planned)
    assert len(shares) == 9
    assert min(shares) >= 0.9, [f"{share:.1%}" for share in shares]


def test_every_batch_lands_in_order_on_a_prepped_target_and_nothing_desyncs(growth):
    _, em, summary, status = growth
    batches = batches_of(em)
    assert len(batches) > 5000
    # Landings in the order the game ran them: after the autosave holds the page up, several land at one moment.
    assert all([job.command for job in sorted(jobs, key=lambda job: job.landing)] == ORDER for jobs in batches)
    assert summary["batches"]["desynced"] == 0
    target = status["targets"][0]
    assert (target["late"], target["unprepped"], target["skippedHacks"]) == (0, 0, 0)
    restored = {}
    for job in sorted((job for job in em.jobs if job.end is not None), key=lambda job: job.landing):
        if job.kind == "hack":
            assert restored[job.target], f"batch {job.batch}'s hack landed on {job.target} unprepped"
        restored[job.target] = job.restored
