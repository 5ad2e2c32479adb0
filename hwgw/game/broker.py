"""The message broker: every message goes through it, on ports only, so it costs nothing beyond the 1.6 GB base.

Clients write everything to the sign-on port. The broker copies each command or event to its topic's port, where the
subscribers `peek` it; each subscriber acks it back to the sign-on port, and once every current subscriber has acked
the head of a topic the broker `read`s it off, which shows the next one. Per topic the subscribers therefore see
every message in order, and a topic moves at the pace of its slowest subscriber.

Nothing is written where the game could evict it: a topic whose port is full keeps the rest, in order, on overflow
ports taken from the same range, and the broker never blocks on a full port. Messages published to a topic that has
no subscriber wait there for the first one, so a command sent before its listener signs on is not lost.

A subscriber that leaves signs off (the client does so from `ns.atExit`); one that dies without signing off, or
stops acking, is dropped once the head of a topic has waited `ack_timeout` ms for it, and the others go on. A
dropped subscriber that acks later is told so and signs on again.

Restart: the broker rebuilds itself. Its state (topics, their ports, subscribers, publishers, acks of each head,
overflow ports, undelivered replies) is saved on the port after the sign-on port at the end of every step, and
messages live in ports, not in the broker. A step runs without awaiting anything, so a kill lands between steps
and the saved state always matches the ports; a new broker reads it, re-reads each topic port to learn which
messages it holds, and carries on. Only a game reload, which empties every port, starts it clean.

The seed asks whether there should be a global topic that sees every message. There is none: each topic's port
moves at the pace of its slowest subscriber, so a catch-all subscriber would slow every topic to its own pace, and
a monitor can subscribe to the topics it cares about.

Usage: run hwgw/broker.js [--port 1] [--ack-timeout 10000] [--single-writer]
`--single-writer` enforces one publisher per event topic and one subscriber per command topic.
"""

from typing import Any

from hwgw.game.core.message import (
    ACK,
    BROKER,
    COMMAND,
    DROPPED,
    EVENT,
    NEW_PUBLISHER,
    NEW_SUBSCRIBER,
    NO_DATA,
    REGISTERED,
    SIGN_OFF,
    SIGN_ON_PORT,
    TICK,
    TOPIC_PORTS,
    WAKE,
    from_port,
    inbox_port,
    is_message,
    is_object,
    make_message,
    state_port,
)
from hwgw.ns import NS

DEFAULT_ACK_TIMEOUT = 10_000


