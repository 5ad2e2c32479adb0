"""What scripts see through ns, against the reference mathematics written out again here, independently."""

import math

import pytest

from simkit import reports, run

# Five targets with fixed values, so the expectations do not depend on the ranged server data.
TARGETS = {
    "n00dles": {"requiredHackingSkill": 1, "hackDifficulty": 1, "minDifficulty": 1},
    "foodnstuff": {"requiredHackingSkill": 1, "hackDifficulty": 10, "minDifficulty": 3},
    "joesguns": {"requiredHackingSkill": 10, "hackDifficulty": 15, "minDifficulty": 5},
    "phantasy": {"requiredHackingSkill": 100, "hackDifficulty": 20, "minDifficulty": 7},
    "the-hub": {"requiredHackingSkill": 300, "hackDifficulty": 40, "minDifficulty": 13},
}
ROOTED = {host: {**fields, "hasAdminRights": True} for host, fields in TARGETS.items()}

ANALYSE = """
export async function main(ns) {
  for (const target of ns.args) {
    ns.tprint(JSON.stringify({
      target,
      hackTime: ns.getHackTime(target),
      growTime: ns.getGrowTime(target),
      weakenTime: ns.getWeakenTime(target),
      percent: ns.hackAnalyze(target),
      chance: ns.hackAnalyzeChance(target),
      formulaTime: ns.formulas.hacking.hackTime(ns.getServer(target), ns.getPlayer()),
      formulaPercent: ns.formulas.hacking.hackPercent(ns.getServer(target), ns.getPlayer()),
    }));
  }
}
"""


def reference(required, security, skill):
    """Section 3 of formulas.md, BitNode 1, no intelligence: times in ms, percent and chance."""
    hack_ms = 5 * (2.5 * required * security + 500) / (skill + 50) * 1000
    percent = min(1, max(0, (100 - security) / 100 * (skill - (required - 1)) / skill / 240))
    chance = min(1, max(0, (1.75 * skill - required) / (1.75 * skill) * (100 - security) / 100))
    return hack_ms, percent, chance


@pytest.fixture(scope="module", params=[300, 500, 1000])
def analysed(request):
    skill = request.param
    em = run({"probe.js": ANALYSE}, [{"script": "probe.js", "args": list(TARGETS)}], hours=0.001,
             player={"hacking": skill}, servers={"set": ROOTED})
    assert em.player.skill == skill
    return skill, {line["target"]: line for line in reports(em)}


@pytest.mark.parametrize("target", list(TARGETS))
def test_times_percent_and_chance(analysed, target):
    skill, lines = analysed
    fields = TARGETS[target]
    hack_ms, percent, chance = reference(fields["requiredHackingSkill"], fields["hackDifficulty"], skill)
    line = lines[target]
    assert line["hackTime"] == pytest.approx(hack_ms, rel=1e-12)
    assert line["growTime"] == pytest.approx(3.2 * hack_ms, rel=1e-12)
    assert line["weakenTime"] == pytest.approx(4 * hack_ms, rel=1e-12)
    assert line["percent"] == pytest.approx(percent, rel=1e-12)
    assert line["chance"] == pytest.approx(chance, rel=1e-12)
    assert line["formulaTime"] == line["hackTime"]
    assert line["formulaPercent"] == line["percent"]


def test_worked_examples(analysed):
    skill, lines = analysed
    # Worked by hand: 5 * (2.5 * req * sec + 500) / (skill + 50) seconds.
    worked = {
        300: ("joesguns", 12_500.0),  # 5 * 875 / 350
        500: ("n00dles", 4_568.181818181818),  # 5 * 502.5 / 550
        1000: ("phantasy", 26_190.476190476190),  # 5 * 5500 / 1050
    }
    target, ms = worked[skill]
    assert lines[target]["hackTime"] == pytest.approx(ms, rel=1e-12)


