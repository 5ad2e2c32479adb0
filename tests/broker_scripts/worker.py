"""The decorators, listening side: answers each BatchRequested with a BatchStarted event."""

from hwgw.game.core.bus import Bus, BusError, command_listener
from hwgw.ns import NS


@command_listener(listens="BatchRequested", produces="BatchStarted")
async def on_request(bus, message):
    await bus.publish("BatchStarted", {"target": message["body"]["target"]})


async def main(ns: NS) -> None:
    bus = Bus(ns, str(ns.args[0]) if len(ns.args) > 0 else "worker")
    try:
        await bus.setup(on_request)
    except BusError as error:
        ns.tprint(f"refused {error}")
        return
    await bus.serve()
