"""The broker and its client under CPython, on a fake ns with the game's port semantics (tests/broker_fake.py).

The raw-protocol tests write messages to the sign-on port by hand and ack by hand, so the broker is checked apart from
the client; the client tests run the broker's own loop as an asyncio task.
"""

import asyncio

import pytest
from broker_fake import NO_DATA, FakeNS, Ports, settle

from hwgw.game.broker import Broker, parse_options
from hwgw.game.core.bus import Bus, BusError, command_listener, command_requester, event_listener
from hwgw.game.core.message import (
    ACK,
    COMMAND,
    EVENT,
    NEW_PUBLISHER,
    NEW_SUBSCRIBER,
    SIGN_OFF,
    TOPIC_PORTS,
    from_port,
    inbox_port,
    make_message,
)

SIGN_ON = 1


class Client:
    """A script speaking the protocol by hand: one pid, its inbox, what it has seen."""

    def __init__(self, ports, pid, name):
        self.ns = FakeNS(ports, pid)
        self.pid = pid
        self.name = name
        self.sent = 0

    def write(self, topic, kind, body):
        self.sent += 1
        message = make_message(f"{self.pid}.{self.sent}", self.name, topic, kind, self.pid, body)
        assert self.ns.tryWritePort(SIGN_ON, message), "the sign-on port is full: step the broker first"
        return message["id"]

    def sign_on(self, role, topic, kind=EVENT):
        return self.write(role, COMMAND, {"name": self.name, "topic": topic, "kind": kind})

    def inbox(self):
        """Everything in the inbox except wake-ups, oldest first."""
        found = []
        while True:
            raw = self.ns.readPort(inbox_port(self.pid))
            if raw == NO_DATA:
                return found
            if raw != "Wake":
                found.append(from_port(raw))

    def head(self, port):
        raw = self.ns.peek(port)
        return None if raw == NO_DATA else from_port(raw)

    def ack(self, topic, message_id):
        self.write(topic, ACK, message_id)


def start(capacity=50, **options):
    ports = Ports(capacity)
    broker = Broker(FakeNS(ports, 100), **options)
    return ports, broker


def subscribe(broker, client, topic, kind=EVENT):
    client.sign_on(NEW_SUBSCRIBER, topic, kind)
    broker.step()
    replies = [n["body"] for n in client.inbox() if n["headers"]["topic"] == "Registered"]
    assert replies[-1]["error"] is None
    return replies[-1]["port"]


def publish(broker, client, topic, numbers):
    """Write events numbered `numbers`, stepping the broker whenever the sign-on port fills."""
    for n in numbers:
        if client.ns.ports.queue(SIGN_ON).__len__() == client.ns.ports.capacity:
            broker.step()
        client.write(topic, EVENT, {"n": n})
    broker.step()


def drain(broker, topic, port, subscribers, rounds=None):
    """Each subscriber handles the head and acks it, then the broker steps, until the topic is empty (or for
    `rounds` rounds); return what each one saw."""
    seen = {s.name: [] for s in subscribers}
    for _ in range(rounds or 10_000):
        head = subscribers[0].head(port)
        if head is None:
            return seen
        for s in subscribers:
            if head["id"] not in [m["id"] for m in seen[s.name][-1:]]:
                seen[s.name].append(head)
                s.ack(topic, head["id"])
        broker.step()
    assert rounds, "the topic never emptied"
    return seen


def numbers(messages):
    return [m["body"]["n"] for m in messages]


def test_a_topic_past_its_port_capacity_overflows_and_keeps_order():
    ports, broker = start()
    pub, sub = Client(ports, 8, "pub"), Client(ports, 7, "sub")
    pub.sign_on(NEW_PUBLISHER, "Numbers")
    port = subscribe(broker, sub, "Numbers")
    assert port == TOPIC_PORTS
    publish(broker, pub, "Numbers", range(130))
    # 50 in the topic's port, 80 on two overflow ports (50 + 30), nothing evicted.
    topic = broker.state["topics"]["Numbers"]
    assert len(ports.queue(port)) == 50
    assert [len(ports.queue(p)) for p in topic["spill"]] == [50, 30]
    seen = drain(broker, "Numbers", port, [sub])
    assert numbers(seen["sub"]) == list(range(130))
    assert ports.evictions == 0
    # The overflow ports are free again, and the next overflow reuses one of them.
    assert topic["spill"] == [] and sorted(broker.state["free"]) == [TOPIC_PORTS + 1, TOPIC_PORTS + 2]
    publish(broker, pub, "Numbers", range(51))
    assert topic["spill"] == [TOPIC_PORTS + 2]


