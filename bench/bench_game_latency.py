"""The real game's latencies on the browser's own clock, as distributions, for the emulator (hwgw/sim/latency.json).

Runs the game's web build headless through ../shared/realgame (its driver needs Chromium and npm), started with
`--no-clock` and the mid-game save, and measures with small Netscript probes that this script writes and pushes:

    exec_to_first_line      ns.exec returns -> the new script's first line of main (a 1.6 GB JavaScript worker)
    exec_first_on_host      the same for a script built with `hwgw build` from Python (it imports the Python
                            runtime), on a server bought just before, so nothing of it was ever loaded there;
                            exec_built_again is its second run on that server
    port_write_to_wake      tryWritePort -> the waiting script's `await nextPortWrite` resolving
    sleep_late_D            ns.sleep(D) lateness, D = 0, 5, 20, 200 ms, in a loop of sleeps
    exit_to_ram_free        end of a worker's main -> the first exec that needs its RAM succeeds (a 2 GB server that
                            fits one worker; the parent learns of the end from the worker's last port write and
                            retries at once, then after each microtask, then after each ns.sleep(0))
    hgw_late                hack/grow/weaken on n00dles ending later than getHackTime/getGrowTime/getWeakenTime said
                            just before the call
    exec_call...            how long the ns.exec call itself blocks its caller

Each is measured on a quiet page (the terminal, nothing else running) and with --load scripts running (each loops
`await ns.sleep(20 + random 180 ms)`, spread over the save's purchased servers). Times come from performance.now(),
which the page gives to 0.1 ms.

    python bench/bench_game_latency.py            # ~7 minutes; writes hwgw/sim/latency.json (keeping its
                                                  # "autosave" and "first_load_sizes", measured with the system)
    python bench/bench_game_latency.py --quick    # ~2 minutes; writes only with --out

The game runs in its own REALGAME_HOME (~/.cache/realgame-measure) on ports 8815, 12535 and 8816; options change
them, --realgame points at another version's driver. The machine's load average during each profile goes into the
JSON: the probes share two cores with whatever else runs.
"""

import argparse
import datetime
import json
import os
import random
import string
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from hwgw.build import build

ROOT = Path(__file__).resolve().parent.parent
REALGAME = ROOT.parent / "shared" / "realgame"
OUT = ROOT / "hwgw" / "sim" / "latency.json"
DIR = "bench-latency"
RESULT = f"{DIR}/result.txt"
QUANTILES = ("0", "0.5", "0.9", "0.99", "1")
TARGET = "n00dles"

SIZES = {
    "full": {"exec": 200, "port": 200, "sleep": {0: 200, 5: 200, 20: 200, 200: 200}, "exit": 200, "fresh": 60,
             "hgw_seconds": 45, "hgw_per_kind": 20},
    "quick": {"exec": 50, "port": 50, "sleep": {0: 50, 5: 50, 20: 50, 200: 25}, "exit": 50, "fresh": 20,
              "hgw_seconds": 20, "hgw_per_kind": 10},
}

# The built probe: Python, so it imports the runtime's modules; its first line reads the clock.
BUILT_SOURCE = '''"""Sends the time its main started, on the page's clock, to the port given as its argument."""

from typing import Any

from hwgw.ns import NS

performance: Any


async def main(ns: NS) -> None:
    started = performance.now()
    ns.writePort(int(ns.args[0]), str(started))
'''

