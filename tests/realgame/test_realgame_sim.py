"""`hwgw sim --save` against the real game: the same build on the same save over the same game time.

The fake-clock game is compared with the emulator without latency, the real-clock game with the latencies measured
in the game (hwgw/sim/latency.json, quiet profile, the game's autosave included). Both sides are read the same way:
the first hack from the system's status file, income between the same game seconds, late and skipped jobs from the
status file at the end.
"""

import json

import pytest
from conftest import MIDGAME_WINDOWS, REAL_MINUTES, keep
from gameclient import MIDGAME_SAVE, STATUS_FILE
from scenarios import status_figures

from hwgw.sim.save import load as load_save
from hwgw.sim.scenario import merge
from hwgw.sim.system import built_files, plan, simulate


def emulated(tree, name: str, seconds: float, latency: str, windows: list) -> dict:
    scenario = merge(load_save(str(MIDGAME_SAVE)).scenario, str(MIDGAME_SAVE))
    scenario["hours"] = seconds / 3600
    scenario["settings"]["latency"] = latency
    em, summary = simulate(scenario, plan(scenario, built_files(str(tree), False), False))
    status = json.loads(em.servers["home"].files[STATUS_FILE])
    hacks = [job for job in em.jobs if job.kind == "hack" and job.end is not None]
    income = {f"{a // 60}-{b // 60}": {"per_s": sum(j.result for j in hacks if a * 1000 <= j.end < b * 1000) / (b - a)}
              for a, b in windows}
    record = {"scenario": name, "system": "hwgw", "clock": f"emulator, latency {latency}", "save": MIDGAME_SAVE.name,
              "wall_s": round(summary["wall_s"], 1), "first_money_s": summary["prep_s"], "money": summary["money_earned"],
              "income": income, "errors": em.errors[:3], **status_figures([(seconds, status)])}
    return keep(record)


@pytest.fixture(scope="session")
def sim_fake(tree):
    return emulated(tree, "sim-midgame", MIDGAME_WINDOWS[-1][1], "none", MIDGAME_WINDOWS)


@pytest.fixture(scope="session")
def sim_real(tree, realclock_run):
    end = int(REAL_MINUTES * 60)
    return emulated(tree, "sim-realclock", end, "quiet", [(end - 300, end)])


def within(a: float, b: float, share: float) -> bool:
    return abs(a - b) <= share * max(abs(a), abs(b))


def counts_agree(a: float, b: float) -> bool:
    return (a <= 5 and b <= 5) or (a <= 2 * b and b <= 2 * a)


def test_fake_clock_first_hack_within_15_percent(sim_fake, midgame_run):
    assert sim_fake["errors"] == []
    assert within(sim_fake["firstHack_s"], midgame_run["firstHack_s"], 0.15)


@pytest.mark.parametrize("window", ["15-30", "30-45"])
def test_fake_clock_income_within_15_percent(sim_fake, midgame_run, window):
    assert within(sim_fake["income"][window]["per_s"], midgame_run["income"][window]["per_s"], 0.15)


def test_fake_clock_late_and_skipped_agree(sim_fake, midgame_run):
    assert counts_agree(sim_fake["whole_run"]["late_or_skipped"], midgame_run["whole_run"]["late_or_skipped"])


def test_real_clock_first_hack_within_15_percent(sim_real, realclock_run):
    assert sim_real["errors"] == []
    assert within(sim_real["firstHack_s"], realclock_run["firstHack_s"], 0.15)


def test_real_clock_income_last_five_minutes_within_15_percent(sim_real, realclock_run):
    window = realclock_run["window"]
    assert within(sim_real["income"][window]["per_s"], realclock_run["income"][window]["per_s"], 0.15)


def test_real_clock_late_and_skipped_agree(sim_real, realclock_run):
    assert counts_agree(sim_real["whole_run"]["late_or_skipped"], realclock_run["whole_run"]["late_or_skipped"])
