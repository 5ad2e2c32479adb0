"""Ports as the reference describes them: capacity, eviction, empty reads, copies, handles and waiting."""

from simkit import reports, run

PORTS = """
export async function main(ns) {
  const seen = {};
  seen.emptyRead = ns.readPort(1);
  seen.emptyPeek = ns.peek(1);
  seen.empty = ns.isEmptyPort(1);
  seen.writes = [];
  for (let i = 1; i <= 5; i++) seen.writes.push(ns.writePort(1, i));
  seen.full = ns.isFullPort(1);
  seen.tryWhenFull = ns.tryWritePort(1, 99);
  seen.peek = ns.peek(1);
  seen.reads = [ns.readPort(1), ns.readPort(1), ns.readPort(1), ns.readPort(1)];
  seen.tryWithRoom = ns.tryWritePort(1, "x");
  ns.clearPort(1);
  seen.afterClear = ns.readPort(1);

  const original = { list: [1, 2], map: new Map([["a", 1]]) };
  ns.writePort(2, original);
  original.list.push(3);
  const copy = ns.readPort(2);
  seen.copyList = copy.list;
  seen.copyIsMap = copy.map instanceof Map && copy.map.get("a") === 1;
  seen.copyIsNew = copy !== original;
  try {
    ns.writePort(2, { f() {} });
    seen.functionWrite = "accepted";
  } catch (error) {
    seen.functionWrite = error.name;
  }

  const handle = ns.getPortHandle(3);
  handle.write("h1");
  seen.handle = [handle.peek(), handle.full(), handle.empty(), handle.read(), handle.empty(), handle.read()];
  try {
    ns.writePort(0, "x");
  } catch (error) {
    seen.badPort = error.message;
  }
  ns.tprint(JSON.stringify(seen));
}
"""


def test_port_semantics_with_capacity_setting():
    em = run({"p.js": PORTS}, [{"script": "p.js"}], hours=0.001, settings={"port_capacity": 4})
    assert em.errors == []
    seen = reports(em)[0]
    assert seen["emptyRead"] == seen["emptyPeek"] == "NULL PORT DATA"
    assert seen["empty"] is True
    # Capacity 4: the fifth write evicts and returns the oldest; earlier writes return null.
    assert seen["writes"] == [None, None, None, None, 1]
    assert seen["full"] is True
    assert seen["tryWhenFull"] is False
    assert seen["peek"] == 2
    assert seen["reads"] == [2, 3, 4, 5]
    assert seen["tryWithRoom"] is True
    assert seen["afterClear"] == "NULL PORT DATA"
    assert seen["copyList"] == [1, 2]
    assert seen["copyIsMap"] is True and seen["copyIsNew"] is True
    assert seen["functionWrite"] == "DataCloneError"
    assert seen["handle"] == ["h1", False, False, "h1", True, "NULL PORT DATA"]
    assert "invalid port 0" in seen["badPort"]


def test_default_capacity_is_fifty():
    script = """
    export async function main(ns) {
      const out = [];
      for (let i = 0; i < 51; i++) out.push(ns.writePort(7, i));
      ns.tprint(JSON.stringify({ evicted: out.filter((x) => x !== null), first: ns.peek(7) }));
    }
    """
    seen = reports(run({"p.js": script}, [{"script": "p.js"}], hours=0.001))[0]
    assert seen == {"evicted": [0], "first": 1}


WAITER = """
export async function main(ns) {
  const before = performance.now();
  await ns.nextPortWrite(5);
  ns.tprint(JSON.stringify({ waited: performance.now() - before, data: ns.readPort(5) }));
}
"""
WRITER = """
export async function main(ns) {
  await ns.sleep(2500);
  ns.getPortHandle(5).write({ from: ns.pid });
}
"""


def test_next_port_write_wakes_a_waiting_script():
    em = run({"wait.js": WAITER, "write.js": WRITER},
             [{"script": "wait.js"}, {"script": "write.js"}], hours=0.01)
    assert reports(em) == [{"waited": 2500, "data": {"from": 2}}]