# Every probe takes the result file and a token first, and writes {"token": ..., name: [samples], ...} there.
PROBES = {
    "child.js": """
export async function main(ns) {
  const started = performance.now();
  ns.writePort(ns.args[0], started);
}
""",
    "setup.js": """
export async function main(ns) {
  const [out, token, ...hosts] = ns.args;
  for (let i = 0; i < hosts.length; i += 2) {
    if (!ns.serverExists(hosts[i]) && !ns.purchaseServer(hosts[i], hosts[i + 1])) throw new Error(`cannot buy ${hosts[i]}`);
  }
  const load = ns.getPurchasedServers().filter((host) => !host.startsWith('bench-'));
  ns.write(out, JSON.stringify({ token, game: ns.ui.getGameInfo(), load }), 'w');
}
""",
    "exec.js": """
export async function main(ns) {
  const [out, token, n, port] = ns.args;
  ns.disableLog('ALL');
  ns.clearPort(port);
  const call = [], first = [];
  for (let i = 0; i <= n; i++) {
    await ns.sleep(10 + 30 * Math.random());
    const before = performance.now();
    const pid = ns.exec('bench-latency/child.js', 'home', 1, port, i);
    const after = performance.now();
    if (!pid) throw new Error('exec of bench-latency/child.js refused');
    await ns.nextPortWrite(port);
    const started = ns.readPort(port);
    if (i > 0) { call.push(after - before); first.push(started - after); }
  }
  ns.write(out, JSON.stringify({ token, exec_to_first_line: first, exec_call: call }), 'w');
}
""",
    "writer.js": """
export async function main(ns) {
  const [port, n] = ns.args;
  for (let i = 0; i < n; i++) {
    await ns.sleep(10 + 30 * Math.random());
    ns.tryWritePort(port, performance.now());
  }
}
""",
    "port.js": """
export async function main(ns) {
  const [out, token, n, port] = ns.args;
  ns.disableLog('ALL');
  ns.clearPort(port);
  const wake = [];
  if (!ns.exec('bench-latency/writer.js', 'home', 1, port, n)) throw new Error('exec of bench-latency/writer.js refused');
  for (let i = 0; i < n; i++) {
    await ns.nextPortWrite(port);
    const woke = performance.now();
    wake.push(woke - ns.readPort(port));
  }
  ns.write(out, JSON.stringify({ token, port_write_to_wake: wake }), 'w');
}
""",
    "sleep.js": """
export async function main(ns) {
  const [out, token, spec] = ns.args;
  ns.disableLog('ALL');
  const result = { token };
  for (const [delay, n] of spec.split(',').map((pair) => pair.split(':').map(Number))) {
    const late = result['sleep_late_' + delay] = [];
    for (let i = 0; i < n; i++) {
      const before = performance.now();
      await ns.sleep(delay);
      late.push(performance.now() - before - delay);
    }
  }
  ns.write(out, JSON.stringify(result), 'w');
}
""",
    "exit.js": """
export async function main(ns) {
  const [out, token, n, port, host] = ns.args;
  ns.disableLog('ALL');
  ns.clearPort(port);
  ns.scp('bench-latency/child.js', host, 'home');
  const free = [], retries = [];
  for (let i = 0; i < n; i++) {
    await ns.sleep(10 + 30 * Math.random());
    if (!ns.exec('bench-latency/child.js', host, 1, port, 'first')) throw new Error(`exec on ${host} refused`);
    await ns.nextPortWrite(port);
    const ended = ns.readPort(port);
    let tries = 0;
    while (!ns.exec('bench-latency/child.js', host, 1, port, 'second')) {
      tries++;
      if (tries < 100) await null;
      else await ns.sleep(0);
    }
    free.push(performance.now() - ended);
    retries.push(tries);
    await ns.nextPortWrite(port);
    ns.readPort(port);
  }
  ns.write(out, JSON.stringify({ token, exit_to_ram_free: free, exit_retries: retries }), 'w');
}
""",
    "fresh.js": """
export async function main(ns) {
  const [out, token, n, port, ...files] = ns.args;
  ns.disableLog('ALL');
  ns.clearPort(port);
  const result = { token, exec_first_on_host: [], exec_call_first_on_host: [], exec_built_again: [], exec_call_built_again: [] };
  for (let i = 0; i < n; i++) {
    const host = ns.purchaseServer(`bench-fresh-${token}-${i}`, 8);
    if (!host) throw new Error('cannot buy a server');
    ns.scp(files, host, 'home');
    for (const run of ['first_on_host', 'built_again']) {
      await ns.sleep(10 + 30 * Math.random());
      const before = performance.now();
      const pid = ns.exec(files[0], host, 1, port);
      const after = performance.now();
      if (!pid) throw new Error(`exec of ${files[0]} on ${host} refused`);
      await ns.nextPortWrite(port);
      result['exec_' + run].push(Number(ns.readPort(port)) - after);
      result['exec_call_' + run].push(after - before);
      while (ns.isRunning(pid)) await ns.sleep(1);
    }
    ns.deleteServer(host);
  }
  ns.write(out, JSON.stringify(result), 'w');
}
""",
    "hgw-worker.js": """
export async function main(ns) {
  const [kind, target, until, port] = ns.args;
  ns.disableLog('ALL');
  const late = [];
  await ns.sleep(1000 * Math.random());
  for (;;) {
    const announced = kind === 'hack' ? ns.getHackTime(target) : kind === 'grow' ? ns.getGrowTime(target) : ns.getWeakenTime(target);
    if (performance.now() + announced > until) break;
    const before = performance.now();
    if (kind === 'hack') await ns.hack(target);
    else if (kind === 'grow') await ns.grow(target);
    else await ns.weaken(target);
    late.push(performance.now() - before - announced);
  }
  while (!ns.tryWritePort(port, JSON.stringify({ kind, late }))) await ns.sleep(5);
}
""",
    "hgw.js": """
export async function main(ns) {
  const [out, token, host, target, seconds, perKind, port] = ns.args;
  ns.disableLog('ALL');
  ns.clearPort(port);
  ns.scp('bench-latency/hgw-worker.js', host, 'home');
  const until = performance.now() + seconds * 1000;
  const kinds = ['hack', 'grow', 'weaken'];
  for (const kind of kinds) {
    for (let i = 0; i < perKind; i++) {
      if (!ns.exec('bench-latency/hgw-worker.js', host, 1, kind, target, until, port, i)) throw new Error(`exec on ${host} refused`);
    }
  }
  const result = { token, hgw_late: [], hack_late: [], grow_late: [], weaken_late: [] };
  for (let reports = 0; reports < kinds.length * perKind;) {
    if (ns.peek(port) === 'NULL PORT DATA') await ns.nextPortWrite(port);
    const { kind, late } = JSON.parse(ns.readPort(port));
    result.hgw_late.push(...late);
    result[kind + '_late'].push(...late);
    reports++;
  }
  ns.write(out, JSON.stringify(result), 'w');
}
""",
    "load.js": """
export async function main(ns) {
  for (;;) await ns.sleep(20 + 180 * Math.random());
}
""",
    "load-start.js": """
export async function main(ns) {
  const [out, token, count, ...hosts] = ns.args;
  ns.disableLog('ALL');
  for (const host of hosts) ns.scp('bench-latency/load.js', host, 'home');
  let started = 0;
  for (let i = 0; i < count; i++) if (ns.exec('bench-latency/load.js', hosts[i % hosts.length], 1, i)) started++;
  ns.write(out, JSON.stringify({ token, started }), 'w');
}
""",
    "load-stop.js": """
export async function main(ns) {
  const [out, token, ...hosts] = ns.args;
  for (const host of hosts) ns.scriptKill('bench-latency/load.js', host);
  ns.write(out, JSON.stringify({ token }), 'w');
}
""",
}

