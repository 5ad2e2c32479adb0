"""Timed scenario events (buy/delete a server, upgrade home, add a program, gain exp, BitNode multipliers) and the
shipped scenarios."""

import json
import math

import pytest
from click.testing import CliRunner

from hwgw.cli import main
from hwgw.sim.engine import Emulator
from hwgw.sim.scenario import ScenarioError, find, load, merge
from simkit import reports, run

EVENTS = [
    {"at_s": 10, "buy_server": {"name": "box", "ram": 1024}},
    {"at_s": 20, "upgrade_home": {"ram": 2048}},
    {"at_s": 30, "add_program": {"name": "SQLInject.exe"}},
    {"at_s": 40, "gain_exp": {"amount": 9_000_000}},
    {"at_s": 50, "bitnode": {"ScriptHackMoney": 0.25, "ServerGrowthRate": 0.8, "ServerWeakenRate": 0.5}},
    {"at_s": 60, "delete_server": {"name": "box"}},
    {"at_s": 65, "buy_server": {"name": "big", "ram": 2**20}},
]
# A snapshot 1 ms before and 1 ms after each event; the idle script runs on "box" from 15 s until its deletion.
WATCH = """
export async function main(ns) {
  const t0 = performance.now();
  let idle = 0;
  for (const at of ns.args) {
    await ns.sleep(at - (performance.now() - t0));
    if (at === 15000) {
      idle = ns.scp("idle.js", "box") && ns.exec("idle.js", "box", 2);
      ns.tprint(JSON.stringify({ startedOnBox: idle > 0 }));
      continue;
    }
    ns.tprint(JSON.stringify({
      at, servers: ns.cloud.getServerNames(), boxExists: ns.serverExists("box"), homeRam: ns.getServerMaxRam("home"),
      money: ns.getServerMoneyAvailable("home"), sql: ns.fileExists("SQLInject.exe"), level: ns.getHackingLevel(),
      hack: ns.hackAnalyze("n00dles"), grow: ns.growthAnalyze("n00dles", 2), weaken: ns.weakenAnalyze(1),
      homeLinks: ns.scan("home").filter((host) => host === "box").length, idleRuns: ns.isRunning(idle),
    }));
  }
}
"""
IDLE = "export async function main(ns) { while (true) await ns.sleep(1000); }\n"
MONEY = 5e9
START_EXP = 1_000_000


@pytest.fixture(scope="module")
def world():
    """One run with every kind of event; returns the emulator and the snapshots by time (ms)."""
    times = sorted([15000] + [t for event in EVENTS for t in (event["at_s"] * 1000 - 1, event["at_s"] * 1000 + 1)])
    em = run({"watch.js": WATCH, "idle.js": IDLE}, [{"script": "watch.js", "args": times}], hours=0.02,
             player={"money": MONEY, "exp": START_EXP, "programs": ["NUKE.exe"]}, events=EVENTS)
    seen = reports(em)
    assert {"startedOnBox": True} in seen
    return em, {snap["at"]: snap for snap in seen if "at" in snap}


def around(seen, at_s):
    return seen[at_s * 1000 - 1], seen[at_s * 1000 + 1]


def level(exp):
    return math.floor(32 * math.log(exp + 534.6) - 200)


def test_events_fire_at_their_time_and_the_record_notes_each(world):
    em, _ = world
    assert [(e["at_s"], e["event"]) for e in em.world_events] == [(e["at_s"], {k: v for k, v in e.items()
                                                                                if k != "at_s"}) for e in EVENTS]
    assert [e["done"] for e in em.world_events] == [True] * 6 + [False]
    assert em.world_events[0]["note"] == "bought box (1024 GB) for $56.320m"
    assert em.world_events[-1]["note"].startswith("not bought big (1048576 GB) for $57.672b: only $")


def test_events_are_no_timers_and_are_never_late():
    em = run({}, [], hours=0.01, settings={"timer_lateness_ms": [5, 10]},
             events=[{"at_s": 10, "add_program": {"name": "SQLInject.exe"}}])
    assert [e["at_s"] for e in em.world_events] == [10]


def test_buying_a_server_pays_55000_per_gb_and_links_it_to_home(world):
    _, seen = world
    before, after = around(seen, 10)
    assert (before["servers"], after["servers"]) == ([], ["box"])
    assert (before["homeLinks"], after["homeLinks"]) == (0, 1)
    assert before["money"] - after["money"] == 1024 * 55_000


def test_upgrading_home_pays_each_doubling(world):
    _, seen = world
    before, after = around(seen, 20)
    assert (before["homeRam"], after["homeRam"]) == (1024, 2048)
    # The game's price of one doubling: 32,000 $ per GB of the RAM before it, times 1.58 per doubling so far.
    assert before["money"] - after["money"] == pytest.approx(1024 * 32_000 * 1.58**10)


def test_a_program_added_is_on_home(world):
    _, seen = world
    assert [snap["sql"] for snap in around(seen, 30)] == [False, True]


def test_exp_gained_raises_the_level_by_the_game_formula(world):
    _, seen = world
    before, after = around(seen, 40)
    assert (before["level"], after["level"]) == (level(START_EXP), level(START_EXP + 9_000_000))


def test_bitnode_multipliers_enter_hack_grow_and_weaken(world):
    _, seen = world
    before, after = around(seen, 50)
    assert after["hack"] == pytest.approx(before["hack"] * 0.25)
    assert after["grow"] == pytest.approx(before["grow"] / 0.8)
    assert (before["weaken"], after["weaken"]) == (pytest.approx(0.05), pytest.approx(0.025))


