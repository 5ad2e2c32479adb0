"""The network and rooting: scan, the port programs and nuke."""

from simkit import reports, run

ROOT = """
export async function main(ns) {
  const seen = { home: ns.scan("home"), rootedBefore: ns.hasRootAccess("phantasy") };
  try {
    ns.nuke("phantasy");
  } catch (error) {
    seen.tooFewPorts = error.message;
  }
  seen.brute = ns.brutessh("phantasy");
  try {
    ns.ftpcrack("phantasy");
  } catch (error) {
    seen.noProgram = error.message;
  }
  seen.ports = ns.getServer("phantasy").openPortCount;
  seen.nuked = ns.nuke("phantasy");
  seen.rootedAfter = ns.hasRootAccess("phantasy");
  const seenHosts = new Set(["home"]);
  const queue = ["home"];
  while (queue.length) for (const next of ns.scan(queue.shift())) if (!seenHosts.has(next)) {
    seenHosts.add(next);
    queue.push(next);
  }
  seen.reachable = seenHosts.size;
  ns.tprint(JSON.stringify(seen));
}
"""


def test_port_programs_nuke_and_scan():
    em = run({"r.js": ROOT}, [{"script": "r.js"}], hours=0.001, player={"programs": ["NUKE.exe", "BruteSSH.exe"]},
             purchased={"count": 2, "ram": 8}, servers={"set": {"phantasy": {"numOpenPortsRequired": 1}}})
    seen = reports(em)[0]
    layer_one = {"n00dles", "foodnstuff", "sigma-cosmetics", "joesguns", "hong-fang-tea", "harakiri-sushi",
                 "iron-gym"}
    assert set(seen["home"]) == layer_one | {"pserv-0", "pserv-1"}
    assert seen["rootedBefore"] is False
    assert seen["tooFewPorts"] == "nuke: Not enough ports opened to use NUKE.exe virus."
    assert seen["brute"] is True
    assert seen["noProgram"] == "ftpcrack: You do not have the FTPCrack.exe program!"
    assert seen["ports"] == 1
    assert seen["nuked"] is True and seen["rootedAfter"] is True
    # Every server but w0r1d_d43m0n (no network layer) hangs off home: 69 world servers, home and 2 purchased.
    assert seen["reachable"] == 69 + 1 + 2
