"""Remote API frames: the requests hwgw sends and the replies the game sends back.

The game is the WebSocket client and only ever answers. Every frame is one JSON object in a text message:
a request `{"jsonrpc": "2.0", "id": n, "method": m, "params": {...}}`, and a reply carrying the same id and
either `result` or `error` (a plain string, not a JSON-RPC error object).

`decode` never raises: a frame that is not a reply becomes a `Finding`, which the caller logs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Reply:
    id: int
    result: Any


@dataclass(frozen=True)
class ErrorReply:
    id: int
    error: str


@dataclass(frozen=True)
class Finding:
    """A frame from the game that is not a usable reply."""

    frame: str | bytes
    message = "unusable frame"

    def __str__(self) -> str:
        text = self.frame if isinstance(self.frame, str) else repr(self.frame)
        if len(text) > 200:
            text = text[:200] + "..."
        return f"{self.message}: {text}"


class BinaryFrame(Finding):
    message = "binary frame ignored (the Remote API sends text frames)"


class NotJson(Finding):
    message = "frame is not JSON"


class NotAnObject(Finding):
    message = "frame is not a JSON object"


class NoId(Finding):
    message = "frame has no numeric id"


class UnexpectedRequest(Finding):
    message = "the game sent a request, but it only answers requests"


class NoOutcome(Finding):
    message = "reply has neither result nor error"


class UnknownId(Finding):
    message = "reply to no pending request (answered too late, or twice)"


def encode_request(id: int, method: str, params: dict[str, Any] | None = None) -> str:
    request: dict[str, Any] = {"jsonrpc": "2.0", "id": id, "method": method}
    if params is not None:
        request["params"] = params
    return json.dumps(request)


def decode(frame: str | bytes) -> Reply | ErrorReply | Finding:
    if isinstance(frame, bytes):
        return BinaryFrame(frame)
    try:
        message = json.loads(frame)
    except ValueError:
        return NotJson(frame)
    if not isinstance(message, dict):
        return NotAnObject(frame)
    id = message.get("id")
    if "method" in message:
        return UnexpectedRequest(frame)
    if not isinstance(id, int) or isinstance(id, bool):
        return NoId(frame)
    if "error" in message:
        return ErrorReply(id, str(message["error"]))
    if "result" in message:
        return Reply(id, message["result"])
    return NoOutcome(frame)
