"""What every worker does around its one call: check it is not too late, time the call, report the telemetry.

Arguments (batch design notes): target, command, batch start time (the batch id), start time, expected end time,
then the port to report on and the tolerance. Times are milliseconds on the scripts' shared clock
(`performance.now()`). The start time is the latest moment the call may start and still land on time; the worker
waits the difference with additionalMsec, so the call starts now, at the security of now. Started after it by up
to the tolerance (ms), the worker calls at once and lands that much late; later still, it does nothing and reports
"late".

Workers and what they import are lean modules (plain JavaScript, no Python runtime): thousands of them start on
every server, and a server loads a script's modules at its first run there.
"""

# hwgw: lean
from typing import Any

from hwgw.game.core.clock import now_ms
from hwgw.ns import NS

LATE = "late"


async def work(ns: NS, call):
    """`call(target, additional_ms)` starts the worker's hack, grow or weaken and returns its promise."""
    started = now_ms()
    ns.disableLog("ALL")
    args: list[Any] = ns.args  # by position as above: the port is an int, which str | float | bool cannot say
    target = args[0]
    delay = args[3] - started
    if delay < -args[6]:
        result = LATE
        ended = started
    else:
        result = await call(target, delay if delay > 0 else 0)
        ended = now_ms()
    report = {"target": target, "command": args[1], "batch": args[2], "pid": ns.pid, "startTime": started,
              "endTime": ended, "expectedFinish": args[4], "result": result}
    while not ns.tryWritePort(args[5], report):
        await ns.sleep(5)
