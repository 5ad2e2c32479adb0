"""The virtual clock, script lifecycle, modules and the errors scripts get."""

import pytest

from hwgw.sim import link
from simkit import reports, run

CLOCK = """
export async function main(ns) {
  const t0 = [Date.now(), performance.now(), new Date().getTime()];
  await ns.sleep(1000.7);
  const t1 = [Date.now(), performance.now(), new Date().getTime()];
  await new Promise((resolve) => setTimeout(resolve, 250));
  const t2 = performance.now();
  ns.tprint(JSON.stringify({ t0, t1, t2 }));
}
"""


def test_scripts_see_the_virtual_clock_and_sleep_cuts_to_whole_ms():
    em = run({"c.js": CLOCK}, [{"script": "c.js"}], hours=0.01, settings={"start_date_ms": 1_000_000_000_000})
    seen = reports(em)[0]
    assert seen["t0"][0] == seen["t0"][2] == 1_000_000_000_000
    assert seen["t1"][0] == 1_000_000_001_000
    assert seen["t1"][1] - seen["t0"][1] == 1000
    assert seen["t2"] - seen["t1"][1] == 250


ERRORS = """
export async function main(ns) {
  const seen = {};
  for (const [name, call] of [
    ["unknown", () => ns.fooBar()],
    ["notEmulated", () => ns.singularity.connect("home")],
    ["removedInV3", () => ns.getPurchasedServers()],
    ["tooManyThreads", () => ns.hack("n00dles", { threads: 3 })],
    ["badMsec", () => ns.hack("n00dles", { additionalMsec: -1 })],
    ["noRoot", () => ns.hack("foodnstuff")],
  ]) {
    try {
      await call();
      seen[name] = "no error";
    } catch (error) {
      seen[name] = error.message;
    }
  }
  const pending = ns.weaken("n00dles");
  try {
    ns.getHackingLevel();
  } catch (error) {
    seen.concurrent = error.message;
  }
  await pending;
  seen.afterAwait = ns.getHackingLevel();
  ns.tprint(JSON.stringify(seen));
}
"""


def test_errors_name_the_function_and_the_fix():
    em = run({"e.js": ERRORS}, [{"script": "e.js", "threads": 2}], hours=0.05,
             servers={"set": {"n00dles": {"hasAdminRights": True}, "foodnstuff": {"hasAdminRights": False}}})
    assert em.errors == []
    seen = reports(em)[0]
    assert seen["unknown"] == "ns.fooBar: not a Netscript function in game v3.0"
    assert seen["notEmulated"] == "ns.singularity.connect: exists in the game but hwgw sim does not emulate it"
    assert seen["removedInV3"] == "ns.getPurchasedServers: not a Netscript function in game v3.0"
    assert "Too many threads requested by hack. Requested: 3. Has: 2." in seen["tooManyThreads"]
    assert "additionalMsec" in seen["badMsec"]
    assert "root access" in seen["noRoot"]
    assert "concurrent calls" in seen["concurrent"] and "weaken" in seen["concurrent"]
    assert seen["afterAwait"] == 500


def test_game_version_2_8_1_has_the_old_purchased_server_function():
    script = """
    export async function main(ns) { ns.tprint(JSON.stringify(ns.getPurchasedServers())); }
    """
    em = run({"s.js": script}, [{"script": "s.js"}], hours=0.001, settings={"game_version": "2.8.1"},
             purchased={"count": 2, "ram": 8})
    assert reports(em) == [["pserv-0", "pserv-1"]]


def test_a_name_the_static_calculator_missed_kills_the_script():
    script = """
    export async function main(ns) {
      const name = ["gr", "ow"].join("");
      await ns[name]("n00dles");
      ns.tprint("not reached");
    }
    """
    em = run({"d.js": script}, [{"script": "d.js"}], hours=0.01, servers={"set": {"n00dles": {"hasAdminRights": True}}})
    assert em.terminal == []
    assert em.jobs == []
    (error,) = em.errors
    assert error["error"].startswith("Dynamic RAM usage calculated to be greater than RAM allocation: grow")
    assert em.servers["home"].ramUsed == 0