class Broker:
    def __init__(self, ns: NS, port=SIGN_ON_PORT, ack_timeout=DEFAULT_ACK_TIMEOUT, single_writer=False):
        self.ns = ns
        self.port = port
        self.state_port = state_port(port)
        self.ack_timeout = ack_timeout
        self.tick_ms = max(1, ack_timeout / 4)
        self.single_writer = single_writer
        self.clock = 0  # ms, advanced by keep_time
        # Saved after every step that changes it: plain data only.
        self.state: dict[str, Any] = {"next_port": TOPIC_PORTS, "free": [], "topics": {}, "outbox": []}
        self.queued: dict[str, list[str]] = {}  # topic -> ids in the topic's port, oldest first
        self.since: dict[str, float] = {}  # topic -> clock when its head last started waiting for acks
        self.notices = 0
        self.dirty = False

    def log(self, text):
        self.ns.print(text)

    # start and persistence

    def restore(self):
        """Rebuild from the saved state, if any; True when there was one."""
        saved = self.ns.peek(self.state_port)
        if saved == NO_DATA:
            self.log(f"broker: listening on port {self.port}, no saved state")
            return False
        self.state = from_port(saved)
        topics = self.state["topics"]
        held = 0
        for name in topics.keys():
            self.queued[name] = self.reread(topics[name])
            self.since[name] = self.clock
            held += len(self.queued[name])
        self.log(f"broker: listening on port {self.port}, rebuilt {len(topics)} topics holding {held} messages")
        return True

    def reread(self, topic):
        """Read a topic's port empty and write it back, to learn the ids it holds; a shrunk port overflows first."""
        held = []
        raw = self.ns.readPort(topic["port"])
        while raw != NO_DATA:
            held.append(raw)
            raw = self.ns.readPort(topic["port"])
        ids = []
        overflows: list[int] = []
        for raw in held:
            if len(overflows) == 0 and self.ns.tryWritePort(topic["port"], raw):
                ids.append(raw["id"])
                continue
            if len(overflows) == 0 or not self.ns.tryWritePort(overflows[len(overflows) - 1], raw):
                overflows.append(self.allocate())
                self.ns.tryWritePort(overflows[len(overflows) - 1], raw)
        topic["spill"] = overflows + topic["spill"]
        return ids

    def persist(self):
        self.ns.clearPort(self.state_port)
        self.ns.tryWritePort(self.state_port, self.state)

    def allocate(self):
        self.dirty = True
        if len(self.state["free"]) > 0:
            return self.state["free"].pop()
        port = self.state["next_port"]
        self.state["next_port"] = port + 1
        return port

    # the loop

    async def serve(self):
        while True:
            self.step()
            if self.ns.peek(self.port) == NO_DATA:
                await self.ns.nextPortWrite(self.port)

    async def keep_time(self):
        """The broker's clock, counted in its own `asleep` ticks (Netscript has no clock at 0 GB that built Python
        reaches), so a timeout fires up to a tick late. While a head waits for acks each tick also wakes serve()."""
        while True:
            await self.ns.asleep(self.tick_ms)
            self.clock += self.tick_ms
            if self.waiting() and self.ns.peek(self.port) == NO_DATA:
                self.ns.tryWritePort(self.port, TICK)

    def waiting(self):
        topics = self.state["topics"]
        for name in topics.keys():
            if len(self.queued[name]) > 0 and len(topics[name]["subscribers"]) > 0:
                return True
        return False

    def step(self):
        """Handle everything on the sign-on port, drop late subscribers, save; return how many entries were read."""
        count = 0
        raw = self.ns.readPort(self.port)
        while raw != NO_DATA:
            count += 1
            if raw != TICK:
                self.handle(raw)
            raw = self.ns.readPort(self.port)
        self.expire()
        self.flush()
        if self.dirty:
            self.persist()
            self.dirty = False
        return count

    def handle(self, raw):
        """One entry of the sign-on port, read in place: only registrations are copied."""
        if not is_message(raw):
            self.log(f"ERROR broker: not a message, dropped: {str(raw)[:200]}")
            return
        headers = raw["headers"]
        topic = headers["topic"]
        kind = headers["type"]
        sender = headers["pid"] if "pid" in headers else None
        if kind == ACK:
            self.ack(topic, sender, raw["body"])
        elif topic == NEW_SUBSCRIBER or topic == NEW_PUBLISHER:
            self.sign_on(from_port(raw))
        elif topic == SIGN_OFF:
            self.sign_off(str(sender))
        elif kind != COMMAND and kind != EVENT:
            self.log(f"ERROR broker: message {raw['id']} has type '{kind}'; use command, event or ack; dropped")
        elif topic not in self.state["topics"]:
            source = raw["source"] if "source" in raw else None
            self.log(f"ERROR broker: unknown topic '{topic}' in message {raw['id']} from {source}; dropped")
        else:
            self.accept(topic, raw, sender)

    # registrations

    def topic(self, name, kind):
        topics = self.state["topics"]
        if name not in topics:
            topics[name] = {"port": self.allocate(), "kind": kind, "subscribers": {}, "publishers": {}, "spill": [],
                            "acked": []}
            self.queued[name] = []
            self.since[name] = self.clock
            self.log(f"broker: topic '{name}' ({kind}s) on port {topics[name]['port']}")
        return topics[name]

    def sign_on(self, message):
        headers = message["headers"]
        body = message["body"]
        role = "subscriber" if headers["topic"] == NEW_SUBSCRIBER else "publisher"
        pid = headers.get("pid")
        if type(pid) is not int or not is_object(body) or type(body.get("topic")) is not str \
                or body.get("kind") not in (COMMAND, EVENT):
            self.log(f"ERROR broker: {headers['topic']} {message['id']} needs a pid header and a body "
                     f"{{name, topic, kind: command|event}}; dropped")
            return
        name = str(body.get("name", message.get("source")))
        topic = self.topic(body["topic"], body["kind"])
        error = self.refusal(topic, body["topic"], body["kind"], role, str(pid))
        if error is not None:
            self.log(f"ERROR broker: {name} (pid {pid}) cannot be a {role} of '{body['topic']}': {error}")
        elif role == "subscriber":
            subscribers = topic["subscribers"]
            if str(pid) not in subscribers:
                subscribers[str(pid)] = {"name": name, "inbox": inbox_port(pid)}
                self.since[body["topic"]] = self.clock
                self.log(f"broker: {name} (pid {pid}) subscribed to '{body['topic']}'")
                self.dirty = True
        elif str(pid) not in topic["publishers"]:
            topic["publishers"][str(pid)] = name
            self.log(f"broker: {name} (pid {pid}) publishes to '{body['topic']}'")
            self.dirty = True
        self.notify(pid, REGISTERED, {"request": message["id"], "topic": body["topic"], "port": topic["port"],
                                      "error": error})
        if error is None and role == "subscriber" and len(self.queued[body["topic"]]) > 0:
            self.wake_up(inbox_port(pid))

    def refusal(self, topic, name, kind, role, pid):
        if topic["kind"] != kind:
            return f"the topic carries {topic['kind']}s, not {kind}s"
        if not self.single_writer:
            return None
        holders = topic["subscribers"] if role == "subscriber" and kind == COMMAND else None
        if role == "publisher" and kind == EVENT:
            holders = topic["publishers"]
        if holders is None:
            return None
        for other in holders.keys():
            if other != pid:
                return f"single-writer rule: '{name}' already has one (pid {other})"
        return None

    def sign_off(self, pid):
        topics = self.state["topics"]
        for name in topics.keys():
            topic = topics[name]
            if pid in topic["subscribers"]:
                self.log(f"broker: {topic['subscribers'][pid]['name']} (pid {pid}) left '{name}'")
                self.remove(name, pid)
            if pid in topic["publishers"]:
                topic["publishers"].pop(pid)
                self.dirty = True

    def remove(self, name, pid):
        topic = self.state["topics"][name]
        topic["subscribers"].pop(pid)
        if pid in topic["acked"]:
            topic["acked"].remove(pid)
        self.dirty = True
        self.advance(name)

    # delivery

    def accept(self, name, raw, sender):
        topic = self.state["topics"][name]
        if self.single_writer and topic["kind"] == EVENT and str(sender) not in topic["publishers"]:
            self.log(f"ERROR broker: pid {sender} is not the publisher of '{name}' (single-writer rule); "
                     f"message {raw['id']} dropped")
            return
        spill = topic["spill"]
        if len(spill) == 0 and self.ns.tryWritePort(topic["port"], raw):
            self.queued[name].append(raw["id"])
            if len(self.queued[name]) == 1:
                self.since[name] = self.clock
                self.wake(name)
            return
        if len(spill) == 0 or not self.ns.tryWritePort(spill[len(spill) - 1], raw):
            spill.append(self.allocate())
            self.ns.tryWritePort(spill[len(spill) - 1], raw)

    def ack(self, name, sender, message_id):
        topics = self.state["topics"]
        if name not in topics:
            self.log(f"ERROR broker: ack of {message_id} for unknown topic '{name}' from pid {sender}; dropped")
            return
        topic = topics[name]
        pid = str(sender)
        if pid not in topic["subscribers"]:
            if type(sender) is int:
                self.notify(sender, DROPPED, {"topic": name})
            return
        queued = self.queued[name]
        if len(queued) == 0 or queued[0] != message_id or pid in topic["acked"]:
            return
        topic["acked"].append(pid)
        self.dirty = True
        self.advance(name)

    def advance(self, name):
        """Pop the head of a topic once every current subscriber has acked it."""
        topic = self.state["topics"][name]
        queued = self.queued[name]
        subscribers = topic["subscribers"]
        if len(queued) == 0 or len(subscribers) == 0:
            return
        for pid in subscribers.keys():
            if pid not in topic["acked"]:
                return
        self.ns.readPort(topic["port"])
        queued.pop(0)
        topic["acked"] = []
        self.dirty = True
        self.refill(name)
        if len(queued) > 0:
            self.since[name] = self.clock
            self.wake(name)

    def refill(self, name):
        """Move messages from the overflow ports into the topic's port while it has room."""
        topic = self.state["topics"][name]
        spill = topic["spill"]
        while len(spill) > 0:
            raw = self.ns.peek(spill[0])
            if raw == NO_DATA:
                self.state["free"].append(spill.pop(0))
                continue
            if not self.ns.tryWritePort(topic["port"], raw):
                return
            self.ns.readPort(spill[0])
            self.queued[name].append(raw["id"])

    def expire(self):
        topics = self.state["topics"]
        for name in topics.keys():
            topic = topics[name]
            if len(self.queued[name]) == 0 or self.clock - self.since[name] < self.ack_timeout:
                continue
            late = [pid for pid in topic["subscribers"].keys() if pid not in topic["acked"]]
            for pid in late:
                self.log(f"WARNING broker: dropped {topic['subscribers'][pid]['name']} (pid {pid}) from '{name}': "
                         f"no ack of {self.queued[name][0]} within {self.ack_timeout} ms")
                self.remove(name, pid)

    # the clients' inboxes

    def wake(self, name):
        subscribers = self.state["topics"][name]["subscribers"]
        for pid in subscribers.keys():
            self.wake_up(subscribers[pid]["inbox"])

    def wake_up(self, inbox):
        """One wake-up is enough: anything waiting in an inbox makes its client look at its topics."""
        if self.ns.peek(inbox) == NO_DATA:
            self.ns.tryWritePort(inbox, WAKE)

    def notify(self, pid, topic, body):
        self.notices += 1
        notice = make_message(f"{BROKER}.{self.notices}", BROKER, topic, EVENT, self.ns.pid, body)
        self.state["outbox"].append([inbox_port(pid), notice])
        self.dirty = True

    def flush(self):
        """Write the replies; any whose inbox is full waits for the next step."""
        waiting = []
        for entry in self.state["outbox"]:
            if not self.ns.tryWritePort(entry[0], entry[1]):
                waiting.append(entry)
        if len(waiting) != len(self.state["outbox"]):
            self.state["outbox"] = waiting
            self.dirty = True


