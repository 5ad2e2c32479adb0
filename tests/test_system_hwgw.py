"""The shipped HWGW system in the emulator, on the built-in mid-game scenario (hacking 500, every port opener,
home 64 GB with 4 cores, ten 1 TB purchased servers).

Assertions read the emulator's own record of every hack/grow/weaken call (what landed when, and the target's state
right after), never what the scripts report about themselves.
"""

import json
import re

import pytest

from hwgw.build import build, default_source
from hwgw.sim.scenario import merge
from hwgw.sim.system import Plan, plan, simulate

HOURS = 0.25  # about 450 s of prep, then about 450 s of batching
NO_LATENCY = {"latency": "none"}  # these tests check the system's logic on an exact clock
ORDER = ["hack", "weakhack", "grow", "weakgrow"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(default_source(), tmp_path_factory.mktemp("build") / "out").files


@pytest.fixture(scope="module")
def system(built):
    scenario = merge({"hours": HOURS, "settings": NO_LATENCY})
    return simulate(scenario, plan(scenario, built, baseline=False))


@pytest.fixture(scope="module")
def baseline(built):
    scenario = merge({"hours": 1.0, "settings": NO_LATENCY})
    return simulate(scenario, plan(scenario, built, baseline=True))


def batches_of(em):
    """Batches with a hack (prep rounds have none), as lists of jobs in landing order, fully landed only."""
    groups = {}
    for job in em.jobs:
        if job.batch is not None:
            groups.setdefault(job.batch, []).append(job)
    landed = []
    for jobs in groups.values():
        if any(job.command == "hack" for job in jobs) and all(job.end is not None for job in jobs):
            landed.append(sorted(jobs, key=lambda job: (job.end, em.jobs.index(job))))
    return landed


def test_the_system_runs_cleanly(system):
    em, summary = system
    assert em.errors == []
    assert summary["exec_failures"] == 0
    text = "\n".join(em.terminal)
    assert "ERROR" not in text
    for role in ("hwgw/start.js", "hwgw/researcher.js", "hwgw/probe.js", "hwgw/initiator.js", "hwgw/orchestrator.js"):
        assert role in text
    running = sorted(script.path for script in em.scripts.values() if not script.path.startswith("hwgw/workers"))
    assert running == ["hwgw/broker.js", "hwgw/initiator.js", "hwgw/orchestrator.js", "hwgw/start.js"]


def test_bitnode_1s_multipliers_are_learned_as_1(system):
    em, _ = system
    learned = json.loads(em.servers["home"].files["hwgw/bitnode.txt"])
    assert learned == pytest.approx({"ScriptHackMoney": 1, "ServerGrowthRate": 1, "ServerWeakenRate": 1})


def test_every_batch_lands_hack_weakhack_grow_weakgrow(system):
    em, summary = system
    batches = batches_of(em)
    assert len(batches) > 300
    for jobs in batches:
        assert [job.command for job in jobs] == ORDER
        gaps = [b.end - a.end for a, b in zip(jobs, jobs[1:])]
        assert min(gaps) > 0
    assert summary["batches"]["desynced"] == 0


def test_security_and_money_are_restored_after_every_weakgrow(system):
    em, _ = system
    for jobs in batches_of(em):
        assert jobs[-1].restored, f"batch {jobs[-1].batch} left its target unprepped"


def test_the_ram_pool_is_never_over_committed(system):
    em, summary = system
    assert summary["exec_failures"] == 0
    assert summary["ram"]["peak_gb"] <= summary["ram"]["pool_gb"]
    pool_lines = [line for line in em.terminal if "RAM pool" in line]
    assert pool_lines and all("never over-committed" in line for line in pool_lines)


def test_income_is_reported_and_at_least_ten_times_the_baseline(system, baseline):
    em, summary = system
    _, base = baseline
    assert base["income_per_s"] > 0
    assert summary["income_per_s"] >= 10 * base["income_per_s"]
    reported = [line for line in em.terminal if re.search(r"\[batch\] \$[\d.]+[kmbt]?/s", line)]
    assert reported


def test_no_desyncs_are_reported(system):
    em, _ = system
    last = [line for line in em.terminal if "[batch]" in line][-1]
    assert "desyncs: 0 late, 0 unprepped, 0 hacks skipped, 0 missed" in last


def run_with(built, entries, hours, **scenario):
    settings = merge({"hours": hours, "settings": NO_LATENCY, **scenario})
    return simulate(settings, Plan("test", dict(built), entries))


def test_landings_hold_their_order_one_millisecond_apart(built):
    em, summary = run_with(built, [{"script": "hwgw/start.js", "args": ["--spacing", 1]}], 0.17)
    batches = batches_of(em)
    assert len(batches) > 50
    assert all([job.command for job in jobs] == ORDER for jobs in batches)
    assert summary["batches"]["spacing_ms"] == 1.0
    assert all(jobs[-1].restored for jobs in batches)


def test_a_restart_stops_everything_the_first_start_created(built):
    files = dict(built)
    files["restart.js"] = ("export async function main(ns) {\n  ns.run('hwgw/start.js');\n"
                           "  await ns.sleep(200000);\n  ns.run('hwgw/start.js');\n}\n")
    em, summary = run_with(files, [{"script": "restart.js"}], 0.22)
    assert em.errors == []
    starts = [line for line in em.terminal if "stopped" in line and "earlier start" in line]
    assert len(starts) == 1
    running = sorted(script.path for script in em.scripts.values() if not script.path.startswith("hwgw/workers"))
    assert running == ["hwgw/broker.js", "hwgw/initiator.js", "hwgw/orchestrator.js", "hwgw/start.js"]
    # The first start's prep was cut short: its workers never landed.
    assert any(job.end is None and job.start < 200000 for job in em.jobs)
    batches = batches_of(em)
    assert len(batches) > 0
    assert all([job.command for job in jobs] == ORDER for jobs in batches)
    assert summary["exec_failures"] == 0


def test_a_fresh_8_gb_home_starts_the_whole_control_plane(built):
    em, summary = run_with(built, [{"script": "hwgw/start.js"}], 0.17, home={"ram": 8, "cores": 1})
    # The researcher's and the probe's RAM is free only once each has ended, a moment after the runner hears it is
    # done: the runner's first tries at the probe and at the broker are refused, and it tries again.
    assert em.errors == [] and summary["exec_failures"] <= 2
    assert any(line.startswith("hwgw/probe.js: hwgw: BitNode multipliers") for line in em.terminal)
    home = [script for script in em.scripts.values() if script.host.hostname == "home"]
    assert sorted(script.path for script in home) == ["hwgw/broker.js", "hwgw/initiator.js",
                                                      "hwgw/orchestrator.js", "hwgw/start.js"]
    assert sum(script.ram for script in home) <= 8
    batches = batches_of(em)
    assert len(batches) > 50
    assert all([job.command for job in jobs] == ORDER for jobs in batches)


HOG = """export async function main(ns) {
  ns.scp('hold.js', 'pserv-0');
  await ns.sleep(500000);
  for (let i = 0; i < 15; i++) {
    const threads = Math.floor((ns.getServerMaxRam('pserv-0') - ns.getServerUsedRam('pserv-0')) / 1.6);
    if (threads > 0) ns.tprint('held ' + ns.exec('hold.js', 'pserv-0', threads));
    await ns.sleep(20000);
  }
}
"""


def test_a_job_refused_for_ram_starts_once_the_ram_is_free(built):
    # Another script takes all of pserv-0's free RAM for 300 ms, up to fifteen times while batches run there: the jobs
    # launched onto it meanwhile are refused by exec, as when the job before them lands but has not yet ended.
    files = dict(built)
    files["hog.js"] = HOG
    files["hold.js"] = "export async function main(ns) { await ns.sleep(300); }\n"
    em, summary = run_with(files, [{"script": "hwgw/start.js"}, {"script": "hog.js"}], 0.25)
    assert em.errors == []
    assert len([line for line in em.terminal if line.startswith("hog.js: held")]) > 0
    assert summary["exec_failures"] > 0
    status = json.loads(em.servers["home"].files["hwgw/status.txt"])["targets"][0]
    assert status["execRefusals"] > 0 and status["execFailures"] == 0
    assert "could not start" not in "\n".join(em.terminal)
    batches = batches_of(em)
    assert len(batches) > 50
    assert all([job.command for job in jobs] == ORDER for jobs in batches)
    last = [line for line in em.terminal if "[batch]" in line][-1]
    assert "desyncs: 0 late, 0 unprepped, 0 hacks skipped, 0 missed" in last


AUTOSAVE_ONLY = {"latency": {"profile": "quiet", "timers": False, "exec": False, "first_load": False,
                               "port_wake": False, "ram_free": False, "exec_call": False, "hgw": False}}


def test_after_an_autosave_stall_the_workers_due_meanwhile_end_before_anything_is_launched(built):
    # The game's autosave stops the page for about half a second every minute (the measured figures); the jobs due
    # meanwhile land and end after it. A turn that planned on their RAM before they ended would be refused by exec.
    em, summary = run_with(built, [{"script": "hwgw/start.js"}], 0.25, settings=AUTOSAVE_ONLY)
    assert em.errors == []
    saves = [job for job in em.jobs if job.end is not None and job.end - job.due > 100]
    assert len(saves) > 0  # landings the stalls held up
    status = json.loads(em.servers["home"].files["hwgw/status.txt"])
    assert len(status["stalls"]) >= 10
    assert status["targets"][0]["execRefusals"] == 0 and summary["exec_failures"] == 0
    last = [line for line in em.terminal if "[batch]" in line][-1]
    assert "desyncs: 0 late, 0 unprepped, 0 hacks skipped, 0 missed" in last


def test_a_deleted_server_leaves_the_pool_and_its_jobs_are_written_off(built):
    deleted_at = 600000  # batching since about 450 s; the player kills pserv-3's scripts and deletes it
    em, _ = run_with(built, [{"script": "hwgw/start.js"}], 0.25,
                     events=[{"at_s": deleted_at / 1000, "delete_server": {"name": "pserv-3"}}])
    assert em.errors == []
    text = "\n".join(em.terminal)
    assert "ERROR" not in text
    assert re.search(r"pserv-3 gone: \d+ job\(s\) on phantasy written off", text)
    assert re.search(r"the pool is now \d+ GB on 53 nodes \(was \d+ GB on 54\)", text)
    assert not any(job.host == "pserv-3" and job.start >= deleted_at for job in em.jobs)
    batches = batches_of(em)
    assert all([job.command for job in jobs] == ORDER for jobs in batches)
    # Hacks already launched when their grow or weaken was killed land on a server left unprepped; no hack launched
    # after the deletion does, and batching goes on.
    restored = {}
    for job in sorted((job for job in em.jobs if job.end is not None), key=lambda job: job.landing):
        if job.kind == "hack" and not restored.get(job.target, True):
            assert job.start < deleted_at, f"batch {job.batch}'s hack landed unprepped"
        restored[job.target] = job.restored
    assert len([jobs for jobs in batches if jobs[0].end > deleted_at + 120000]) > 100
