"""The emulator's model of the game's latencies (hwgw/sim/latency.py).

The sampler is checked against the quantiles it is given; the engine with distributions that hold one value, so
that each effect can be read exactly off what a script sees on the virtual clock (performance.now).
"""

import json
import random
from pathlib import Path

import pytest

from hwgw.build import build
from hwgw.sim.engine import Emulator
from hwgw.sim import latency
from hwgw.sim.latency import EFFECTS, Distribution, Latency, LatencyError
from hwgw.sim.model import PERF_ORIGIN_MS
from hwgw.sim.scenario import ScenarioError, load

from simkit import reports, scenario


def spread(low, median, p90, p99, high, n=200):
    return {"n": n, "quantiles": {"0": low, "0.5": median, "0.9": p90, "0.99": p99, "1": high}}


def const(ms):
    return {"n": 1, "quantiles": {"0": ms, "1": ms}}


# The shape of hwgw/sim/latency.json, with made-up figures.
MEASURED = {
    "game": "bitburner web 3.0.0-dev (test fixture)",
    "profiles": {
        "quiet": {
            "exec_to_first_line": spread(0.4, 1.2, 3.0, 9.0, 14.0),
            "exec_first_on_host": spread(8.0, 11.0, 19.0, 40.0, 55.0, 100),
            "port_write_to_wake": spread(0.0, 0.1, 0.3, 1.5, 2.0),
            "sleep_late_0": spread(0.2, 4.1, 4.6, 7.0, 12.0),
            "sleep_late_5": spread(0.1, 0.9, 1.8, 5.0, 9.0),
            "sleep_late_20": spread(0.1, 1.0, 2.2, 6.0, 10.0),
            "sleep_late_200": spread(0.2, 1.1, 2.5, 7.5, 11.0),
            "exit_to_ram_free": spread(0.0, 0.3, 1.0, 4.0, 6.0),
            "hgw_late": spread(0.0, 1.0, 3.0, 9.0, 15.0),
            "exec_call": spread(0.0, 0.1, 0.2, 0.3, 0.6),
            "exec_call_first_on_host": spread(150.0, 175.0, 235.0, 265.0, 280.0, 60),
        },
    },
    "autosave": {"every_ms": 60000, "blocks": 2, "apart_ms": 125, **spread(110.0, 540.0, 690.0, 750.0, 750.0, 27)},
}
# One value each, so that a script can see every effect exactly.
EXACT = {"profiles": {"quiet": {
    "exec_to_first_line": const(7), "exec_first_on_host": const(50), "port_write_to_wake": const(0.5),
    "sleep_late_0": const(0), "sleep_late_5": const(0), "sleep_late_20": const(0), "sleep_late_200": const(0),
    "exit_to_ram_free": const(30), "hgw_late": const(12), "exec_call": const(0), "exec_call_first_on_host": const(0),
}}, "autosave": {"every_ms": 3600000, "first_ms": 3600000, "blocks": 1, "apart_ms": 0, **const(0)}}


def empirical(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))]


@pytest.mark.parametrize("name", sorted(MEASURED["profiles"]["quiet"]))
def test_samples_stay_in_range_and_match_the_quantiles(name):
    quantiles = MEASURED["profiles"]["quiet"][name]["quantiles"]
    distribution = Distribution(name, quantiles)
    rng = random.Random(7)
    values = [distribution.at(rng.random()) for _ in range(40_000)]
    assert min(values) >= quantiles["0"] and max(values) <= quantiles["1"]
    for p in ("0.5", "0.9", "0.99"):
        width = quantiles["1"] - quantiles["0"]
        assert abs(empirical(values, float(p)) - quantiles[p]) <= 0.02 * width, p


def test_between_two_quantiles_the_samples_are_uniform():
    # Inverse-CDF interpolation: from 10 to 20 ms below the median, 20 to 60 above it.
    distribution = Distribution("d", {"0": 10, "0.5": 20, "1": 60})
    rng = random.Random(3)
    values = [distribution.at(rng.random()) for _ in range(40_000)]
    below = [v for v in values if v < 20]
    assert abs(len(below) / len(values) - 0.5) < 0.01
    assert abs(sum(below) / len(below) - 15) < 0.1
    above = [v for v in values if v >= 20]
    assert abs(sum(above) / len(above) - 40) < 0.4