def test_every_current_subscriber_must_ack_before_the_head_is_read_off():
    ports, broker = start()
    pub, a, b = Client(ports, 8, "pub"), Client(ports, 2, "a"), Client(ports, 3, "b")
    pub.sign_on(NEW_PUBLISHER, "Numbers")
    port = subscribe(broker, a, "Numbers")
    subscribe(broker, b, "Numbers")
    publish(broker, pub, "Numbers", range(3))
    first = a.head(port)
    a.ack("Numbers", first["id"])
    a.ack("Numbers", first["id"])  # a duplicate ack counts once
    broker.step()
    assert a.head(port)["id"] == first["id"]
    b.ack("Numbers", first["id"])
    broker.step()
    assert numbers([a.head(port)]) == [1]


def test_unknown_topic_is_logged_and_the_broker_goes_on():
    ports, broker = start()
    pub, sub = Client(ports, 8, "pub"), Client(ports, 7, "sub")
    port = subscribe(broker, sub, "Numbers")
    lost = pub.write("Nowhere", EVENT, {"n": -1})
    pub.write("Numbers", EVENT, {"n": 0})
    broker.step()
    assert f"ERROR broker: unknown topic 'Nowhere' in message {lost} from pub; dropped" in broker.ns.logs
    assert numbers([sub.head(port)]) == [0]
    pub.ns.tryWritePort(SIGN_ON, 42)
    broker.step()
    assert broker.ns.logs[-1] == "ERROR broker: not a message, dropped: 42"


def test_messages_wait_for_the_first_subscriber():
    ports, broker = start()
    pub, late = Client(ports, 8, "pub"), Client(ports, 9, "late")
    pub.sign_on(NEW_PUBLISHER, "Numbers")
    publish(broker, pub, "Numbers", range(70))
    port = subscribe(broker, late, "Numbers")
    assert numbers(drain(broker, "Numbers", port, [late])["late"]) == list(range(70))


def test_a_silent_subscriber_is_dropped_after_the_ack_timeout():
    ports, broker = start(ack_timeout=1000)
    pub, a, silent = Client(ports, 8, "pub"), Client(ports, 2, "a"), Client(ports, 3, "silent")
    pub.sign_on(NEW_PUBLISHER, "Numbers")
    port = subscribe(broker, a, "Numbers")
    subscribe(broker, silent, "Numbers")
    publish(broker, pub, "Numbers", range(5))
    a.ack("Numbers", a.head(port)["id"])
    broker.clock += 999
    broker.step()
    assert numbers([a.head(port)]) == [0]
    broker.clock += 1
    broker.step()
    assert broker.ns.logs[-1].startswith("WARNING broker: dropped silent (pid 3) from 'Numbers': no ack of 8.")
    assert list(broker.state["topics"]["Numbers"]["subscribers"]) == ["2"]
    assert numbers(drain(broker, "Numbers", port, [a])["a"]) == [1, 2, 3, 4]


def test_sign_off_releases_the_head_at_once():
    ports, broker = start()
    pub, a, leaving = Client(ports, 8, "pub"), Client(ports, 2, "a"), Client(ports, 3, "leaving")
    pub.sign_on(NEW_PUBLISHER, "Numbers")
    port = subscribe(broker, a, "Numbers")
    subscribe(broker, leaving, "Numbers")
    publish(broker, pub, "Numbers", range(2))
    a.ack("Numbers", a.head(port)["id"])
    leaving.write(SIGN_OFF, COMMAND, {"name": "leaving"})
    broker.step()
    assert numbers([a.head(port)]) == [1]
    assert "broker: leaving (pid 3) left 'Numbers'" in broker.ns.logs


def test_a_restarted_broker_rebuilds_topics_overflow_and_acks():
    ports, broker = start()
    pub, a, b = Client(ports, 8, "pub"), Client(ports, 2, "a"), Client(ports, 3, "b")
    pub.sign_on(NEW_PUBLISHER, "Numbers")
    port = subscribe(broker, a, "Numbers")
    subscribe(broker, b, "Numbers")
    publish(broker, pub, "Numbers", range(80))
    seen = drain(broker, "Numbers", port, [a, b], rounds=10)
    head = a.head(port)
    a.ack("Numbers", head["id"])
    broker.step()
    for name in ("a", "b"):
        seen[name].append(head)
    # The broker dies here; b acks while it is gone, and more events arrive.
    b.ack("Numbers", head["id"])
    pub.write("Numbers", EVENT, {"n": 80})
    reborn = Broker(FakeNS(ports, 101))
    assert reborn.restore() is True
    assert reborn.ns.logs == ["broker: listening on port 1, rebuilt 1 topics holding 50 messages"]
    reborn.step()
    rest = drain(reborn, "Numbers", port, [a, b])
    for name in ("a", "b"):
        assert numbers(seen[name] + rest[name]) == list(range(81))
    assert ports.evictions == 0


