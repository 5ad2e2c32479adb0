"""An in-memory `ns` with the game's port semantics, for driving the broker and its client under CPython.

Ports (src/NetscriptPort.ts as the reference describes it): a queue of at most `capacity` entries (50 by default);
`writePort` appends a copy and, past capacity, drops and returns the oldest; `tryWritePort` returns False when full;
`readPort`/`peek` return "NULL PORT DATA" when empty; `peek` hands out the stored entry itself. All scripts share one
`Ports`; each script has its own `FakeNS` (pid, log, atExit callbacks). Waiting (`nextPortWrite`, `sleep`) uses
asyncio, so several clients and the broker can run as tasks of one event loop.
"""

import asyncio
import copy

NO_DATA = "NULL PORT DATA"


class Ports:
    def __init__(self, capacity=50):
        self.capacity = capacity
        self.queues = {}
        self.waiters = {}
        self.evictions = 0  # entries writePort dropped

    def queue(self, number):
        if not isinstance(number, int) or isinstance(number, bool) or number < 1:
            raise ValueError(f"invalid port {number!r}")
        return self.queues.setdefault(number, [])

    def push(self, number, value):
        self.queue(number).append(value if isinstance(value, (str, int, float, bool)) else copy.deepcopy(value))
        for future in self.waiters.pop(number, []):
            if not future.done():
                future.set_result(None)


class FakeNS:
    def __init__(self, ports: Ports, pid: int, args=()):
        self.ports = ports
        self.pid = pid
        self.args = list(args)
        self.logs = []
        self.exits = {}
        self.slept = 0.0

    # ports

    def writePort(self, number, value):
        self.ports.push(number, value)
        queue = self.ports.queue(number)
        if len(queue) > self.ports.capacity:
            self.ports.evictions += 1
            return queue.pop(0)
        return None

    def tryWritePort(self, number, value):
        if len(self.ports.queue(number)) >= self.ports.capacity:
            return False
        self.ports.push(number, value)
        return True

    def readPort(self, number):
        queue = self.ports.queue(number)
        return queue.pop(0) if queue else NO_DATA

    def peek(self, number):
        queue = self.ports.queue(number)
        return queue[0] if queue else NO_DATA

    def clearPort(self, number):
        self.ports.queue(number).clear()

    def nextPortWrite(self, number):
        self.ports.queue(number)
        future = asyncio.get_running_loop().create_future()
        self.ports.waiters.setdefault(number, []).append(future)
        return future

    # the rest a broker script or client touches

    async def sleep(self, ms):
        self.slept += ms
        await asyncio.sleep(0)

    async def asleep(self, ms):
        await self.sleep(ms)

    def print(self, *parts):
        self.logs.append("".join(str(part) for part in parts))

    def disableLog(self, name):
        pass

    def atExit(self, callback, name="default"):
        self.exits[name] = callback

    def exit_script(self):
        """What the game does when the script ends or is killed: run the atExit callbacks."""
        for callback in list(self.exits.values()):
            callback()
        self.exits.clear()


async def settle(rounds=20):
    """Let every task run until it waits on something that is not a plain event-loop turn."""
    for _ in range(rounds):
        await asyncio.sleep(0)
