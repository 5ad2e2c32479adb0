"""The broker's client: publish events, send commands, and run the handlers of the topics a script listens to.

    @event_listener("InitializationInfoRetrieved")
    async def on_init(bus, message): ...

    async def main(ns):
        bus = Bus(ns, "orchestrator")
        await bus.setup()      # signs on and wires the decorated handlers
        await bus.serve()      # or `await bus.poll()` once per turn of the script's own loop

A handler gets the bus and a private copy of the message, and may return an awaitable. The client acks a message
after its handlers return, so a script that dies in a handler never acks it and the broker drops it later.

Every write goes through `tryWritePort`; when the sign-on port is full the client sleeps `retry_ms` and tries again,
so nothing is evicted. Waiting costs nothing: the broker writes a wake-up into the client's inbox port whenever a
topic it subscribes to shows a new message, and the client sleeps on that one port.

The game shares one instance of this module between all scripts of a server that import it, so the registry of
decorated handlers holds the handlers of all those scripts. `setup()` wires all of them; a script that shares its
server with other bus scripts names its own: `await bus.setup(on_init, request_batch)`.
"""

from typing import Any

from hwgw.game.core.message import (
    ACK,
    COMMAND,
    DROPPED,
    EVENT,
    NEW_PUBLISHER,
    NEW_SUBSCRIBER,
    NO_DATA,
    REGISTERED,
    SIGN_OFF,
    SIGN_ON_PORT,
    WAKE,
    from_port,
    inbox_port,
    make_message,
)
from hwgw.ns import NS

# Decorated handlers, in the order their modules defined them: {"role", "topic", "produces", "handler"}.
# Typed in a comment: the build does not export a module-level name that carries an annotation.
HANDLERS = []  # type: list[dict[str, Any]]


class BusError(Exception):
    pass


def _decorator(role, topic, produces):
    def mark(handler):
        HANDLERS.append({"role": role, "topic": topic, "produces": produces, "handler": handler})
        return handler

    return mark


def event_listener(topic):
    """Run the handler for every event on `topic`."""
    return _decorator("event_listener", topic, None)


def command_requester(topic):
    """Mark the script as a sender of the command `topic`."""
    return _decorator("command_requester", topic, None)


def command_listener(listens, produces):
    """Run the handler for every command on `listens`; it may publish the event `produces`."""
    return _decorator("command_listener", listens, produces)