def test_a_restart_with_smaller_ports_keeps_the_order():
    ports, broker = start()
    pub, a = Client(ports, 8, "pub"), Client(ports, 2, "a")
    pub.sign_on(NEW_PUBLISHER, "Numbers")
    port = subscribe(broker, a, "Numbers")
    publish(broker, pub, "Numbers", range(60))
    ports.capacity = 20  # the player moved the port capacity slider
    reborn = Broker(FakeNS(ports, 101))
    reborn.restore()
    assert len(ports.queue(port)) == 20
    assert numbers(drain(reborn, "Numbers", port, [a])["a"]) == list(range(60))


def test_single_writer_rule():
    ports, broker = start(single_writer=True)
    first, second = Client(ports, 2, "first"), Client(ports, 3, "second")
    first.sign_on(NEW_PUBLISHER, "Event")
    second.sign_on(NEW_PUBLISHER, "Event")
    first.sign_on(NEW_SUBSCRIBER, "Command", COMMAND)
    second.sign_on(NEW_SUBSCRIBER, "Command", COMMAND)
    stray = second.write("Event", EVENT, {"n": 1})
    broker.step()
    assert [n["body"]["error"] for n in first.inbox()] == [None, None]
    errors = [n["body"]["error"] for n in second.inbox()]
    assert errors == ["single-writer rule: 'Event' already has one (pid 2)",
                      "single-writer rule: 'Command' already has one (pid 2)"]
    assert broker.ns.logs[-1] == ("ERROR broker: pid 3 is not the publisher of 'Event' (single-writer rule); "
                                  f"message {stray} dropped")


def test_without_the_rule_topics_take_many_writers_and_consumers():
    ports, broker = start()
    first, second = Client(ports, 2, "first"), Client(ports, 3, "second")
    for client in (first, second):
        client.sign_on(NEW_PUBLISHER, "Event")
        client.sign_on(NEW_SUBSCRIBER, "Command", COMMAND)
    broker.step()
    assert [n["body"]["error"] for n in first.inbox() + second.inbox()] == [None] * 4
    second.sign_on(NEW_SUBSCRIBER, "Event", COMMAND)
    broker.step()
    assert second.inbox()[0]["body"]["error"] == "the topic carries events, not commands"


def test_parse_options():
    assert parse_options([]) == (1, 10_000, False)
    assert parse_options(["--port", 5, "--ack-timeout", 250, "--single-writer"]) == (5, 250, True)
    with pytest.raises(ValueError, match="unknown argument '--prot'"):
        parse_options(["--prot", 5])
    with pytest.raises(ValueError, match="--port needs a positive number"):
        parse_options(["--port"])


# The client, against the broker's own loop.


@event_listener("Seen")
async def on_seen(bus, message):
    bus.ns.print(f"seen {message['body']['n']}")


@command_requester("Order")
async def order(bus, n):
    await bus.send("Order", {"n": n})


@command_listener(listens="Order", produces="Seen")
async def on_order(bus, message):
    await bus.publish("Seen", {"n": message["body"]["n"] * 10})


def run(coroutine):
    return asyncio.run(coroutine)


def test_setup_wires_handlers_in_the_seeds_order():
    async def scenario():
        ports = Ports()
        broker = Broker(FakeNS(ports, 100))
        serving = asyncio.create_task(broker.serve())
        bus = Bus(FakeNS(ports, 5), "both")
        await bus.setup(on_order, order, on_seen)
        serving.cancel()
        return broker.ns.logs

    logs = [line for line in run(scenario()) if "(pid 5)" in line]
    # Event listeners subscribe, then requesters register, then command listeners subscribe and register.
    assert logs == ["broker: both (pid 5) subscribed to 'Seen'", "broker: both (pid 5) publishes to 'Order'",
                    "broker: both (pid 5) subscribed to 'Order'", "broker: both (pid 5) publishes to 'Seen'"]


