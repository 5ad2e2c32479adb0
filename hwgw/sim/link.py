"""The pipe pair between the emulator and the Node process that runs the scripts (see harness.mjs)."""

import json
import math
import os
import subprocess
import tempfile
from importlib import resources

from ..node import node_executable


class HarnessError(RuntimeError):
    """The Node side stopped or sent something unreadable: a fault of the emulator, not of a script."""


def encode(value) -> str:
    try:
        return json.dumps(value, separators=(",", ":"), allow_nan=False)
    except ValueError:
        return json.dumps(tag_numbers(value), separators=(",", ":"), allow_nan=False)


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
    def __init__(self, config: dict):
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
        self._reader = os.fdopen(self._from_node, "rb")
        self._writer = os.fdopen(self._to_node, "wb")
        self.send(config)

    def send(self, message) -> None:
        self._writer.write(encode(message).encode() + b"\n")
        self._writer.flush()

    def receive(self) -> dict:
        line = self._reader.readline()
        if not line:
            raise HarnessError(f"the Node process stopped unexpectedly:\n{self.log_tail()}")
        return json.loads(line)

    def log_tail(self, limit: int = 4000) -> str:
        self.output.seek(0)
        return self.output.read().decode(errors="replace")[-limit:]

    def close(self, at_idle: bool) -> None:
        """Stop Node: politely when it waits on its "idle" message, else at once."""
        if self.process.poll() is None:
            try:
                if not at_idle:
                    raise BrokenPipeError
                self.send({"x": 1})
                self.process.wait(timeout=5)
            except (BrokenPipeError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        self._writer.close()
        self._reader.close()
        self.output.close()