def test_sleep_lateness_comes_from_the_nearest_measured_delays():
    latency = Latency("quiet", 1, MEASURED)
    late_20 = [latency.timer(20, 1) - 20 for _ in range(20_000)]
    assert abs(empirical(late_20, 0.5) - 1.0) < 0.05 and abs(empirical(late_20, 0.9) - 2.2) < 0.1
    # 12 ms lies between the delays measured at 5 and 20: its median lies between theirs.
    late_12 = [latency.timer(12, 1) - 12 for _ in range(20_000)]
    assert 0.9 < empirical(late_12, 0.5) < 1.0
    # Past the longest measured delay, that delay's lateness.
    late_900 = [latency.timer(900, 1) - 900 for _ in range(20_000)]
    assert abs(empirical(late_900, 0.5) - 1.1) < 0.05


def test_a_timer_nested_five_deep_waits_at_least_4_ms():
    latency = Latency("quiet", 1, EXACT)
    assert [latency.timer(0, depth) for depth in range(1, 8)] == [0, 0, 0, 0, 4, 4, 4]
    assert latency.timer(2, 5) == 4 and latency.timer(6, 5) == 6


def test_none_gives_zero_and_turns_everything_off():
    latency = Latency("none", 1, EXACT)
    assert latency.effects == set()
    assert [latency.sample(effect) for effect in ("exec", "first_load", "port_wake", "ram_free", "hgw")] == [0] * 5
    assert latency.timer(0, 9) == 0 and latency.timer(20, 1) == 20


def test_one_effect_off_leaves_the_samples_of_the_others():
    every = Latency("quiet", 5, MEASURED)
    some = Latency({"profile": "quiet", "exec": False}, 5, MEASURED)
    assert not some.on("exec") and some.sample("exec") == 0
    assert [every.sample("hgw") for _ in range(20)] == [some.sample("hgw") for _ in range(20)]


def test_missing_data_is_a_clear_error(monkeypatch):
    with pytest.raises(LatencyError, match='the latency data has no profile "loaded"'):
        Latency("loaded", 1, MEASURED)
    monkeypatch.setattr(latency, "package_data", lambda: None)
    with pytest.raises(LatencyError, match=r'hwgw/sim/latency.json \(run bench/bench_game_latency.py\), or use '
                                           r'"latency": "none"'):
        Latency("quiet", 1)
    partial = {"profiles": {"quiet": {"hgw_late": const(1)}}}
    with pytest.raises(LatencyError, match=r'no "exec_to_first_line".*"latency": \{"profile": "quiet", "exec": false\}'):
        Latency("quiet", 1, partial)
    with pytest.raises(LatencyError, match=r'no "autosave".*"latency": \{"profile": "quiet", "autosave": false\}'):
        Latency({"profile": "quiet", "timers": False, "exec": False, "first_load": False, "port_wake": False,
                 "ram_free": False, "exec_call": False}, 1, partial)
    assert Latency({"profile": "quiet", "timers": False, "exec": False, "first_load": False, "port_wake": False,
                    "ram_free": False, "exec_call": False, "autosave": False}, 1, partial).sample("hgw") == 1


def test_bad_latency_settings_name_the_line_and_the_choices(tmp_path):
    path = tmp_path / "s.json"
    path.write_text('{"hours": 1,\n "settings": {"latency": "busy"}}')
    with pytest.raises(ScenarioError, match=r's.json:2: "settings.latency": unknown profile "busy"; use one of none, '
                                            r'quiet, loaded'):
        load(path)
    path.write_text('{"settings": {\n  "latency": {"profile": "quiet", "sleep": false}}}')
    with pytest.raises(ScenarioError, match=r's.json:2: .*unknown effect "sleep"; the effects are timers, exec'):
        load(path)


# The engine, with EXACT: every delay is known.

def run(files, entries, hours=0.001, data=EXACT, **settings):
    em = Emulator(scenario(settings={"latency": "quiet", **settings},
                           servers={"set": {"n00dles": {"hasAdminRights": True, "maxRam": 2.0}}}),
                  files, latency_data=data)
    em.run(entries, hours)
    return em


CHILD = "export async function main(ns) { ns.tprint(JSON.stringify({late: performance.now() - ns.args[0]})); }\n"
STARTER = """
export async function main(ns) {
  const child = ns.args[0];
  ns.scp(ns.ls("home", ".js"), "n00dles");
  let t = performance.now();
  ns.exec(child, "home", 1, t);
  ns.exec(child, "home", 1, t);
  await ns.sleep(100);
  t = performance.now();
  ns.exec(child, "home", 1, t);
  ns.exec(child, "n00dles", 1, t);
}
"""


