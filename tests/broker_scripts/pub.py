"""Publish numbered events: `topic=T count=N register=1 pause=MS more=M` (pause, then M more after the first N)."""

from hwgw.game.brokertest.options import options
from hwgw.game.core.bus import Bus
from hwgw.game.core.message import EVENT
from hwgw.ns import NS


async def main(ns: NS) -> None:
    opts = options(ns.args, {"topic": "Numbers", "count": 10, "register": 1, "pause": 0, "more": 0, "name": "pub"})
    bus = Bus(ns, opts["name"])
    if opts["register"] == 1:
        await bus.register(opts["topic"], EVENT)
    for n in range(opts["count"]):
        await bus.publish(opts["topic"], {"n": n})
    ns.tprint(f"published {opts['name']} {opts['count']}")
    if opts["more"] > 0:
        await ns.sleep(opts["pause"])
        for n in range(opts["count"], opts["count"] + opts["more"]):
            await bus.publish(opts["topic"], {"n": n})
        ns.tprint(f"published {opts['name']} {opts['more']} more")
