"""Subscribe and record what arrives: `name=A topic=T count=N work=MS every=K hang=K delay=MS`.

`work`: sleep after every `every`-th message (a slow subscriber); `hang`: stop acking after K messages; `delay`: sign
on late.
Reports `got NAME n,n,...` once it has `count` messages and writes its name to the done port.
"""

from hwgw.game.brokertest.options import options
from hwgw.game.core.bus import Bus
from hwgw.game.core.message import EVENT
from hwgw.ns import NS

DONE_PORT = 77
NEVER_PORT = 78


async def main(ns: NS) -> None:
    opts = options(ns.args, {"name": "sub", "topic": "Numbers", "count": 10, "work": 0, "every": 1, "hang": -1,
                              "delay": 0})
    got = []

    async def on_number(bus, message):
        if len(got) == opts["hang"]:
            await ns.nextPortWrite(NEVER_PORT)
        got.append(message["body"]["n"])
        if opts["work"] > 0 and len(got) % opts["every"] == 0:
            await ns.sleep(opts["work"])

    if opts["delay"] > 0:
        await ns.sleep(opts["delay"])
    bus = Bus(ns, opts["name"])
    await bus.subscribe(opts["topic"], on_number, EVENT)
    ns.tprint(f"ready {opts['name']}")
    while len(got) < opts["count"]:
        if await bus.poll() == 0:
            await bus.wait()
    ns.tprint(f"got {opts['name']} {','.join([str(n) for n in got])}")
    ns.tryWritePort(DONE_PORT, opts["name"])
