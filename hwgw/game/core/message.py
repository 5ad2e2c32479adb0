"""Messages of the broker and the ports they travel on.

A message is a dict `{id, source, headers: {topic, type, pid}, body}`: `type` is "command", "event" or "ack",
`pid` names the sending script, and an ack's body is the id of the message it acknowledges. Ports carry the dict
itself; the game stores a structured clone, so the reader gets a plain JavaScript object, which `from_port` turns
back into dicts and lists.

Port numbers, all derived from the sign-on port P (default 1):
- P: every message for the broker (registrations, commands, events, acks, sign-offs);
- P + 1: the broker's saved state, one entry, so that a restarted broker rebuilds itself;
- TOPIC_PORTS and up: one port per topic, plus overflow ports while a topic holds more than a port's capacity;
- INBOX_PORTS + pid: each client's inbox, where the broker answers registrations and wakes the client up.
"""

SIGN_ON_PORT = 1
TOPIC_PORTS = 1000
INBOX_PORTS = 1_000_000
NO_DATA = "NULL PORT DATA"

COMMAND = "command"
EVENT = "event"
ACK = "ack"

BROKER = "broker"
NEW_SUBSCRIBER = "NewSubscriber"
NEW_PUBLISHER = "NewPublisher"
SIGN_OFF = "SignOff"
REGISTERED = "Registered"
DROPPED = "Dropped"
WAKE = "Wake"
TICK = "tick"  # what the broker's own clock writes to the sign-on port to wake the broker up


def state_port(sign_on_port):
    return sign_on_port + 1


def inbox_port(pid):
    return INBOX_PORTS + pid


def make_message(message_id, source, topic, kind, pid, body):
    return {"id": message_id, "source": source, "headers": {"topic": topic, "type": kind, "pid": pid}, "body": body}


PRIMITIVES = (str, bool, int, float)


def is_object(value):
    """True for a dict, or for the plain JavaScript object a port hands back for one.

    Checks go by `type`, not `isinstance`, which the built scripts pay for with a caught exception on every number
    and string."""
    return value is not None and type(value) not in PRIMITIVES and type(value) is not list


def from_port(value):
    """A private deep copy of what a port returned, as dicts and lists (peek hands every reader the same object)."""
    if type(value) is list:
        return [from_port(item) for item in value]
    if not is_object(value):
        return value
    fields = dict(value)
    return {key: from_port(fields[key]) for key in fields.keys()}


def is_message(value):
    """True for a message as written or as read from a port, whatever its topic and type."""
    if not is_object(value) or "headers" not in value or "id" not in value:
        return False
    headers = value["headers"]
    return is_object(headers) and "topic" in headers and type(headers["topic"]) is str and "type" in headers
