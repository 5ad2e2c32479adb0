"""Start the HWGW system: `run hwgw/start.js [--port 1] [--spacing 20] [--cycle 20] [--lead 30] [--targets 4]
[--reserve 4] [--report 60] [--rescan 60]`. This script then stays on as the runner, the only script that calls exec.

Mapping of the design notes' roles: this script is seed 000's runner and, with the researcher it starts, seed 001's
batch-manager (on a restart it makes sure every script the system created has exited, then starts fresh); the
orchestrator is seed 001's batcher.

Start-up:
1. the researcher, alone beside this script: it kills every hwgw script but this one, empties the system's ports,
   roots servers, copies the scripts and leaves InitializationInfoRetrieved on the sign-on port, then exits;
2. the probe, alone beside this script: it learns the BitNode's hacking money, grow and weaken multipliers and
   writes them to a file for the initiator, then exits;
3. the broker (on the port threshold), which takes up the researcher's event;
4. the initiator (requested over the broker), which reads the probe's file, computes the batch stats and asks for
   the orchestrator;
5. the orchestrator, which asks the initiator for the stats and starts batching.
At most the runner and the researcher (7.95 GB), the runner and the probe (7.95 GB) or the control plane (runner,
broker, initiator, orchestrator: 7.95 GB) run on home at once, so a fresh 8 GB home can start the system. The game
frees a script's RAM only once it has ended the script, a moment after its last line: every control-plane script is
started with `start_script`, which waits for the RAM with back-off rather than giving up.

The port threshold: the system uses the port given by --port and the two above it (broker sign-on and saved state,
worker reports), plus the broker's topic and inbox ranges; the ports below the threshold are left to other scripts.
"""

from hwgw.game.core import message, topics
from hwgw.game.core.bus import Bus, command_listener, command_requester
from hwgw.game.core.clock import now_ms
from hwgw.game.core.model import WORKER_SCRIPT
from hwgw.ns import NS


FIRST_RETRY_MS = 5
LAST_RETRY_MS = 1000
PATIENCE_MS = 30000  # how long a control-plane script may wait for RAM before the player is told


def try_exec(ns: NS, script, host, threads, args):
    """exec's pid, 0 when the game refuses. exec throws when `host` is gone (a deleted purchased server), and what
    it throws is the game's, not a Python exception: anything thrown counts as a refusal."""
    try:
        return ns.exec(script, host, threads, *args)
    except:  # noqa: E722
        return 0


async def start_script(ns: NS, script, args):
    """exec a control-plane script on home, trying again with back-off until it starts: its RAM may still be held
    by a script that has finished but not yet been ended by the game. The player hears of a long wait once."""
    began = now_ms()
    retry = FIRST_RETRY_MS
    told = False
    pid = ns.exec(script, "home", 1, *args)
    while pid == 0:
        if not told and now_ms() - began > PATIENCE_MS:
            told = True
            ns.tprint(f"hwgw: still waiting for free RAM on home to start {script}; free some to go on")
        await ns.sleep(retry)
        retry = min(LAST_RETRY_MS, retry * 2)
        pid = ns.exec(script, "home", 1, *args)
    return pid


@command_listener(listens=topics.SCRIPT_REQUESTED, produces=topics.SCRIPT_STARTED)
async def on_script_requested(bus, msg):
    """A control-plane script goes on home, however long its RAM takes; a rescan where the orchestrator found room
    (the orchestrator hears of a refusal and picks another node)."""
    body = msg["body"]
    if body["host"] == "home":
        pid = await start_script(bus.ns, body["script"], body["args"])
    else:
        pid = try_exec(bus.ns, body["script"], body["host"], body["threads"], body["args"])
    await bus.publish(topics.SCRIPT_STARTED, {"script": body["script"], "host": body["host"], "pid": pid})


@command_listener(listens=topics.BATCH_REQUESTED, produces=topics.BATCH_STARTED)
async def on_batch_requested(bus, msg):
    """exec each job; the orchestrator hears of each pid, 0 included, and launches a refused job again or gives it
    up (see the batcher)."""
    body = msg["body"]
    report_port = topics.report_port(RUNNER["settings"])
    started = []
    for job in body["jobs"]:
        exec_start = now_ms()
        args = [body["target"], job["command"], job["batch"], job["startTime"], job["expectedFinish"], report_port,
                job["tolerance"]]
        pid = try_exec(bus.ns, WORKER_SCRIPT[job["command"]], job["host"], job["threads"], args)
        started.append({"batch": job["batch"], "command": job["command"], "host": job["host"], "pid": pid,
                        "execStart": exec_start, "execFinish": now_ms()})
    await bus.publish(topics.BATCH_STARTED, {"target": body["target"], "jobs": started})


@command_requester(topics.SCRIPT_REQUESTED)
async def request_script(bus, script, args):
    await bus.send(topics.SCRIPT_REQUESTED, {"script": script, "host": "home", "threads": 1, "args": args})


RUNNER: dict[str, dict[str, float]] = {}  # "settings"


async def run_alone(ns: NS, settings, script, args):
    """Run a start-up script (the researcher, then the probe) beside this one and wait for its line on the report
    port."""
    done = topics.report_port(settings)
    ns.clearPort(done)
    await start_script(ns, script, args)
    while ns.peek(done) == message.NO_DATA:
        await ns.nextPortWrite(done)
    ns.clearPort(done)


async def main(ns: NS) -> None:
    started_at = now_ms()
    ns.disableLog("ALL")
    try:
        settings = topics.settings_from_args(ns.args)
    except ValueError as error:
        ns.tprint(f"ERROR hwgw/start.js: {error}")
        return
    RUNNER["settings"] = settings
    await run_alone(ns, settings, topics.RESEARCHER_SCRIPT, [ns.pid, started_at] + topics.settings_to_args(settings))
    await run_alone(ns, settings, topics.PROBE_SCRIPT, topics.settings_to_args(settings))
    await start_script(ns, topics.BROKER_SCRIPT, ["--port", settings["port"]])
    bus = Bus(ns, "runner", settings["port"])
    await bus.setup(on_script_requested, on_batch_requested, request_script)
    ns.tprint(f"hwgw: started (ports from {settings['port']}, landings {settings['spacing']} ms apart)")
    await request_script(bus, topics.INITIATOR_SCRIPT, topics.settings_to_args(settings))
    await bus.serve()
