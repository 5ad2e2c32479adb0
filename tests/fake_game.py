"""A stand-in for the game's end of the Remote API (v3.0.x), written from the protocol notes.

The game is the WebSocket client. It answers each request in the order received, with the error texts of
v3.0.x; a frame that is not JSON gets no answer at all. Knobs let a test make it misbehave: answer out of
order, send junk frames, or drop the connection.
"""

from __future__ import annotations

import asyncio
import json
import posixpath
from collections.abc import Callable, Mapping
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

SCRIPT_EXTENSIONS = (".js", ".jsx", ".ts", ".tsx")
TEXT_EXTENSIONS = (".txt", ".json", ".css")
INVALID_CHARACTERS = set("*?[]!\\~|#\"'")

# The game's static RAM for (files on the server, script) or None when the script cannot be priced.
GameRam = Callable[[Mapping[str, str], str], "float | None"]


def resolve_file_path(filename: str) -> str | None:
    """The game's path rules: root-relative, no odd characters, no empty folder names, an extension."""
    if any(c in INVALID_CHARACTERS or c.isspace() for c in filename):
        return None
    parts: list[str] = []
    for i, part in enumerate(filename.lstrip("/").split("/")):
        if part == "" or part == ".":
            if part == "" and i > 0:
                return None
            continue
        if part == "..":
            if not parts:
                return None
            parts.pop()
            continue
        parts.append(part)
    if not parts or "." not in parts[-1].strip("."):
        return None
    return posixpath.join(*parts)


class FakeGame:
    def __init__(
        self,
        ram: GameRam | None = None,
        *,
        servers: tuple[str, ...] = ("home", "n00dles"),
        reverse: bool = False,
        junk: tuple[str | bytes, ...] = (),
        drop_after: int | None = None,
        silent_methods: tuple[str, ...] = (),
    ):
        self.ram = ram or (lambda files, name: None)
        self.files: dict[str, dict[str, str]] = {host: {} for host in servers}
        self.reverse = reverse
        self.junk = junk
        self.drop_after = drop_after
        self.silent_methods = silent_methods
        self.requests: list[dict[str, Any]] = []
        self.answered: list[int] = []
        self.close_code: int | None = None
        self.ws: ClientConnection | None = None
        self.task: asyncio.Task[None] | None = None

    async def connect(self, port: int) -> FakeGame:
        self.ws = await connect(f"ws://127.0.0.1:{port}")
        self.task = asyncio.create_task(self._run(self.ws))
        return self

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.task is not None:
            await self.task

    async def _run(self, ws: ClientConnection) -> None:
        try:
            while True:
                batch = [await ws.recv()]
                if self.reverse:
                    await asyncio.sleep(0.05)
                    while True:
                        try:
                            batch.append(await asyncio.wait_for(ws.recv(), 0.01))
                        except TimeoutError:
                            break
                    batch.reverse()
                for frame in batch:
                    await self._answer(ws, frame)
        except ConnectionClosed:
            pass
        self.close_code = ws.close_code

    async def _answer(self, ws: ClientConnection, frame: str | bytes) -> None:
        try:
            request = json.loads(frame)
        except ValueError:
            return
        self.requests.append(request)
        if self.drop_after is not None and len(self.requests) > self.drop_after:
            await ws.close()
            return
        if request.get("method") in self.silent_methods:
            return
        for junk in self.junk:
            await ws.send(junk)
        reply: dict[str, Any] = {"jsonrpc": "2.0", "id": request.get("id")}
        try:
            reply["result"] = self.handle(request.get("method"), request.get("params") or {})
        except GameRefusal as refusal:
            reply["error"] = str(refusal)
        self.answered.append(request.get("id"))
        await ws.send(json.dumps(reply))

    def handle(self, method: object, params: dict[str, Any]) -> Any:
        if method == "pushFile":
            filename, server = self._file_params(params, ("filename", "content", "server"))
            if not filename.endswith(SCRIPT_EXTENSIONS + TEXT_EXTENSIONS):
                raise GameRefusal(f"Invalid file extension. Filename: {params['filename']}")
            self._server(server)[filename] = params["content"]
            return "OK"
        if method == "calculateRam":
            filename, server = self._file_params(params, ("filename", "server"))
            if not filename.endswith(SCRIPT_EXTENSIONS):
                raise GameRefusal(f"File is not a script. Filename: {params['filename']}")
            files = self._server(server)
            if filename not in files:
                raise GameRefusal(f"File does not exist. Filename: {params['filename']}")
            ram = self.ram(files, filename)
            if ram is None:
                raise GameRefusal(f"Cannot calculate RAM usage of an invalid script. Filename: {params['filename']}")
            return ram
        if method == "getFileNames":
            self._check(params, ("server",))
            files = self._server(params["server"])
            texts = [f for f in files if not f.endswith(SCRIPT_EXTENSIONS)]
            return texts + [f for f in files if f.endswith(SCRIPT_EXTENSIONS)]
        raise GameRefusal("Unknown message received")

    def _check(self, params: dict[str, Any], names: tuple[str, ...]) -> None:
        if any(name not in params for name in names):
            raise GameRefusal("Missing params")
        if any(not isinstance(params[name], str) for name in names):
            raise GameRefusal(f"Invalid params: {json.dumps(params)}")

    def _file_params(self, params: dict[str, Any], names: tuple[str, ...]) -> tuple[str, str]:
        self._check(params, names)
        filename = resolve_file_path(params["filename"])
        if filename is None:
            raise GameRefusal(f"Invalid file path: {params['filename']}")
        return filename, params["server"]

    def _server(self, hostname: str) -> dict[str, str]:
        if hostname not in self.files:
            raise GameRefusal(f"Invalid hostname: {hostname}")
        return self.files[hostname]


class GameRefusal(Exception):
    """An error the game sends back as a plain string."""
