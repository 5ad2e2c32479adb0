"""A script killed while a loop it started without awaiting is asleep: the game ignores the loop's ScriptDeath
rejection, and so must the emulator, which used to stop with "the Node process stopped unexpectedly"."""

from simkit import reports, run

TICKER = """
export async function main(ns) {
  const tick = async () => {
    for (;;) {
      await ns.asleep(100);
      ns.writePort(9, "tick");
    }
  };
  tick();
  await ns.nextPortWrite(8);
}
"""
KILLER = """
export async function main(ns) {
  await ns.sleep(350);
  const ticks = [];
  while (ns.peek(9) !== "NULL PORT DATA") ticks.push(ns.readPort(9));
  ns.kill("ticker.js", "home");
  await ns.sleep(1000);
  ns.tprint(JSON.stringify({ ticks: ticks.length, after: ns.peek(9), running: ns.isRunning("ticker.js", "home") }));
}
"""


def test_killing_a_script_with_a_detached_loop_leaves_the_emulator_running():
    em = run({"ticker.js": TICKER, "killer.js": KILLER}, [{"script": "ticker.js"}, {"script": "killer.js"}],
             hours=0.01)
    assert em.errors == []
    assert reports(em) == [{"ticks": 3, "after": "NULL PORT DATA", "running": False}]