def test_a_script_starts_after_exec_and_later_at_its_first_run_on_a_server():
    em = run({"starter.js": STARTER, "child.js": CHILD}, [{"script": "starter.js", "args": ["child.js"]}])
    # The first run on home loads it (50 ms), a second started meanwhile waits for that load, a later one takes
    # 7 ms; n00dles has never run it: 50 ms again.
    assert [r["late"] for r in reports(em)] == [50, 50, 7, 50]
    assert em.errors == []


BUILT_CHILD = '''"""Reports how long after the moment in its first argument its main began."""

from typing import Any

from hwgw.ns import NS

performance: Any


async def main(ns: NS) -> None:
    started = performance.now()
    ns.tprint(f"started {started - ns.args[0]}")
'''


def test_a_built_script_sees_its_own_start_delay(tmp_path):
    src = tmp_path / "probe"
    src.mkdir()
    (src / "child.py").write_text(BUILT_CHILD)
    files = build(src, tmp_path / "out").files
    files["starter.js"] = STARTER
    em = run(files, [{"script": "starter.js", "args": ["probe/child.js"]}])
    assert [line.split(": ", 1)[1] for line in em.terminal] == ["started 50", "started 50", "started 7", "started 50"]


def test_exec_blocks_the_clock_far_longer_at_a_first_load():
    # The page is blocked for 100 ms while a server loads the script for the first time, 3 ms on a later exec; the
    # child's start delay (50 first, 7 later) follows the blocked call. The third child, due 10 ms after its exec,
    # waits out the 100 ms that the fourth exec (n00dles's first load) blocks the page.
    blocking = {"profiles": {"quiet": {**EXACT["profiles"]["quiet"], "exec_call": const(3),
                                       "exec_call_first_on_host": const(100)}}, "autosave": EXACT["autosave"]}
    em = run({"starter.js": STARTER, "child.js": CHILD}, [{"script": "starter.js", "args": ["child.js"]}],
             data=blocking)
    assert [r["late"] for r in reports(em)] == [150, 150, 103, 153]
    assert em.errors == []


TIMED_EXEC = """
export async function main(ns) {
  for (const child of ns.args) {
    ns.scp(child, "n00dles");
    const before = performance.now();
    ns.exec(child, "n00dles", 1, 0);
    ns.tprint(JSON.stringify({call: performance.now() - before}));
    await ns.sleep(100);
  }
}
"""


def test_a_first_load_blocks_in_proportion_to_what_the_script_loads():
    # The measured first-load block (100 ms) is for a probe of 10 units of size; a lean script of 1 unit took 10 ms.
    # A script of 2 units: 10 + (100 - 10) / 9 = 20 ms.
    small = CHILD
    large = CHILD + "//" + "x" * (len(CHILD) - 3) + "\n"
    unit = len(small)
    sizes = {"probe_bytes": 10 * unit, "lean_bytes": unit, "lean_ms": 10}
    blocking = {"profiles": {"quiet": {**EXACT["profiles"]["quiet"], "exec_call_first_on_host": const(100)}},
                "autosave": EXACT["autosave"], "first_load_sizes": sizes}
    em = run({"timed.js": TIMED_EXEC, "small.js": small, "large.js": large},
             [{"script": "timed.js", "args": ["small.js", "large.js"]}], data=blocking)
    calls = [r["call"] for r in reports(em) if "call" in r]
    assert calls == pytest.approx([10, 20])


def test_none_starts_a_script_at_once():
    em = run({"starter.js": STARTER, "child.js": CHILD}, [{"script": "starter.js", "args": ["child.js"]}],
             latency="none")
    assert [r["late"] for r in reports(em)] == [0, 0, 0, 0]


RAM_WAITER = """
export async function main(ns) {
  ns.scp("quick.js", "n00dles");
  ns.exec("quick.js", "n00dles", 1);
  await ns.nextPortWrite(2);
  const ended = ns.readPort(2);
  let tries = 1;
  while (!ns.exec("quick.js", "n00dles", 1)) {
    tries += 1;
    await ns.sleep(0);
  }
  ns.tprint(JSON.stringify({freed: performance.now() - ended, tries}));
}
"""
QUICK = "export async function main(ns) { ns.writePort(2, performance.now()); }\n"