# Names the emulator reads (LATENCY_FORMAT), then the extra figures, in table order.
NAMES = ("exec_to_first_line", "exec_first_on_host", "exec_built_again", "port_write_to_wake", "sleep_late_0",
         "sleep_late_5", "sleep_late_20", "sleep_late_200", "exit_to_ram_free", "hgw_late", "exec_call",
         "exec_call_first_on_host")


class ProbeError(RuntimeError):
    pass


class Game:
    def __init__(self, args):
        self.driver = Path(args.realgame) / "realgame.py"
        self.control = f"http://127.0.0.1:{args.ctl_port}/"
        self.env = dict(os.environ, REALGAME_HOME=os.path.expanduser(args.home), REALGAME_CTL=self.control)
        self.ports = ["--static-port", str(args.static_port), "--rfa-port", str(args.rfa_port),
                      "--ctl-port", str(args.ctl_port)]
        self.save = args.save
        self.alert_seq = 0

    def start(self):
        started = subprocess.run([sys.executable, str(self.driver), "start", "--restart", "--no-clock",
                                  "--save", self.save] + self.ports, env=self.env, capture_output=True, text=True)
        if started.returncode:
            sys.exit(f"bench_game_latency: the game did not start:\n{started.stdout}{started.stderr}")

    def stop(self):
        subprocess.run([sys.executable, str(self.driver), "stop"], env=self.env, capture_output=True)

    def op(self, name, **fields):
        request = urllib.request.Request(self.control, json.dumps(dict(op=name, **fields)).encode(),
                                         {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as answer:
            return json.loads(answer.read() or b"null")

    def push(self, files):
        for answer in self.op("push", files=[{"filename": name, "content": text, "server": "home"}
                                             for name, text in files.items()])["results"]:
            if answer.get("error"):
                raise ProbeError(f"push {answer['filename']}: {answer['error']}")

    def run(self, probe, *args, timeout=120.0, loads=None):
        """Run a probe from the terminal and wait for its result; sample the machine's load average meanwhile."""
        token = "t" + "".join(random.choices(string.ascii_lowercase + string.digits, k=8))
        words = " ".join(str(a) for a in (RESULT, token) + args)
        self.op("cmd", command=f"run {DIR}/{probe} {words}", settleMs=100)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            time.sleep(0.5)
            if loads is not None:
                loads.append(os.getloadavg()[0])
            alerts = self.op("alerts", since=self.alert_seq)
            if alerts:
                self.alert_seq = alerts[-1]["seq"]
            errors = [alert["text"] for alert in alerts if DIR in alert["text"]]  # not the game's story messages
            if errors:
                raise ProbeError(f"{probe}: {errors[0]}")
            text = self.op("rfa", method="getFile", params={"filename": RESULT, "server": "home"}).get("result")
            if text and json.loads(text)["token"] == token:
                return json.loads(text)
        raise ProbeError(f"{probe}: no result after {timeout:.0f} s")


def built_probe():
    """hwgw build of BUILT_SOURCE: {in-game path: JavaScript}, the script first."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / DIR
        src.mkdir()
        (src / "built.py").write_text(BUILT_SOURCE)
        files = build(src, Path(tmp) / "out").files
    script = f"{DIR}/built.js"
    return {script: files[script], **{name: text for name, text in sorted(files.items()) if name != script}}


def measure(game, size, built, loads):
    probes = [("exec.js", size["exec"], 901), ("port.js", size["port"], 902),
              ("sleep.js", ",".join(f"{delay}:{n}" for delay, n in size["sleep"].items())),
              ("exit.js", size["exit"], 903, "bench-slot"), ("fresh.js", size["fresh"], 904, *built),
              ("hgw.js", "bench-hgw", TARGET, size["hgw_seconds"], size["hgw_per_kind"], 905)]
    samples = {}
    for probe, *args in probes:
        began = time.monotonic()
        samples.update(game.run(probe, *args, timeout=300, loads=loads))
        print(f"  {probe} {time.monotonic() - began:.0f} s", flush=True)
    del samples["token"]
    return samples


def quantile(ordered, q):
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def distribution(values):
    ordered = sorted(values)
    return {"n": len(ordered), "quantiles": {q: round(quantile(ordered, float(q)), 3) for q in QUANTILES}}


def cell(d):
    q = d["quantiles"]
    return f"{q['0.5']:.1f} / {q['0.9']:.1f} / {q['0.99']:.1f} / {q['1']:.1f} ({d['n']})"


def table(profiles):
    lines = ["| ms | quiet: median / p90 / p99 / max (n) | loaded: median / p90 / p99 / max (n) |", "|---|---|---|"]
    for name in NAMES:
        row = [cell(profiles[p][name]) if name in profiles.get(p, {}) else "" for p in ("quiet", "loaded")]
        lines.append(f"| {name} | {row[0]} | {row[1]} |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples (~2 minutes); writes only with --out")
    parser.add_argument("--out", help=f"the JSON to write (default {OUT.relative_to(ROOT)}; none with --quick)")
    parser.add_argument("--load", type=int, default=500, help="scripts running during the loaded profile")
    parser.add_argument("--realgame", default=str(REALGAME), help="folder of realgame.py (another game version)")
    parser.add_argument("--save", default=str(REALGAME / "saves" / "midgame-hack500.json.gz"))
    parser.add_argument("--home", default="~/.cache/realgame-measure", help="REALGAME_HOME of this game")
    parser.add_argument("--static-port", type=int, default=8815)
    parser.add_argument("--rfa-port", type=int, default=12535)
    parser.add_argument("--ctl-port", type=int, default=8816)
    parser.add_argument("--keep", action="store_true", help="leave the game running")
    args = parser.parse_args()
    out = Path(args.out) if args.out else None if args.quick else OUT
    size = SIZES["quick" if args.quick else "full"]

    began = time.monotonic()
    built = built_probe()
    game = Game(args)
    game.start()
    profiles, loadavg = {}, {}
    try:
        game.push({f"{DIR}/{name}": text.lstrip() for name, text in PROBES.items()} | built)
        setup = game.run("setup.js", "bench-slot", 2, "bench-hgw", 256)
        print(f"game {setup['game']}; started in {time.monotonic() - began:.0f} s", flush=True)
        for profile in ("quiet", "loaded"):
            if profile == "loaded":
                started = game.run("load-start.js", args.load, *setup["load"])["started"]
                print(f"loaded: {started} scripts running", flush=True)
                time.sleep(5)
            loads = []
            samples = measure(game, size, built, loads)
            retries = samples.pop("exit_retries")
            profiles[profile] = {name: distribution(values) for name, values in samples.items() if values}
            loadavg[profile] = {"mean": round(sum(loads) / len(loads), 2), "max": round(max(loads), 2)}
            print(f"{profile}: done at {time.monotonic() - began:.0f} s; load average {loadavg[profile]}; exec retries "
                  f"before the RAM was free: {min(retries)}..{max(retries)}; hgw_late median by kind: " + ", ".join(
                      f"{kind} {profiles[profile][kind + '_late']['quantiles']['0.5']:.1f}"
                      for kind in ("hack", "grow", "weaken") if kind + "_late" in profiles[profile]), flush=True)
        game.run("load-stop.js", *setup["load"])
    finally:
        if not args.keep:
            game.stop()
    info = setup["game"]
    platform = "web" if info["platform"] == "Browser" else info["platform"].lower()
    chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.split()
    figures = {
        "game": f"bitburner {platform} {info['version']} ({info['commit']})",
        "measured": datetime.date.today().isoformat(),
        "machine": f"{os.cpu_count()} cores, headless Chromium {chromium[1] if len(chromium) > 1 else '?'}",
        "how": "bench/bench_game_latency.py" + (" --quick" if args.quick else ""),
        "loaded_with": f"{args.load} scripts each looping ns.sleep(20 + random 180 ms) on the purchased servers",
        "loadavg": loadavg,
        "notes": {"exec_call": "how long ns.exec blocks its caller (and the page); a built script's first exec on a "
                               "server does its RAM calculation and module linking inside the call "
                               "(exec_call_first_on_host), so exec_first_on_host counts only what follows it"},
        "profiles": profiles,
    }
    for profile, load in loadavg.items():
        if load["mean"] > os.cpu_count():
            print(f"warning: the machine's load average was {load['mean']} during the {profile} profile "
                  f"({os.cpu_count()} cores): other work competed with the game", flush=True)
    print(table(profiles))
    print(f"bench took {time.monotonic() - began:.0f} s")
    if out:
        kept = json.loads(out.read_text()) if out.is_file() else {}
        for key in ("autosave", "first_load_sizes"):  # measured elsewhere (bench_game_stalls.py, the real-game suite)
            if key in kept:
                figures[key] = kept[key]
        if "first_load_sizes" in figures:
            figures["first_load_sizes"]["probe_bytes"] = sum(len(text) for text in built.values())
        out.write_text(json.dumps(figures, indent=1) + "\n")
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
