"""What every worker does around its one call: check it is not too late, time the call, report the telemetry.

Arguments (batch design notes): target, command, batch start time (the batch id), start time, expected end time,
then optionally the port to report on and the tolerance. Times are milliseconds on the scripts' shared clock
(`performance.now()`). The start time is the latest moment the call may start and still land on time; the worker
waits the difference with additionalMsec, so the call starts now, at the security of now. Started after it by up
to the tolerance (ms), the worker calls at once and lands that much late; later still, it does nothing and reports
"late".
"""

from typing import Any

from hwgw.game.core.clock import now_ms
from hwgw.game.core.model import LATE
from hwgw.ns import NS

REPORT_PORT = 2


async def work(ns: NS, call):
    """`call(target, additional_ms)` starts the worker's hack, grow or weaken and returns its promise."""
    started = now_ms()
    ns.disableLog("ALL")
    args: list[Any] = ns.args  # by position as above: the port is an int, which str | float | bool cannot say
    target = args[0]
    delay = args[3] - started
    tolerance = args[6] if len(args) > 6 else 0
    if delay < -tolerance:
        result = LATE
        ended = started
    else:
        result = await call(target, max(0, delay))
        ended = now_ms()
    report = {"target": target, "command": args[1], "batch": args[2], "pid": ns.pid, "startTime": started,
              "endTime": ended, "expectedFinish": args[4], "result": result}
    port = args[5] if len(args) > 5 else REPORT_PORT
    while not ns.tryWritePort(port, report):
        await ns.sleep(5)