def test_commands_and_events_round_trip_through_the_client():
    async def scenario():
        ports = Ports()
        broker = Broker(FakeNS(ports, 100))
        tasks = [asyncio.create_task(broker.serve())]
        worker = Bus(FakeNS(ports, 6), "worker")
        await worker.setup(on_order)
        tasks.append(asyncio.create_task(worker.serve()))
        requester = Bus(FakeNS(ports, 7), "requester")
        await requester.setup(order, on_seen)
        for n in range(1, 61):
            await order(requester, n)
        while len(requester.ns.logs) < 60:
            if await requester.poll() == 0:
                await asyncio.wait_for(requester.wait(), 1)
        for task in tasks:
            task.cancel()
        return requester.ns.logs, ports

    logs, ports = run(scenario())
    assert logs == [f"seen {n * 10}" for n in range(1, 61)]
    assert ports.evictions == 0


def test_setup_refuses_undecorated_handlers_and_refused_registrations():
    async def plain(bus, message):
        pass

    async def scenario():
        ports = Ports()
        broker = Broker(FakeNS(ports, 100), single_writer=True)
        serving = asyncio.create_task(broker.serve())
        await Bus(FakeNS(ports, 5), "first").setup(on_order)
        with pytest.raises(BusError, match="setup got no decorated handler"):
            await Bus(FakeNS(ports, 6), "x").setup(plain)
        with pytest.raises(BusError, match="second: the broker refused NewSubscriber 'Order': single-writer"):
            await Bus(FakeNS(ports, 7), "second").setup(on_order)
        serving.cancel()

    run(scenario())


def test_a_full_sign_on_port_makes_the_client_wait_not_evict():
    async def scenario():
        ports = Ports()
        filler = FakeNS(ports, 3)
        for n in range(50):
            assert filler.tryWritePort(SIGN_ON, f"entry {n}")
        bus = Bus(FakeNS(ports, 5), "pub")
        posting = asyncio.create_task(bus.publish("Numbers", {"n": 1}))
        await settle()
        waited = not posting.done() and bus.ns.slept > 0
        first = filler.readPort(SIGN_ON)
        await settle()
        return waited, posting.done(), first, ports

    waited, done, first, ports = run(scenario())
    assert (waited, done, first) == (True, True, "entry 0")
    assert len(ports.queue(SIGN_ON)) == 50 and ports.evictions == 0


def test_a_dropped_client_signs_on_again_when_it_next_acks():
    async def scenario():
        ports = Ports()
        broker = Broker(FakeNS(ports, 100), ack_timeout=1000)
        pub, fast = Client(ports, 8, "pub"), Client(ports, 2, "fast")
        pub.sign_on(NEW_PUBLISHER, "Numbers")
        port = subscribe(broker, fast, "Numbers")
        got = []
        bus = Bus(FakeNS(ports, 5), "slow")
        await asyncio.gather(bus.subscribe("Numbers", lambda _bus, message: got.append(message["body"]["n"]), EVENT),
                             drive(broker))
        publish(broker, pub, "Numbers", range(3))
        fast.ack("Numbers", fast.head(port)["id"])
        broker.clock += 1000  # the slow client sleeps through the ack timeout
        broker.step()
        dropped = "WARNING broker: dropped slow (pid 5)" in broker.ns.logs[-1]
        for _ in range(4):
            await bus.poll()
            await settle()
            head = fast.head(port)
            if head is not None:
                fast.ack("Numbers", head["id"])
            broker.step()
        return dropped, got, bus.ns.logs, broker.state["topics"]["Numbers"]["subscribers"]

    dropped, got, client_logs, subscribers = run(scenario())
    assert dropped
    # 0 was read off without the slow client; it handled 1 (its ack came too late), signed on again, then saw 2.
    assert got == [1, 2]
    assert client_logs[0].startswith("WARNING slow: the broker dropped this script from 'Numbers'")
    assert sorted(subscribers) == ["2", "5"]


async def drive(broker, rounds=20):
    for _ in range(rounds):
        broker.step()
        await settle(2)


def test_the_client_signs_off_when_its_script_exits():
    async def scenario():
        ports = Ports()
        broker = Broker(FakeNS(ports, 100))
        bus = Bus(FakeNS(ports, 5), "short")
        await asyncio.gather(bus.subscribe("Numbers", lambda _bus, message: None, EVENT), drive(broker))
        bus.ns.exit_script()
        broker.step()
        return broker.ns.logs[-1]

    assert run(scenario()) == "broker: short (pid 5) left 'Numbers'"


def test_handlers_get_private_copies():
    stored = {"id": "1.1", "body": {"list": [1, 2], "inner": {"x": 1}}}
    copy = from_port(stored)
    copy["body"]["list"].append(3)
    copy["body"]["inner"]["x"] = 2
    assert stored == {"id": "1.1", "body": {"list": [1, 2], "inner": {"x": 1}}}
