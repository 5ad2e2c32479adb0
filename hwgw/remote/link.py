"""The tool's end of the Remote API: a WebSocket server that the game connects to.

One game at a time: a new connection replaces the old one (the game reloaded, or a second tab connected).
Requests are matched to replies by id, so replies may arrive in any order. A frame that is not a reply
to a pending request is logged and dropped; nothing the game sends can stop the server.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from websockets.asyncio.server import ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from hwgw.remote import protocol

log = logging.getLogger("hwgw.remote")

# Close code for a connection that a newer one replaced. The game does not reconnect after a close with
# this code, so two game tabs cannot keep taking the connection from each other.
REPLACED = 3000


class CannotListen(Exception):
    """The address or port cannot be bound."""


class GameDisconnected(Exception):
    """The game is not connected, or disconnected before it answered."""


class GameError(Exception):
    """The game answered a request with an error string."""


class NoReply(Exception):
    """The game did not answer a request in time."""


class GameLink:
    def __init__(self, *, reply_timeout: float = 30.0, on_connect: Callable[[], None] | None = None):
        self.reply_timeout = reply_timeout
        self.generation = 0
        self._on_connect = on_connect
        self._game: ServerConnection | None = None
        self._connected = asyncio.Event()
        self._next_id = 0
        self._pending: dict[int, tuple[ServerConnection, asyncio.Future[Any]]] = {}
        self._closing: set[asyncio.Task[None]] = set()
        self._stopping = False

    @property
    def connected(self) -> bool:
        return self._game is not None

    @asynccontextmanager
    async def listen(self, host: str, port: int) -> AsyncIterator[int]:
        """Serve on host:port (0 picks a free port) and yield the bound port."""
        try:
            server = await serve(self._handle, host, port)
        except OSError as e:
            raise CannotListen(
                f"cannot listen on {host}:{port}: {e.strerror or e}. Another tool (bitburner-filesync, "
                "viteburner, a second hwgw) may hold the port: stop it or pass --port."
            ) from None
        async with server:
            try:
                yield server.sockets[0].getsockname()[1]
            finally:
                self._stopping = True

    async def wait_for_game(self, timeout: float) -> bool:
        try:
            await asyncio.wait_for(self._connected.wait(), timeout)
        except TimeoutError:
            return False
        return True

    async def call(self, method: str, params: dict[str, Any] | None = None) -> Any:
        ws = self._game
        if ws is None:
            raise GameDisconnected("the game is not connected")
        self._next_id += 1
        id = self._next_id
        reply: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending[id] = (ws, reply)
        try:
            await ws.send(protocol.encode_request(id, method, params))
            return await asyncio.wait_for(reply, self.reply_timeout)
        except ConnectionClosed:
            raise GameDisconnected("the game disconnected") from None
        except TimeoutError:
            raise NoReply(f"the game did not answer {method} within {self.reply_timeout:g} s") from None
        finally:
            self._pending.pop(id, None)

    async def _handle(self, ws: ServerConnection) -> None:
        old, self._game = self._game, ws
        self.generation += 1
        self._connected.set()
        log.info("game connected from %s:%s", *ws.remote_address[:2])
        if old is not None:
            log.info("the new connection replaces the previous one")
            self._drop(old)
            closing = asyncio.create_task(old.close(REPLACED, "replaced by a newer game connection"))
            self._closing.add(closing)
            closing.add_done_callback(self._closing.discard)
        if self._on_connect is not None:
            self._on_connect()
        try:
            async for frame in ws:
                self._receive(ws, frame)
        except ConnectionClosed:
            pass
        finally:
            self._drop(ws)

    def _receive(self, ws: ServerConnection, frame: str | bytes) -> None:
        message = protocol.decode(frame)
        if isinstance(message, protocol.Finding):
            log.warning("%s", message)
            return
        waiting = self._pending.get(message.id)
        if waiting is None or waiting[0] is not ws or waiting[1].done():
            log.warning("%s", protocol.UnknownId(frame))
            return
        if isinstance(message, protocol.ErrorReply):
            waiting[1].set_exception(GameError(message.error))
        else:
            waiting[1].set_result(message.result)

    def _drop(self, ws: ServerConnection) -> None:
        for sent_on, reply in list(self._pending.values()):
            if sent_on is ws and not reply.done():
                reply.set_exception(GameDisconnected("the game disconnected before it answered"))
        if self._game is ws:
            self._game = None
            self._connected.clear()
            if not self._stopping:
                log.info("game disconnected")
