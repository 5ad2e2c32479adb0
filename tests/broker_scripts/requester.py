"""The decorators, requesting side: sends BatchRequested and listens to BatchStarted."""

from hwgw.game.core.bus import Bus, command_requester, event_listener
from hwgw.ns import NS

TARGETS = ["n00dles", "foodnstuff", "joesguns"]
started = []


@command_requester("BatchRequested")
async def request_batch(bus, target):
    await bus.send("BatchRequested", {"target": target})


@event_listener("BatchStarted")
async def on_started(bus, message):
    started.append(message["body"]["target"])


async def main(ns: NS) -> None:
    bus = Bus(ns, "requester")
    await bus.setup(request_batch, on_started)
    for target in TARGETS:
        await request_batch(bus, target)
    while len(started) < len(TARGETS):
        if await bus.poll() == 0:
            await bus.wait()
    ns.tprint(f"started {','.join(started)}")
    ns.tryWritePort(77, "requester")
