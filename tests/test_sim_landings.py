"""hack/grow/weaken: duration fixed at the call, effect computed with the state at landing."""

import math

import pytest

from simkit import run

TARGET = {"hasAdminRights": True, "requiredHackingSkill": 5, "hackDifficulty": 10, "minDifficulty": 3,
          "baseDifficulty": 10, "moneyAvailable": 1e6, "moneyMax": 4e6, "serverGrowth": 50}
CALL = """
export async function main(ns) {
  const [kind, target, threads, extra] = ns.args;
  const calls = { hack: ns.hack, grow: ns.grow, weaken: ns.weaken };
  await calls[kind](target, { threads, additionalMsec: extra });
}
"""


def hack_ms(required, security, skill):
    return 5 * (2.5 * required * security + 500) / (skill + 50) * 1000


def one_call(kind, threads=10, extra=0, cores=1, hours=0.2, skill=50):
    em = run({"call.js": CALL}, [{"script": "call.js", "threads": threads, "args": [kind, "joesguns", threads, extra]}],
             hours=hours, player={"hacking": skill}, home={"cores": cores, "ram": 16384},
             servers={"set": {"joesguns": TARGET}})
    (job,) = em.jobs
    return em, job, em.servers["joesguns"]


def test_weaken_lands_after_four_hack_times_cut_to_whole_ms():
    em, job, server = one_call("weaken", threads=20, extra=123.9)
    duration = 4 * hack_ms(5, 10, 50) + 123.9
    assert job.start == 0
    assert job.end == math.trunc(duration)
    assert server.hackDifficulty == pytest.approx(10 - 0.05 * 20)
    assert job.result == pytest.approx(0.05 * 20)


def test_weaken_with_host_cores_stops_at_min_security():
    em, job, server = one_call("weaken", threads=200, cores=4)
    assert server.hackDifficulty == 3
    assert job.result == pytest.approx(7)  # v3 returns the reduction achieved


def test_grow_adds_a_dollar_per_thread_then_multiplies_and_fortifies_for_used_threads():
    em, job, server = one_call("grow", threads=30)
    k = math.log(1 + 0.03 / 10) * 50 / 100
    money = (1e6 + 30) * math.exp(k * 30)
    assert job.end == math.trunc(3.2 * hack_ms(5, 10, 50))
    assert server.moneyAvailable == pytest.approx(money, rel=1e-12)
    assert server.hackDifficulty == pytest.approx(10 + 0.004 * 30)
    assert job.result == pytest.approx(money / 1e6, rel=1e-12)


def test_grow_past_money_max_only_charges_the_threads_needed():
    em, job, server = one_call("grow", threads=5000)
    k = math.log(1 + 0.03 / 10) * 50 / 100
    needed = next(n for n in range(5000) if (1e6 + n) * math.exp(k * n) >= 4e6)
    assert server.moneyAvailable == 4e6
    assert server.hackDifficulty == pytest.approx(10 + 0.004 * needed)


def test_hack_steals_linearly_in_threads_and_fortifies_only_on_success():
    em, job, server = one_call("hack", threads=40)
    percent = (100 - 10) / 100 * (50 - 4) / 50 / 240
    chance = (87.5 - 5) / 87.5 * 0.9
    assert job.end == math.trunc(hack_ms(5, 10, 50))
    assert job.chance == pytest.approx(chance)
    if job.roll < chance:
        assert job.result == pytest.approx(1e6 * percent * 40)
        assert server.moneyAvailable == pytest.approx(1e6 * (1 - percent * 40))
        assert server.hackDifficulty == pytest.approx(10 + 0.002 * 40)
        assert em.player.money == pytest.approx(job.result)
    else:
        assert job.result == 0 and server.hackDifficulty == 10 and server.moneyAvailable == 1e6


def hack_many(seed):
    entries = [{"script": "call.js", "args": ["hack", "joesguns", 1, 0]} for _ in range(200)]
    return run({"call.js": CALL}, entries, hours=0.05, seed=seed, player={"hacking": 50},
               servers={"set": {"joesguns": TARGET}}).jobs


def test_hack_outcomes_follow_the_seeded_chance():
    jobs = hack_many(seed=1)
    hits = sum(job.result > 0 for job in jobs)
    expected = sum(job.chance for job in jobs)
    spread = math.sqrt(sum(job.chance * (1 - job.chance) for job in jobs))
    assert abs(hits - expected) < 4 * spread
    assert [job.roll for job in hack_many(seed=1)] == [job.roll for job in jobs]
    assert [job.roll for job in hack_many(seed=2)] != [job.roll for job in jobs]


LEVEL_UP = """
export async function main(ns) {
  if (ns.args[0] === "hack") {
    await ns.hack("n00dles", { additionalMsec: 200000 });
    await ns.hack("n00dles");
  } else {
    await ns.weaken("foodnstuff");
  }
}
"""


def test_level_up_during_a_running_hack_changes_its_effect_not_its_duration():
    servers = {
        "n00dles": {"hasAdminRights": True, "requiredHackingSkill": 5, "hackDifficulty": 1, "minDifficulty": 1,
                    "moneyAvailable": 1e6, "moneyMax": 1e7},
        "foodnstuff": {"hasAdminRights": True, "baseDifficulty": 10, "hackDifficulty": 10, "minDifficulty": 3},
    }
    em = run({"l.js": LEVEL_UP}, [{"script": "l.js", "args": ["hack"]}, {"script": "l.js", "threads": 100,
             "args": ["weaken"]}], hours=0.2, seed=3, player={"hacking": 10}, servers={"set": servers})
    first, weaken, second = sorted(em.jobs, key=lambda job: job.start)[:2] + [em.jobs[-1]]
    assert weaken.kind == "weaken" and first.kind == second.kind == "hack"
    # The weaken (4 x 43.75 s) lands first and gives 100 x (3 + 0.3 x 10) exp: skill 10 -> 29.
    assert weaken.end == 175_000 < first.end
    exp_at_10 = math.exp(210 / 32) - 534.6
    new_skill = math.floor(32 * math.log(exp_at_10 + 600 + 534.6) - 200)
    assert new_skill == 29 and em.player.skill >= 29
    # Duration was fixed at skill 10: 5 x (2.5 x 5 x 1 + 500) / 60 s, plus the extra 200 s.
    assert first.end == math.trunc(5 * 512.5 / 60 * 1000 + 200_000)
    # Chance and percent at landing use skill 29.
    chance = (1.75 * 29 - 5) / (1.75 * 29) * 0.99
    percent = 0.99 * (29 - 4) / 29 / 240
    assert first.chance == pytest.approx(chance)
    assert first.roll < first.chance, "seed 3 gives a successful hack; pick another seed if the RNG changes"
    assert first.result == pytest.approx(1e6 * percent)
    # A hack started after the level-up is shorter (and sees the first hack's +0.002 security).
    assert second.end - second.start == math.trunc(5 * (2.5 * 5 * 1.002 + 500) / (29 + 50) * 1000)
