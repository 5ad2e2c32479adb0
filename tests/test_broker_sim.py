"""The built broker and client in the emulator: the scenarios of the broker's issue, on 50-slot ports.

Publishers number their events 0, 1, 2...; each subscriber reports the numbers it handled, in order, so "in order, none
lost, none duplicated" is `got == list(range(count))`. The broker's log reaches the terminal through
tests/broker_scripts/logged_broker.py. Scripts are in tests/broker_scripts (see brokerkit.py for the build).
"""

import re

import pytest
from brokerkit import broker_log, build_tree, lines, received, run

from hwgw.mem import calculate_ram

BROKER = {"script": "brokertest/logged_broker.js"}


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return build_tree(tmp_path_factory.mktemp("broker"))


def stopper(done):
    return {"script": "brokertest/stopper.js", "args": [f"done={done}"]}


def sub(name, count, **options):
    return {"script": "brokertest/sub.js",
            "args": [f"name={name}", f"count={count}"] + [f"{k}={v}" for k, v in options.items()]}


def pub(count, **options):
    return {"script": "brokertest/pub.js", "args": [f"count={count}"] + [f"{k}={v}" for k, v in options.items()]}


def test_every_subscriber_gets_every_message_in_order(files):
    em = run(files, [BROKER, stopper(3), sub("a", 500), sub("b", 500, work=3, every=7), sub("c", 500), pub(500)],
             hours=0.02)
    assert em.errors == []
    assert received(em) == {name: list(range(500)) for name in "abc"}


def test_ten_thousand_messages_past_a_slow_subscriber(files):
    # The slow subscriber sleeps 20 ms after every 100th message, so the publisher's flood backs up far beyond
    # the 50 slots of the topic's port.
    em = run(files, [BROKER, stopper(2), sub("fast", 10_000), sub("slow", 10_000, work=20, every=100),
                     pub(10_000)], hours=0.02, port_capacity=50)
    assert em.errors == []
    assert received(em) == {"fast": list(range(10_000)), "slow": list(range(10_000))}
    order = [text.split(" ")[0] for text in lines(em) if text.startswith(("published", "got"))]
    assert order == ["published", "got", "got"]


def test_a_subscriber_killed_mid_stream_signs_off_and_the_others_go_on(files):
    em = run(files, [BROKER, stopper(2), sub("a", 600), sub("victim", 600, work=5), sub("c", 600),
                     {"script": "brokertest/killer.js", "args": ["victim=victim", "at=200"]}, pub(600)],
             hours=0.02)
    assert em.errors == []
    assert "killed victim" in lines(em)
    assert received(em) == {"a": list(range(600)), "c": list(range(600))}
    log = broker_log(em)
    assert any(re.fullmatch(r"broker: victim \(pid \d+\) left 'Numbers'", line) for line in log)
    assert not any("dropped" in line for line in log)


def test_a_subscriber_that_stops_acking_is_dropped_after_the_timeout(files):
    em = run(files, [dict(BROKER, args=["--ack-timeout", 2000]), stopper(2), sub("a", 300), sub("stuck", 300, hang=10),
                     sub("c", 300), pub(300)], hours=0.02)
    assert em.errors == []
    assert received(em) == {"a": list(range(300)), "c": list(range(300))}
    warnings = [line for line in broker_log(em) if line.startswith("WARNING")]
    assert len(warnings) == 1
    # It hangs on its 11th event, number 10, whose id is <pid>.12: the publisher's message 1 was its registration.
    assert re.fullmatch(r"WARNING broker: dropped stuck \(pid \d+\) from 'Numbers': no ack of \d+\.12 within 2000 ms",
                        warnings[0])


def test_an_unknown_topic_is_logged_and_the_broker_goes_on(files):
    em = run(files, [BROKER, stopper(1), sub("a", 5),
                     {"script": "brokertest/pub.js", "args": ["topic=Nowhere", "count=2", "register=0", "name=typo"]},
                     pub(5)], hours=0.01)
    assert em.errors == []
    errors = [line for line in broker_log(em) if line.startswith("ERROR")]
    assert [re.sub(r"\d+\.(\d+)", r"N.\1", line) for line in errors] == [
        "ERROR broker: unknown topic 'Nowhere' in message N.1 from typo; dropped",
        "ERROR broker: unknown topic 'Nowhere' in message N.2 from typo; dropped",
    ]
    assert received(em) == {"a": list(range(5))}


def test_late_sign_on(files):
    # "early" is the first subscriber, signing on after 40 events were published: they waited for it. "late" signs
    # on at 1 s, when those were all handled; it gets every event published after it, the 60 sent at 2 s.
    em = run(files, [BROKER, stopper(2), pub(40, more=60, pause=2000), sub("early", 100, delay=500),
                     sub("late", 60, delay=1000)], hours=0.01)
    assert em.errors == []
    assert received(em) == {"early": list(range(100)), "late": list(range(40, 100))}


def test_a_restarted_broker_rebuilds_its_state_mid_stream(files):
    em = run(files, [BROKER, stopper(2), sub("fast", 1200), sub("slow", 1200, work=10, every=50),
                     {"script": "brokertest/restarter.js", "args": ["at=100", "after=500"]}, pub(1200)],
             hours=0.02)
    assert em.errors == []
    assert "broker killed" in lines(em)
    assert received(em) == {"fast": list(range(1200)), "slow": list(range(1200))}
    rebuilt = [line for line in broker_log(em) if "rebuilt" in line]
    assert len(rebuilt) == 1
    held = int(re.fullmatch(r"broker: listening on port 1, rebuilt 1 topics holding (\d+) messages", rebuilt[0])[1])
    assert held > 0


def test_decorated_handlers_wire_in_the_seeds_order(files):
    em = run(files, [BROKER, stopper(1), {"script": "brokertest/worker.js"}, {"script": "brokertest/requester.js"}],
             hours=0.01)
    assert em.errors == []
    assert "started n00dles,foodnstuff,joesguns" in lines(em)
    registrations = [re.sub(r" \(pid \d+\)", "", line) for line in broker_log(em)
                     if "subscribed to" in line or "publishes to" in line]
    assert registrations == [
        "broker: worker subscribed to 'BatchRequested'", "broker: worker publishes to 'BatchStarted'",
        "broker: requester subscribed to 'BatchStarted'", "broker: requester publishes to 'BatchRequested'",
    ]


def test_single_writer_rule_refuses_a_second_consumer(files):
    em = run(files, [dict(BROKER, args=["--single-writer"]), stopper(1),
                     {"script": "brokertest/worker.js", "args": ["w1"]}, {"script": "brokertest/worker.js", "args": ["w2"]},
                     {"script": "brokertest/requester.js"}], hours=0.01)
    assert em.errors == []
    assert "started n00dles,foodnstuff,joesguns" in lines(em)
    assert [text for text in lines(em, "brokertest/worker.js") if text.startswith("refused")] == [
        "refused w2: the broker refused NewSubscriber 'BatchRequested': single-writer rule: 'BatchRequested' "
        "already has one (pid 3)"]


def test_the_broker_and_its_clients_cost_only_the_base_ram(files):
    # Ports cost 0 GB, so the broker and any script that only uses the client run at the game's 1.60 GB base.
    for script in ("hwgw/broker.js", "hwgw/brokertest/sub.js", "hwgw/brokertest/pub.js",
                   "hwgw/brokertest/requester.js", "hwgw/brokertest/worker.js"):
        assert calculate_ram(files, script).ram == 1.6, script