ANALYSIS_CALLS = """
export async function main(ns) {
  ns.tprint(JSON.stringify({
    growthAnalyze: ns.growthAnalyze("joesguns", 2),
    growthAnalyze4: ns.growthAnalyze("joesguns", 2, 4),
    weakenAnalyze: ns.weakenAnalyze(10, 4),
    hackSecurity: ns.hackAnalyzeSecurity(10),
    hackSecurityCapped: ns.hackAnalyzeSecurity(1e6, "joesguns"),
    growSecurity: ns.growthAnalyzeSecurity(7),
    hackThreads: ns.hackAnalyzeThreads("joesguns", 1e5),
  }));
}
"""


def test_analysis_functions():
    money = {"moneyAvailable": 1e6, "moneyMax": 2e6, "serverGrowth": 20}
    em = run({"a.js": ANALYSIS_CALLS}, [{"script": "a.js"}], hours=0.001, player={"hacking": 300},
             servers={"set": {"joesguns": {**ROOTED["joesguns"], **money}}})
    line = reports(em)[0]
    k = math.log(1 + 0.03 / 15) * 20 / 100  # below the cap at security 15
    assert line["growthAnalyze"] == pytest.approx(math.log(2) / k)
    assert line["growthAnalyze4"] == pytest.approx(math.log(2) / (k * (1 + 3 / 16)))
    assert line["weakenAnalyze"] == pytest.approx(0.05 * 10 * (1 + 3 / 16))
    assert line["hackSecurity"] == pytest.approx(0.02)
    percent = 0.85 * (300 - 9) / 300 / 240
    assert line["hackSecurityCapped"] == pytest.approx(0.002 * math.ceil(1 / percent))
    assert line["growSecurity"] == pytest.approx(0.028)
    assert line["hackThreads"] == pytest.approx(1e5 / (1e6 * percent))


FORMULAS = """
export async function main(ns) {
  const server = ns.getServer("joesguns");
  const player = ns.getPlayer();
  const f = ns.formulas.hacking;
  const seen = {
    growThreads: f.growThreads(server, player, server.moneyMax, 2),
    growAmount: f.growAmount(server, player, 100, 2),
    growPercent: f.growPercent(server, 100, player, 2),
    weakenEffect: f.weakenEffect(10, 2),
    hackExp: f.hackExp(server, player),
    hackChance: f.hackChance({ ...server, hackDifficulty: 5 }, player),
  };
  await ns.grow("joesguns", { threads: 100 });
  seen.grown = ns.getServerMoneyAvailable("joesguns");
  ns.tprint(JSON.stringify(seen));
}
"""


def test_formulas_namespace_matches_the_reference_and_the_landing():
    money = {"moneyAvailable": 1e6, "moneyMax": 2e6, "serverGrowth": 20, "baseDifficulty": 15}
    em = run({"f.js": FORMULAS}, [{"script": "f.js", "threads": 100}], hours=0.1, player={"hacking": 300},
             home={"cores": 2}, servers={"set": {"joesguns": {**ROOTED["joesguns"], **money}}})
    seen = reports(em)[0]
    k = math.log(1 + 0.03 / 15) * 20 / 100 * (1 + 1 / 16)
    needed = next(n for n in range(10_000) if (1e6 + n) * math.exp(k * n) >= 2e6)
    assert seen["growThreads"] == needed
    assert seen["growAmount"] == pytest.approx((1e6 + 100) * math.exp(k * 100), rel=1e-12)
    assert seen["growPercent"] == pytest.approx(math.exp(k * 100), rel=1e-12)
    assert seen["weakenEffect"] == pytest.approx(0.05 * 10 * (1 + 1 / 16))
    assert seen["hackExp"] == pytest.approx(3 + 0.3 * 15)
    assert seen["hackChance"] == pytest.approx((525 - 10) / 525 * 0.95)
    assert seen["grown"] == seen["growAmount"]  # the landing on a 2-core host matches the prediction exactly


def test_hacking_multipliers_are_the_players_under_the_games_names():
    mults = {"hacking_chance": 1.1, "hacking_speed": 1.2, "hacking_money": 1.3, "hacking_grow": 1.4}
    em = run({"m.js": "export async function main(ns) { ns.tprint(JSON.stringify(ns.getHackingMultipliers())); }"},
             [{"script": "m.js"}], hours=0.01, player={"mults": mults})
    assert reports(em)[0] == {"chance": 1.1, "speed": 1.2, "money": 1.3, "growth": 1.4}