def test_a_thrown_error_is_recorded_with_the_script_log():
    script = """
    export async function main(ns) {
      ns.print("step ", 1);
      await ns.sleep(5);
      throw new Error("broken on purpose");
    }
    """
    em = run({"t.js": script}, [{"script": "t.js"}], hours=0.001)
    (error,) = em.errors
    assert "broken on purpose" in error["error"]
    assert error["log"] == ["step 1"]
    assert error["time_s"] == 0.005


KILLER = """
export async function main(ns) {
  const pid = ns.exec("victim.js", "home", 1);
  await ns.sleep(100);
  ns.tprint(JSON.stringify({ killed: ns.kill(pid), port: ns.readPort(9) }));
}
"""
VICTIM = """
export async function main(ns) {
  ns.atExit(() => ns.writePort(9, "cleaned up"));
  await ns.hack("n00dles");
  ns.tprint("victim survived");
}
"""


def test_a_killed_script_never_lands_its_hack_and_runs_its_exit_handler():
    em = run({"killer.js": KILLER, "victim.js": VICTIM}, [{"script": "killer.js"}], hours=0.05,
             servers={"set": {"n00dles": {"hasAdminRights": True}}})
    assert reports(em) == [{"killed": True, "port": "cleaned up"}]
    (job,) = em.jobs
    assert job.end is None
    assert em.servers["home"].ramUsed == 0


SHARED = """
import { bump } from "/lib/counter.js";
export async function main(ns) {
  await ns.sleep(ns.args[0]);
  ns.tprint(JSON.stringify(bump()));
}
"""
COUNTER = """
let count = 0;
export function bump() { return ++count; }
"""


def test_instances_of_one_module_share_it_and_imports_resolve_on_the_running_host():
    em = run({"s.js": SHARED, "lib/counter.js": COUNTER},
             [{"script": "s.js", "args": [1]}, {"script": "s.js", "args": [2]}], hours=0.001)
    assert reports(em) == [1, 2]


def test_runs_repeat_exactly_for_a_seed():
    script = """
    export async function main(ns) {
      for (let i = 0; i < 20; i++) {
        await ns.hack("n00dles", { additionalMsec: Math.floor(Math.random() * 1000) });
      }
    }
    """

    def record(seed):
        em = run({"r.js": script}, [{"script": "r.js"}], hours=0.2, seed=seed,
                 servers={"set": {"n00dles": {"hasAdminRights": True}}})
        return [(job.start, job.end, job.result) for job in em.jobs]

    first = record(7)
    assert len(first) == 20
    assert record(7) == first
    assert record(8) != first


def test_ns_behaves_like_a_plain_object():
    script = """
    export async function main(ns) {
      ns.tprint(JSON.stringify({
        hasHack: "hack" in ns,
        ownHack: ns.hasOwnProperty("hack"),
        ownKwargs: ns.hasOwnProperty("__kwargtrans__"),
        formulasKeys: Object.keys(ns.formulas),
        cloudNames: typeof ns.cloud.getServerNames,
        asString: Object.prototype.toString.call(ns),
      }));
    }
    """
    seen = reports(run({"o.js": script}, [{"script": "o.js"}], hours=0.001))[0]
    assert seen == {"hasHack": True, "ownHack": True, "ownKwargs": False, "formulasKeys": ["hacking"],
                    "cloudNames": "function", "asString": "[object Object]"}


def test_timer_lateness_delays_landings_but_keeps_their_order():
    workers = """
    export async function main(ns) { await ns.weaken("n00dles", { additionalMsec: ns.args[0] }); }
    """
    em = run({"w.js": workers}, [{"script": "w.js", "args": [delay]} for delay in (0, 1, 2, 3)], hours=0.01,
             settings={"timer_lateness_ms": [0, 10]}, servers={"set": {"n00dles": {"hasAdminRights": True}}})
    due = [job.due for job in em.jobs]
    ends = [job.end for job in em.jobs]
    assert due == sorted(due) and due[1] - due[0] == 1
    assert all(end >= d for end, d in zip(ends, due)) and ends != due
    assert sorted(em.jobs, key=lambda job: job.landing) == em.jobs


def test_a_script_that_never_yields_is_reported(monkeypatch):
    monkeypatch.setattr(link, "STUCK_AFTER_S", 1)
    script = "export async function main(ns) { for (;;) {} }"
    with pytest.raises(link.HarnessError, match="looping without ever awaiting"):
        run({"loop.js": script}, [{"script": "loop.js"}], hours=0.001)