class Bus:
    def __init__(self, ns: NS, name, port=SIGN_ON_PORT, retry_ms=5):
        self.ns = ns
        self.name = name
        self.port = port
        self.inbox = inbox_port(ns.pid)
        self.retry_ms = retry_ms
        self.sent = 0
        # topic -> {"port", "kind", "handlers", "last": id of the last message handled}
        self.topics: dict[str, dict[str, Any]] = {}
        self.awaiting: list[str] = []  # ids of registrations whose reply setup waits for
        self.replies: dict[str, dict[str, Any]] = {}  # registration id -> the broker's reply
        self.dropped: list[str] = []  # topics the broker dropped this script from
        self.signed_on = False

    # setup

    async def setup(self, *handlers):
        """Sign on, then wire the handlers (all decorated ones if none are named) in the seed's order."""
        entries = HANDLERS
        if len(handlers) > 0:
            entries = [entry for entry in HANDLERS if entry["handler"] in handlers]
            if len(entries) == 0:
                raise BusError(f"{self.name}: setup got no decorated handler; decorate them with event_listener, "
                               "command_requester or command_listener")
        for entry in entries:
            if entry["role"] == "event_listener":
                await self.subscribe(entry["topic"], entry["handler"], EVENT)
        for entry in entries:
            if entry["role"] == "command_requester":
                await self.register(entry["topic"], COMMAND)
        for entry in entries:
            if entry["role"] == "command_listener":
                await self.subscribe(entry["topic"], entry["handler"], COMMAND)
                await self.register(entry["produces"], EVENT)

    async def subscribe(self, topic, handler, kind):
        """NewSubscriber: the broker answers with the topic's port."""
        if topic in self.topics:
            self.topics[topic]["handlers"].append(handler)
            return
        reply = await self.request(NEW_SUBSCRIBER, topic, kind)
        self.topics[topic] = {"port": reply["port"], "kind": kind, "handlers": [handler], "last": None}

    async def register(self, topic, kind):
        """NewPublisher: makes the topic known to the broker (and, with the single-writer rule, claims it)."""
        await self.request(NEW_PUBLISHER, topic, kind)

    async def request(self, what, topic, kind):
        if not self.signed_on:
            self.signed_on = True
            self.ns.atExit(lambda: self.sign_off(), "hwgw.bus")
        request_id = await self.post(what, COMMAND, {"name": self.name, "topic": topic, "kind": kind})
        self.awaiting.append(request_id)
        while request_id not in self.replies:
            self.collect()
            if request_id not in self.replies and self.ns.peek(self.inbox) == NO_DATA:
                await self.ns.nextPortWrite(self.inbox)
        self.awaiting.remove(request_id)
        reply = self.replies.pop(request_id)
        if reply["error"] is not None:
            raise BusError(f"{self.name}: the broker refused {what} '{topic}': {reply['error']}")
        return reply

    def sign_off(self):
        """From atExit: leave every topic now rather than after the broker's ack timeout (lost if the port is full)."""
        self.ns.tryWritePort(self.port, make_message(f"{self.ns.pid}.exit", self.name, SIGN_OFF, COMMAND,
                                                     self.ns.pid, {"name": self.name}))

    # sending

    async def publish(self, topic, body):
        """Publish an event; returns its id."""
        return await self.post(topic, EVENT, body)

    async def send(self, topic, body):
        """Send a command; returns its id."""
        return await self.post(topic, COMMAND, body)

    async def post(self, topic, kind, body):
        self.sent += 1
        message = make_message(f"{self.ns.pid}.{self.sent}", self.name, topic, kind, self.ns.pid, body)
        while not self.ns.tryWritePort(self.port, message):
            await self.ns.sleep(self.retry_ms)
        return message["id"]

    # receiving

    def collect(self):
        """Empty the inbox: keep awaited replies, note drops; wake-ups need nothing more."""
        raw = self.ns.readPort(self.inbox)
        while raw != NO_DATA:
            if raw != WAKE:
                notice = from_port(raw)
                topic = notice["headers"]["topic"]
                body = notice["body"]
                if topic == REGISTERED and body["request"] in self.awaiting:
                    self.replies[body["request"]] = body
                elif topic == REGISTERED and body["error"] is not None:
                    self.ns.print(f"ERROR {self.name}: the broker refused '{body['topic']}': {body['error']}")
                elif topic == DROPPED and body["topic"] in self.topics and body["topic"] not in self.dropped:
                    self.dropped.append(body["topic"])
            raw = self.ns.readPort(self.inbox)

    async def poll(self):
        """Handle the new head of every subscribed topic once; returns how many messages were handled."""
        self.collect()
        while len(self.dropped) > 0:
            await self.rejoin(self.dropped.pop(0))
        handled = 0
        for topic in list(self.topics.keys()):
            subscription = self.topics[topic]
            raw = self.ns.peek(subscription["port"])
            if raw == NO_DATA or raw["id"] == subscription["last"]:
                continue
            message = from_port(raw)
            for handler in subscription["handlers"]:
                result = handler(self, message)
                if result is not None:
                    await result
            subscription["last"] = message["id"]
            await self.post(topic, ACK, message["id"])
            handled += 1
        return handled

    async def serve(self):
        """Handle messages forever, sleeping on the inbox port while there is nothing to do."""
        while True:
            if await self.poll() == 0:
                await self.wait()

    async def wait(self):
        """Sleep until the broker writes to the inbox (it does when a subscribed topic shows a new message)."""
        if self.ns.peek(self.inbox) == NO_DATA:
            await self.ns.nextPortWrite(self.inbox)

    async def rejoin(self, topic):
        subscription = self.topics[topic]
        self.ns.print(f"WARNING {self.name}: the broker dropped this script from '{topic}' for acking late; "
                      "signing on again (messages in between are missed)")
        await self.post(NEW_SUBSCRIBER, COMMAND, {"name": self.name, "topic": topic, "kind": subscription["kind"]})
        raw = self.ns.peek(subscription["port"])
        if raw != NO_DATA and raw["id"] == subscription["last"]:
            await self.post(topic, ACK, subscription["last"])
