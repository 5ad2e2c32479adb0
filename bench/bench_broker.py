"""Broker throughput in the emulator: messages per second of virtual time, for 1, 3 and 10 subscribers.

One publisher floods one topic; a message counts once every subscriber has handled it. Two kinds of subscriber:
- instant: the handler returns at once. The broker, its clients and the ports never wait on a timer, so delivery
  takes no virtual time at all (the publisher never even fills the sign-on port): the virtual rate is unbounded, and
  the wall rate (the built JavaScript in Node, plus the emulator) is the figure that says something;
- 1 ms: the handler sleeps 1 ms. A topic moves at the pace of its slowest subscriber, so the ideal is 1000 msg/s
  whatever the number of subscribers; the gap to it is what the broker's round trip costs in virtual time.
"""

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from brokerkit import build_tree, received, run  # noqa: E402

INSTANT = 3000
SLEEPING = 300

# Ends the run when every subscriber is done and prints the virtual time it took.
CLOCK = """
export async function main(ns) {
  const start = performance.now();
  for (let done = 0; done < ns.args[0]; ) {
    if (ns.readPort(77) === "NULL PORT DATA") await ns.nextPortWrite(77);
    else done++;
  }
  ns.tprint(`elapsed ${performance.now() - start}`);
  ns.killall("home", true);
}
"""


def measure(files, subscribers, count, work):
    entries = [{"script": "brokertest/logged_broker.js"}, {"script": "clock.js", "args": [subscribers]}]
    entries += [{"script": "brokertest/sub.js", "args": [f"name=s{i}", f"count={count}", f"work={work}"]}
                for i in range(subscribers)]
    entries.append({"script": "brokertest/pub.js", "args": [f"count={count}"]})
    started = time.perf_counter()
    em = run(files, entries, hours=1)
    wall = time.perf_counter() - started
    assert em.errors == [], em.errors
    assert received(em) == {f"s{i}": list(range(count)) for i in range(subscribers)}
    elapsed = [float(line.split(" ")[2]) for line in em.terminal if line.startswith("hwgw/clock.js: elapsed ")]
    return elapsed[0] / 1000, wall


def rate(count, seconds):
    return f"{count / seconds:.0f}" if seconds > 0 else "unbounded"


def main():
    files = build_tree(Path(tempfile.mkdtemp(prefix="bench-broker-")))
    files["hwgw/clock.js"] = CLOCK
    print("one publisher, one topic, 50-slot ports; msg/s = messages handled by every subscriber per second")
    print(f"{'handler':>8} {'subscribers':>11} {'messages':>8} {'virtual s':>9} {'msg/s virtual':>13} {'wall s':>7} "
          f"{'msg/s wall':>10}")
    for label, count, work in (("instant", INSTANT, 0), ("1 ms", SLEEPING, 1)):
        for subscribers in (1, 3, 10):
            virtual, wall = measure(files, subscribers, count, work)
            print(f"{label:>8} {subscribers:>11} {count:>8} {virtual:>9.3f} {rate(count, virtual):>13} {wall:>7.2f} "
                  f"{rate(count, wall):>10}")


if __name__ == "__main__":
    main()
