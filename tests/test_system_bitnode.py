"""The BitNode's multipliers in the emulator: the probe learns them at each start, and the batches are sized with them.

Assertions read the emulator's own record (the file the probe wrote, every hack/grow/weaken call and the target's
state right after) against the scenario's multipliers and the prediction in the orchestrator's status file.
"""

import json

import pytest

from hwgw.build import build, default_source
from hwgw.sim.scenario import find, load
from hwgw.sim.system import plan, simulate
from simkit import run
from test_system_hwgw import ORDER, batches_of

HOURS = 0.25  # about 450 s of prep, then about 450 s of batching
MULTIPLIERS = ("ScriptHackMoney", "ServerGrowthRate", "ServerWeakenRate")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(default_source(), tmp_path_factory.mktemp("build") / "out").files


@pytest.fixture(scope="module")
def system(built):
    scenario = load(find("bitnode"))
    scenario["hours"] = HOURS
    scenario["settings"]["latency"] = "none"  # the system's logic, on an exact clock
    return scenario, *simulate(scenario, plan(scenario, built, baseline=False))


def learned(em):
    return json.loads(em.servers["home"].files["hwgw/bitnode.txt"])


def test_the_probe_learns_every_multiplier_whatever_the_players_own_and_the_security(built):
    bitnode = {"ScriptHackMoney": 0.3, "ServerGrowthRate": 0.2, "ServerWeakenRate": 2}
    em = run(built, [{"script": "hwgw/probe.js"}], hours=0.01, bitnode=bitnode,
             player={"mults": {"hacking_money": 1.7, "hacking_grow": 1.3}},
             servers={"set": {"n00dles": {"hackDifficulty": 37.5}}})
    assert em.errors == []
    assert learned(em) == pytest.approx(bitnode)


def test_the_probe_learns_the_scenarios_multipliers(system):
    scenario, em, _ = system
    assert learned(em) == pytest.approx({name: scenario["bitnode"].get(name, 1.0) for name in MULTIPLIERS})
    assert em.errors == []
    assert "ERROR" not in "\n".join(em.terminal)


def test_every_batch_lands_in_order_on_a_prepped_target(system):
    _, em, summary = system
    batches = batches_of(em)
    assert len(batches) > 100
    assert all([job.command for job in jobs] == ORDER for jobs in batches)
    assert all(jobs[-1].restored for jobs in batches)
    assert summary["batches"]["desynced"] == 0
    before = {}
    for job in sorted((job for job in em.jobs if job.end is not None), key=lambda job: job.landing):
        if job.kind == "hack":
            assert before[job.target], f"batch {job.batch}'s hack landed on {job.target} unprepped"
        before[job.target] = job.restored


def test_income_is_at_least_90_percent_of_the_planners_prediction(system):
    """The planner predicts the income of batches in steady state. The prep holds most of the pool until it lands,
    so batches launched once it is free land one weaken time after the first hack: income counts from then."""
    _, em, _ = system
    status = json.loads(em.servers["home"].files["hwgw/status.txt"])
    planned = sum(target["plannedIncome"] for target in status["targets"])
    hacks = [job for job in em.jobs if job.kind == "hack" and job.end is not None]
    weaken = max((job for job in em.jobs if job.kind == "weaken"), key=lambda job: job.start).duration
    first = max(min(job.end for job in hacks if job.target == target["target"]) for target in status["targets"])
    since = first + weaken
    earned = sum(job.result for job in hacks if job.end >= since)
    assert earned / ((HOURS * 3_600_000 - since) / 1000) >= 0.9 * planned