def test_deleting_a_server_kills_its_scripts_first(world):
    em, seen = world
    before, after = around(seen, 60)
    assert (before["boxExists"], after["boxExists"]) == (True, False)
    assert (before["servers"], after["servers"]) == (["box"], [])
    assert (before["idleRuns"], after["idleRuns"]) == (True, False)
    assert after["homeLinks"] == 0
    assert em.world_events[5]["note"] == "deleted box, killing its 1 script(s) first"


def test_a_purchase_the_money_does_not_cover_does_not_happen(world):
    _, seen = world
    before, after = around(seen, 65)
    assert after["servers"] == [] and after["money"] == before["money"]


BAD = [
    ('{"at_s": 20, "sell_server": {"name": "box"}}', 5, 'unknown event "sell_server" in "events[1]"; use one of'),
    ('{"at_s": 20,\n     "buy_server": {"name": "b2", "ram": 1000}}', 6,
     '"events[1].buy_server.ram" must be a power of two'),
    ('{"at_s": 20, "buy_server": {"name": "b2", "ram": "big"}}', 5,
     '"events[1].buy_server.ram" must be a number, not "big"'),
    ('{"at_s": 20, "buy_server": {"name": "b2", "ram": 2097152}}', 5, "must be at most 1048576 GB"),
    ('{"at_s": 20, "buy_server": {"name": "b2"}}', 5, '"events[1].buy_server" needs "ram"'),
    ('{"at_s": "soon", "add_program": {"name": "SQLInject.exe"}}', 5, '"events[1].at_s" must be the game time'),
    ('{"add_program": {"name": "Cheat.exe"}, "at_s": 20}', 5, 'unknown program "Cheat.exe"'),
    ('{"at_s": 20, "gain_exp": {"amount": 1}, "add_program": {"name": "NUKE.exe"}}', 5, "needs exactly one of"),
    ('{"at_s": 20, "bitnode": {"ScriptHackMony": 0.5}}', 5,
     'unknown field "events[1].bitnode.ScriptHackMony"; use: HackingLevelMultiplier, '),
    ('{"at_s": 20, "buy_server": {"name": "box", "ram": 8}}', 5, 'a server "box" is already there at 20 s'),
    ('{"at_s": 5, "delete_server": {"name": "box"}}', 5, 'no purchased server "box" at 5 s'),
    ('{"at_s": 20, "delete_server": {"name": "n00dles"}}', 5, 'no purchased server "n00dles"'),
    ('{"at_s": 20, "upgrade_home": {"ram": 64}}', 5, '"ram" must be more than the 64 GB home has at 20 s'),
    ("7", 3, '"events[1]" must be an object like'),  # a value that is no object: the line of "events"
]


@pytest.mark.parametrize("event, line, message", BAD)
def test_bad_events_name_file_line_and_fix(tmp_path, event, line, message):
    path = tmp_path / "s.json"
    path.write_text('{\n  "player": {"money": 1e9},\n  "events": [\n'
                    f'    {{"at_s": 10, "buy_server": {{"name": "box", "ram": 1024}}}},\n    {event}\n  ]\n}}\n')
    with pytest.raises(ScenarioError) as error:
        load(path)
    assert str(error.value).startswith(f"{path}:{line}: ")
    assert message in str(error.value)


def test_the_purchased_server_limit_holds_over_time():
    with pytest.raises(ScenarioError, match="25 purchased servers already at 30 s"):
        merge({"purchased": {"count": 24}, "events": [{"at_s": 30, "buy_server": {"name": "b", "ram": 8}},
                                                       {"at_s": 10, "buy_server": {"name": "a", "ram": 8}}]})
    merge({"purchased": {"count": 25}, "events": [{"at_s": 10, "delete_server": {"name": "pserv-3"}},
                                                  {"at_s": 20, "buy_server": {"name": "pserv-3", "ram": 8}}]})


def test_shipped_scenarios_load_by_name():
    growth = load(find("growth"))
    assert growth["hours"] == 3
    assert growth["purchased"] == {"count": 4, "ram": 64, "prefix": "pserv-"}
    bought = [(e["at_s"], e["buy_server"]["ram"]) for e in growth["events"]]
    assert bought == [(1200 * i, 1024) for i in range(1, 10)]
    em = Emulator(growth)
    assert sorted((s.hostname, s.maxRam) for s in em.servers.values() if s.purchasedByPlayer and s.hostname != "home") \
        == [(f"pserv-{i}", 64) for i in range(4)]

    bitnode = load(find("bitnode"))
    assert bitnode == {**merge({}), "bitnode": {"ScriptHackMoney": 0.25, "ServerGrowthRate": 0.8}}


def test_the_bitnode_scenario_cuts_hack_money_and_growth():
    plain, cut = Emulator(merge({})), Emulator(load(find("bitnode")))
    server = vars(plain.servers["phantasy"])
    person = plain.person()
    sec, req, skill = server["hackDifficulty"], server["requiredHackingSkill"], person.skill
    assert cut.hack_percent(server, person) == pytest.approx((100 - sec) / 100 * (skill - req + 1) / skill * 0.25 / 240)
    assert cut.grow_k(server, person, 1) == pytest.approx(plain.grow_k(server, person, 1) * 0.8)


def test_the_cli_runs_a_shipped_scenario_by_name_and_reports_its_events():
    result = CliRunner().invoke(main, ["sim", "--scenario", "growth", "--baseline", "--hours", "0.34", "--json"])
    assert result.exit_code == 0, result.output
    (event,) = json.loads(result.output)["events"]
    assert (event["at_s"], event["event"]) == (1200, {"buy_server": {"name": "pserv-4", "ram": 1024}})
    result = CliRunner().invoke(main, ["sim", "--scenario", "nosuch"])
    assert result.exit_code == 2
    assert "nosuch: cannot read the scenario" in result.output and "bitnode, growth" in result.output