def parse_options(args):
    """`--port N`, `--ack-timeout MS`, `--single-writer` -> (port, ack timeout, single writer)."""
    port = SIGN_ON_PORT
    ack_timeout = DEFAULT_ACK_TIMEOUT
    single_writer = False
    i = 0
    while i < len(args):
        flag = args[i]
        if flag == "--single-writer":
            single_writer = True
            i += 1
            continue
        if flag not in ("--port", "--ack-timeout"):
            raise ValueError(f"broker: unknown argument '{flag}'; use --port N, --ack-timeout MS, --single-writer")
        if i + 1 >= len(args) or not isinstance(args[i + 1], (int, float)) or args[i + 1] <= 0:
            raise ValueError(f"broker: {flag} needs a positive number after it")
        if flag == "--port":
            port = int(args[i + 1])
        else:
            ack_timeout = args[i + 1]
        i += 2
    return port, ack_timeout, single_writer


async def main(ns: NS) -> None:
    ns.disableLog("ALL")
    port, ack_timeout, single_writer = parse_options(ns.args)
    broker = Broker(ns, port, ack_timeout, single_writer)
    broker.restore()
    # Not awaited on purpose: in JavaScript calling an async function runs it up to its first await, so the clock
    # now runs beside serve(). Its loop awaits only ns.asleep, which the game exempts from its rule against
    # concurrent Netscript calls. `_ =` tells type checkers the coroutine is dropped knowingly.
    _ = broker.keep_time()
    await broker.serve()
