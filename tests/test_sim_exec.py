"""exec/run/kill/ps and RAM accounting per host, with RAM priced by hwgw.mem as the game prices it."""

import pytest

from simkit import reports, run

# A hack worker: 1.6 GB base + 0.1 GB hack = 1.70 GB per thread.
WORKER = """
export async function main(ns) {
  if (ns.args[0] === "hack") await ns.hack("n00dles");
  await ns.sleep(1000);
}
"""

LAUNCHER = """
export async function main(ns) {
  const seen = {};
  seen.missing = ns.exec("w.js", "joesguns", 1, "x");
  ns.scp("w.js", "joesguns");
  seen.ram = ns.getScriptRam("w.js", "joesguns");
  seen.fits = ns.exec("w.js", "joesguns", 9, "x");
  seen.used = ns.getServerUsedRam("joesguns");
  seen.tooMuch = ns.exec("w.js", "joesguns", 1, "y");
  seen.running = ns.isRunning(seen.fits);
  seen.byName = ns.isRunning("w.js", "joesguns", "x");
  seen.ps = ns.ps("joesguns");
  seen.noRoot = ns.exec("w.js", "foodnstuff", 1);
  try {
    ns.exec("w.js", "joesguns", { threads: 1, ramOverride: 0.705 });
  } catch (error) {
    seen.lowOverride = error.message;
  }
  await ns.sleep(1001);
  seen.usedAfterExit = ns.getServerUsedRam("joesguns");
  seen.runningAfterExit = ns.isRunning(seen.fits);
  seen.again = ns.exec("w.js", "joesguns", 9, "x");
  seen.killed = ns.kill(seen.again);
  seen.usedAfterKill = ns.getServerUsedRam("joesguns");
  seen.killMissing = ns.kill(99999);
  seen.override = ns.exec("w.js", "joesguns", { threads: 2, ramOverride: 2.555 });
  seen.usedWithOverride = ns.getServerUsedRam("joesguns");
  for (const bad of [0, 1.5]) {
    try {
      ns.exec("w.js", "joesguns", bad);
    } catch (error) {
      seen[`threads ${bad}`] = error.message;
    }
  }
  try {
    ns.exec("w.js", "nowhere");
  } catch (error) {
    seen.unknownHost = error.message;
  }
  ns.tprint(JSON.stringify(seen));
}
"""


@pytest.fixture(scope="module")
def launched():
    servers = {"joesguns": {"hasAdminRights": True, "maxRam": 16}, "foodnstuff": {"hasAdminRights": False}}
    em = run({"w.js": WORKER, "launch.js": LAUNCHER}, [{"script": "launch.js"}], hours=0.01,
             servers={"set": servers})
    assert em.errors == []
    return em, reports(em)[0]


def test_exec_needs_the_file_on_the_target(launched):
    em, seen = launched
    assert seen["missing"] == 0


def test_exec_charges_ram_times_threads_and_refuses_what_does_not_fit(launched):
    em, seen = launched
    assert seen["ram"] == 1.7
    assert seen["fits"] > 0
    assert seen["used"] == pytest.approx(9 * 1.7)
    assert seen["tooMuch"] == 0  # 15.3 + 1.7 > 16


def test_ram_override_is_rounded_half_up_and_floored_at_base_cost(launched):
    em, seen = launched
    assert seen["override"] > 0
    assert seen["usedWithOverride"] == pytest.approx(2 * 2.56)
    assert "ramOverride must be at least 1.6" in seen["lowOverride"]


def test_exec_refuses_hosts_without_root(launched):
    em, seen = launched
    assert seen["noRoot"] == 0


def test_running_scripts_are_listed(launched):
    em, seen = launched
    assert seen["running"] is True and seen["byName"] is True
    assert seen["ps"] == [{"filename": "w.js", "threads": 9, "args": ["x"], "pid": seen["fits"], "temporary": False}]


def test_ram_is_released_when_a_script_exits_or_is_killed(launched):
    em, seen = launched
    assert seen["usedAfterExit"] == 0
    assert seen["runningAfterExit"] is False
    assert seen["again"] > 0
    assert seen["killed"] is True
    assert seen["usedAfterKill"] == 0
    assert seen["killMissing"] is False


def test_bad_thread_counts_and_hosts_throw(launched):
    em, seen = launched
    assert "threads should be a positive integer" in seen["threads 0"]
    assert "threads should be a positive integer" in seen["threads 1.5"]
    assert "Invalid hostname: 'nowhere'" in seen["unknownHost"]


def test_exec_failures_are_counted(launched):
    em, seen = launched
    assert em.exec_failures == 3  # missing file, no room, no root
