"""The pipe pair between the emulator and the Node process that runs the scripts (see harness.mjs)."""

import json
import math
import os
import select
import subprocess
import tempfile
import time
from importlib import resources

from ..node import node_executable


STUCK_AFTER_S = 60
POLL_S = 0.001


class HarnessError(RuntimeError):
    """The Node side stopped, or went silent because a script never yields."""


# One encoder and one decoder for every message: json.dumps with options makes a new encoder at each call.
ENCODER = json.JSONEncoder(separators=(",", ":"), allow_nan=False)
DECODER = json.JSONDecoder()


def encode(value) -> str:
    try:
        return ENCODER.encode(value)
    except ValueError:
        return ENCODER.encode(tag_numbers(value))


def tag_numbers(value):
    """JSON has no Infinity/NaN: send them as {"$n": "Infinity"} and let the harness turn them back."""
    if isinstance(value, float) and not math.isfinite(value):
        return {"$n": str(value).replace("inf", "Infinity").replace("nan", "NaN")}
    if isinstance(value, dict):
        return {k: tag_numbers(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [tag_numbers(v) for v in value]
    return value


class NodeLink:
    def __init__(self, config: dict, node_args=()):
        harness = resources.files("hwgw.sim").joinpath("harness.mjs")
        to_node_read, self._to_node = os.pipe()
        self._from_node, from_node_write = os.pipe()
        self.output = tempfile.TemporaryFile()
        with resources.as_file(harness) as path:
            self.process = subprocess.Popen(
                [
                    node_executable(),
                    "--no-warnings",
                    "--experimental-vm-modules",
                    *node_args,
                    str(path),
                    str(from_node_write),
                    str(to_node_read),
                ],
                stdin=subprocess.DEVNULL,
                stdout=self.output,
                stderr=subprocess.STDOUT,
                pass_fds=(from_node_write, to_node_read),
            )
        os.close(to_node_read)
        os.close(from_node_write)
        os.set_blocking(self._from_node, False)
        self._pending = b""
        self.wall = {"wait": 0.0, "json": 0.0, "pipe": 0.0, "poll": 0.0}  # poll: CPU seconds, the rest wall
        self.received = 0
        self.node_wall = None
        self.send(config)

    def send(self, message) -> None:
        started = time.perf_counter()
        data = encode(message).encode() + b"\n"
        encoded = time.perf_counter()
        while data:
            data = data[os.write(self._to_node, data):]
        self.wall["json"] += encoded - started
        self.wall["pipe"] += time.perf_counter() - encoded

    def receive(self) -> dict:
        started = time.perf_counter()
        while b"\n" not in self._pending:
            self._pending += self._read()
        line, _, self._pending = self._pending.partition(b"\n")
        arrived = time.perf_counter()
        message = DECODER.decode(line.decode())
        self.received += 1
        self.wall["wait"] += arrived - started
        self.wall["json"] += time.perf_counter() - arrived
        return message

    def _read(self) -> bytes:
        """Poll for a moment before sleeping: Node usually answers within microseconds, and waking a sleeping
        process costs more than that on many machines. Polling yields the CPU, so that on a busy machine the
        wait does not starve Node itself."""
        deadline = time.perf_counter() + POLL_S
        cpu = time.process_time()
        try:
            while time.perf_counter() < deadline:
                try:
                    return self._check(os.read(self._from_node, 1 << 16))
                except BlockingIOError:
                    os.sched_yield()
        finally:
            self.wall["poll"] += time.process_time() - cpu
        ready, _, _ = select.select([self._from_node], [], [], STUCK_AFTER_S)
        if not ready:
            raise HarnessError(f"no word from the scripts for {STUCK_AFTER_S} s of wall time: a script is "
                               "probably looping without ever awaiting (the game would freeze too)")
        return self._check(os.read(self._from_node, 1 << 16))

    def _check(self, chunk: bytes) -> bytes:
        if not chunk:
            raise HarnessError(f"the Node process stopped unexpectedly:\n{self.log_tail()}")
        return chunk

    def log_tail(self, limit: int = 4000) -> str:
        self.output.seek(0)
        return self.output.read().decode(errors="replace")[-limit:]

    def close(self, at_idle: bool) -> None:
        """Stop Node: politely when it waits on its "idle" message (it answers with where its time went), else at
        once."""
        if self.process.poll() is None:
            try:
                if not at_idle:
                    raise BrokenPipeError
                self.send({"x": 1})
                self.node_wall = self.receive()
                self.process.wait(timeout=5)
            except (BrokenPipeError, HarnessError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        os.close(self._to_node)
        os.close(self._from_node)
        self.output.close()