def test_ram_is_freed_after_the_game_ended_the_script():
    # quick.js (1.6 GB) fits once on the 2 GB n00dles; its RAM comes free 30 ms after its main returned. The waiter
    # polls with sleep(0): 4 ms apart once nested 5 deep.
    em = run({"waiter.js": RAM_WAITER, "quick.js": QUICK}, [{"script": "waiter.js"}])
    seen = reports(em)[0]
    assert 30 <= seen["freed"] <= 30 + 4 + 0.5
    assert seen["tries"] > 5


def test_none_frees_ram_when_main_returns():
    # The waiter hears of the end before main has returned (the port write is its last line): one try fails, and
    # the next, at the same moment, finds the RAM free.
    em = run({"waiter.js": RAM_WAITER, "quick.js": QUICK}, [{"script": "waiter.js"}], latency="none")
    assert reports(em)[0] == {"freed": 0, "tries": 2}


SLEEPER = """
export async function main(ns) {
  const start = performance.now();
  const laps = [];
  for (let i = 0; i < 8; i++) {
    const t = performance.now();
    await ns.sleep(0);
    laps.push(performance.now() - t);
  }
  ns.writePort(3, performance.now());
  await ns.weaken("n00dles");
  ns.tprint(JSON.stringify({laps}));
}
"""
READER = """
export async function main(ns) {
  await ns.nextPortWrite(3);
  ns.tprint(JSON.stringify({woke: performance.now() - ns.peek(3)}));
}
"""


def test_nested_timers_port_wakes_and_late_landings():
    em = run({"sleeper.js": SLEEPER, "reader.js": READER}, [{"script": "reader.js"}, {"script": "sleeper.js"}],
             hours=0.05)
    woke, laps = reports(em)
    # The fifth nested timer on is clamped to 4 ms (the script's start is no timer: its first sleep is depth 1).
    assert laps == {"laps": [0, 0, 0, 0, 4, 4, 4, 4]}
    assert woke == {"woke": 0.5}
    (job,) = em.jobs
    assert job.end - job.due == pytest.approx(12)


TICKER = """
export async function main(ns) {
  const wakes = [performance.now()];
  for (let i = 0; i < 60; i++) {
    await ns.sleep(50);
    wakes.push(performance.now());
  }
  ns.tprint(JSON.stringify({wakes}));
}
"""


def test_the_autosave_stops_the_page_and_overdue_timers_fire_after_it_in_order():
    # Saves at 523 ms and every second after, each two 300 ms blocks 77 ms apart; a script sleeping 50 ms at a
    # time wakes at the end of a block it was due in, and sleeps its next 50 ms from there.
    save = {"every_ms": 1000, "first_ms": 523, "blocks": 2, "apart_ms": 77, **const(300)}
    em = run({"ticker.js": TICKER}, [{"script": "ticker.js"}], hours=0.002, data={**EXACT, "autosave": save})
    wakes = reports(em)[0]["wakes"]
    blocks = [(first + offset, first + offset + 300) for first in range(523, 10000, 1000) for offset in (0, 377)]
    offset = PERF_ORIGIN_MS  # performance.now() at the emulator's time 0
    assert wakes[0] == offset + 50  # the script's first load on home
    expected = [wakes[0]]
    for _ in range(60):
        due = expected[-1] + 50
        for begin, end in blocks:
            if begin + offset <= due < end + offset:
                due = end + offset
        expected.append(due)
    assert wakes == pytest.approx(expected)
    assert any(b - a > 50 for a, b in zip(wakes, wakes[1:]))


def test_same_seed_same_run_and_another_seed_another():
    def landings(seed):
        em = Emulator(scenario(seed=seed, settings={"latency": "quiet"},
                               servers={"set": {"n00dles": {"hasAdminRights": True}}}),
                      {"w.js": "export async function main(ns) { await ns.sleep(ns.args[0]); await ns.hack('n00dles'); "
                               "ns.tprint(performance.now()); }\n"}, latency_data=MEASURED)
        em.run([{"script": "w.js", "args": [i]} for i in range(12)], 0.01)
        return [(job.start, job.end) for job in em.jobs], em.terminal

    assert landings(1) == landings(1)
    assert landings(1) != landings(2)


def test_the_shipped_latency_file_has_every_distribution():
    path = Path(__file__).resolve().parent.parent / "hwgw" / "sim" / "latency.json"
    data = json.loads(path.read_text())
    for profile in ("quiet", "loaded"):
        latency = Latency(profile, 1, data)
        assert latency.effects == set(EFFECTS)
