"""The orchestrator: seed 001's batcher, keeping seed 000's RAM pool.

It takes the initiator's batch stats (it never recalculates them) and runs the cycle loop: each turn it handles
the broker's messages and the workers' reports, then, per target whose batcher has something due, asks the batcher
which commands to launch now and sends them to the runner as one BatchRequested. The loop sleeps the cycle target
less the time the cycle took, or until the next batcher is due when that is later (at most a second). A batch's RAM
is reserved across the nodes when its weakhack is launched (each job for the time it may run) and released as its
jobs report back.

Before launching it compares the player's hacking level with the level of the stats; when they differ it publishes
PlayerLevelChanged and launches nothing until the initiator's refreshed stats arrive.

Every `--report` seconds it prints one status line per target and one for the RAM pool, and rewrites
`hwgw/status.txt` on its server with the same figures as JSON (`cat hwgw/status.txt` in the terminal), with what
the planner predicted beside them, the plan-to-worker latency the workers reported and how late its own turns began.

Arguments: the settings (`--port` ...).
"""

from __future__ import annotations

from hwgw.game.core import topics
from hwgw.game.core.bus import Bus, command_requester, event_listener
from hwgw.game.core.clock import now_ms
from hwgw.game.core.message import EVENT, NO_DATA, from_port
from hwgw.game.core.model import GROW, HACK, WEAKHACK, WORKER_RAM, stats_from_message
from hwgw.game.core.pool import RamPool
from hwgw.game.core.schedule import Batcher
from hwgw.game.core.timing import STALL_LATE_MS, Timing
from hwgw.game.core.view import pool_line, status_json, status_line, timing_line
from hwgw.ns import NS

ORCHESTRATOR: dict[str, Orchestrator] = {}  # "it": the one the event handlers feed
IDLE_MS = 1000  # longest sleep, so that broker messages and reports are handled within a second
STATUS_FILE = "hwgw/status.txt"
WARM_BATCH = -1  # the batch id of the warm-up's jobs
WARM_WAIT_MS = 120000  # the longest the warm-up waits for its workers
WARM_SETTLE_MS = 200  # then this long, for the game to end them and free their RAM
WARM_ROUNDS = 2
RESCAN_HOLD_MS = 30000  # RAM held for a rescan (it takes well under a second)
RESCAN_SOON_MS = 10000  # after a job is given up, the next rescan comes this long after the last at the latest
LATE_SAMPLES = 1000
STALL_SAMPLES = 100
PLAN_SAMPLES = 100


class Orchestrator:
    def __init__(self, ns: NS, settings):
        self.ns = ns
        self.settings = settings
        self.report_port = topics.report_port(settings)
        self.timing = Timing(settings)
        self.pool: RamPool | None = None
        self.batchers: dict[str, Batcher] = {}
        self.plans: dict[str, dict[str, float]] = {}
        self.planned: list[list[float]] = []  # [when, pool GB, income planned] at each change, the last PLAN_SAMPLES
        self.startedAt = 0.0
        self.level = 0
        self.announced_level = 0
        self.last_status = now_ms()
        self.loops = 0
        self.loop_ms = 0.0
        self.late_wakes: list[float] = []  # ms each recent turn began after the moment it asked to wake at
        self.stalls: list[list[float]] = []  # [when, ms late] of the last STALL_SAMPLES wakes over STALL_LATE_MS late
        self.warm = {"round": 0, "left": 0, "size": 0, "sentAt": 0.0, "until": 0.0}
        self.next_rescan = now_ms() + settings["rescan"] * 1000
        self.rescan_host = "home"  # where the researcher last ran, its modules loaded
        self.last_rescan = now_ms()
        self.failures = 0  # jobs given up so far, all targets
        self.firstExec = 0.0  # the slowest start of the warm-up's first round: servers loading the workers' modules

    def take_stats(self, body):
        if self.pool is None:
            self.pool = RamPool(body["nodes"])
        else:
            gone = [host for host in self.pool.capacity.keys() if host not in body["hosts"]]
            for target in self.batchers.keys():
                self.batchers[target].write_off(gone)
            self.pool.resize(body["nodes"])
        shares = {}
        for plan in body["plans"]:
            shares[plan["target"]] = plan["share"] * self.pool.total()
        for message in body["stats"]:
            stats = stats_from_message(message)
            share = shares[stats.target]
            if stats.target in self.batchers:
                self.batchers[stats.target].pool_share = share
                self.batchers[stats.target].refresh(stats)
            else:
                self.batchers[stats.target] = Batcher(stats, self.pool, share, self.timing)
        for plan in body["plans"]:
            if plan["target"] in self.plans:  # a rescan: the income changes, the start's figures stay
                self.plans[plan["target"]]["income"] = plan["income"]
            else:
                self.plans[plan["target"]] = plan
        self.startedAt = body["startedAt"]
        self.level = body["level"]
        self.note_plan(self.pool.total())

    def note_plan(self, pool_gb: float):
        """Keep what the planner expects the whole pool to earn, each time that changes (a rescan found RAM)."""
        income = 0.0
        for target in self.plans.keys():
            income += self.plans[target]["income"]
        if len(self.planned) == 0 or self.planned[-1][2] != income:
            self.planned.append([now_ms(), pool_gb, income])
            if len(self.planned) > PLAN_SAMPLES:
                self.planned.pop(0)

    def take_started(self, body):
        batcher = self.batchers[body["target"]]
        for job in body["jobs"]:
            if job["batch"] == WARM_BATCH:
                if job["pid"] == 0:
                    self.warm["left"] -= 1
                continue
            batcher.started(job["batch"], job["command"], job["pid"], job["execStart"], job["execFinish"], now_ms())

    def take_script_started(self, body):
        """A rescan the runner could not start: its node is gone (a deleted server) or full of other scripts. The
        node takes no new job until a rescan, tried again soon elsewhere, says what it has."""
        if body["script"] != topics.RESEARCHER_SCRIPT or body["pid"] != 0 or self.pool is None:
            return
        if body["host"] == self.rescan_host:
            self.pool.capacity[body["host"]] = 0
            self.rescan_host = "home"
            self.rescan_soon()

    def rescan_soon(self):
        self.next_rescan = min(self.next_rescan, self.last_rescan + RESCAN_SOON_MS)

    def read_reports(self):
        raw = self.ns.readPort(self.report_port)
        while raw != NO_DATA:
            report = from_port(raw)
            batcher = self.batchers.get(report["target"])
            if report["batch"] == WARM_BATCH:
                self.warm["left"] -= 1
                self.timing.observe_burst(self.warm["sentAt"], self.warm["size"],
                                          report["startTime"] - self.warm["sentAt"])
            elif batcher is not None:
                batcher.report(report["batch"], report["command"], report)
            raw = self.ns.readPort(self.report_port)

    async def warm_up(self, bus, moment, pool: RamPool):
        """Before the first prep, run each worker once on every node, twice, doing nothing (they start late on
        purpose). A server loads a script's modules at its first run there, which takes a while: the first round
        gets that done (its slowest start is kept as `firstExec`), the second times a burst of launches on warm
        servers, which sizes the lead of the first prep round. True once it is over."""
        warm = self.warm
        if moment < warm["until"] and warm["left"] > 0:
            return False
        if warm["round"] < WARM_ROUNDS:
            if warm["round"] == 1:
                self.firstExec = self.timing.burstMax
            jobs = []
            for host in pool.capacity.keys():
                room = pool.capacity[host]
                for command in [HACK, GROW, WEAKHACK]:
                    if WORKER_RAM[command] <= room:
                        room -= WORKER_RAM[command]
                        jobs.append({"batch": WARM_BATCH, "command": command, "host": host, "threads": 1,
                                     "startTime": 0, "expectedFinish": 0, "tolerance": 0})
            warm["round"] += 1
            warm["left"] = len(jobs)
            warm["size"] = len(jobs)
            warm["sentAt"] = moment
            warm["until"] = moment + WARM_WAIT_MS
            await request_batch(bus, list(self.batchers.keys())[0], jobs)
            return False
        if warm["left"] >= 0:
            warm["left"] = -1
            warm["until"] = moment + WARM_SETTLE_MS
        return moment >= warm["until"]

    async def rescan(self, bus, moment, pool: RamPool):
        """Every `--rescan` seconds, run the researcher again to find new servers and RAM (see the researcher): where
        it ran last if that node has room for as long as it may take (home at first), else on the node with the most
        room then. A server's first run of the researcher loads its modules inside exec, which holds up the whole
        page for a few hundred ms in the game, so it stays where it is loaded. Skipped when no node has room for it.
        A job given up (its node may be gone: a deleted server) brings the next rescan forward to `RESCAN_SOON_MS`
        after the last."""
        failures = 0
        for target in self.batchers.keys():
            failures += self.batchers[target].counts["execFailures"]
        if failures > self.failures:
            self.failures = failures
            self.rescan_soon()
        if moment < self.next_rescan:
            return
        self.last_rescan = moment
        self.next_rescan = moment + self.settings["rescan"] * 1000
        end = moment + RESCAN_HOLD_MS
        host = self.rescan_host
        if host not in pool.capacity or pool.room(host, moment, end) < topics.RESEARCHER_RAM:
            host = ""
            most = 0.0
            for node in pool.capacity.keys():
                room = pool.room(node, moment, end)
                if room >= topics.RESEARCHER_RAM and room > most:
                    host = node
                    most = room
        if host == "":
            return
        self.rescan_host = host
        pool.reserve(host, topics.RESEARCHER_RAM, moment, end)
        await request_script(bus, topics.RESEARCHER_SCRIPT, host,
                             [0, self.startedAt] + topics.settings_to_args(self.settings))

    async def turn(self, bus):
        """One cycle; returns when the next one is due (seed 001's cycle target, or later when nothing is due)."""
        begin = now_ms()
        await bus.poll()
        self.read_reports()
        wake = begin + IDLE_MS
        if self.pool is None:
            return begin + self.settings["cycle"]
        self.pool.at(begin)
        if not await self.warm_up(bus, begin, self.pool):
            return begin + self.settings["cycle"]
        await self.rescan(bus, begin, self.pool)
        if self.timing.adapt():
            for target in self.batchers.keys():
                self.batchers[target].retime()
        level = None
        for target in self.batchers.keys():
            batcher = self.batchers[target]
            moment = now_ms()
            due = batcher.due(moment)
            if due > moment:
                wake = min(wake, due)
                continue
            if level is None:
                level = self.ns.getHackingLevel()
                if level != self.level:
                    if level != self.announced_level:
                        self.announced_level = level
                        await bus.publish(topics.PLAYER_LEVEL_CHANGED, {"level": level})
                    return begin + self.settings["cycle"]
            launches = batcher.cycle(moment, self.ns.getServerSecurityLevel(target),
                                     self.ns.getServerMoneyAvailable(target))
            if len(launches) > 0:
                await request_batch(bus, target, [launch_body(pair[0], pair[1]) for pair in launches])
            for note in batcher.notes:
                self.ns.tprint(f"hwgw: {note}")
            batcher.notes = []
            batcher.cycles["total"] += 1
            batcher.cycles["totalMs"] += now_ms() - moment
            wake = min(wake, max(begin + self.settings["cycle"], batcher.due(now_ms())))
        self.show_status()
        return min(wake, self.last_status + self.settings["report"] * 1000)

    def count_loop(self, began, ended):
        self.loops += 1
        self.loop_ms += ended - began

    def note_wake(self, wake):
        """How late this turn began after the moment it asked to wake at (the last LATE_SAMPLES turns). True after
        a page stall: the timers that came due meanwhile are still queued (workers landing, then ending and freeing
        their RAM), and a turn that yields once lets them run before it plans on that RAM."""
        moment = now_ms()
        self.late_wakes.append(moment - wake)
        if len(self.late_wakes) > LATE_SAMPLES:
            self.late_wakes.pop(0)
        if moment - wake >= STALL_LATE_MS:
            self.stalls.append([moment, moment - wake])
            if len(self.stalls) > STALL_SAMPLES:
                self.stalls.pop(0)
            return True
        return False

    def show_status(self):
        moment = now_ms()
        if moment - self.last_status < self.settings["report"] * 1000:
            return
        self.last_status = moment
        for target in self.batchers.keys():
            self.ns.tprint(status_line(self.batchers[target], moment))
        self.ns.tprint(pool_line(self.pool, moment))
        self.ns.tprint(timing_line(self))
        self.ns.write(STATUS_FILE, status_json(self, moment), "w")


def launch_body(batch, command):
    job = batch.jobs[command]
    return {"batch": batch.id, "command": command, "host": job.host, "threads": job.threads,
            "startTime": job.startTime, "expectedFinish": job.expectedFinish, "tolerance": job.tolerance}


@event_listener(topics.BATCH_STATS_REFRESHED)
def on_stats(bus, msg):
    ORCHESTRATOR["it"].take_stats(msg["body"])


@event_listener(topics.BATCH_STARTED)
def on_started(bus, msg):
    ORCHESTRATOR["it"].take_started(msg["body"])


@event_listener(topics.SCRIPT_STARTED)
def on_script_started(bus, msg):
    ORCHESTRATOR["it"].take_script_started(msg["body"])


@command_requester(topics.BATCH_REQUESTED)
async def request_batch(bus, target, jobs):
    await bus.send(topics.BATCH_REQUESTED, {"target": target, "jobs": jobs})


@command_requester(topics.SCRIPT_REQUESTED)
async def request_script(bus, script, host, args):
    await bus.send(topics.SCRIPT_REQUESTED, {"script": script, "host": host, "threads": 1, "args": args})


@command_requester(topics.BATCH_STATS_REQUESTED)
async def request_stats(bus):
    await bus.send(topics.BATCH_STATS_REQUESTED, {})


async def main(ns: NS) -> None:
    ns.disableLog("ALL")
    settings = topics.settings_from_args(ns.args)
    orchestrator = Orchestrator(ns, settings)
    ORCHESTRATOR["it"] = orchestrator
    ns.clearPort(orchestrator.report_port)
    bus = Bus(ns, "orchestrator", settings["port"])
    await bus.setup(on_stats, on_started, on_script_started, request_batch, request_stats, request_script)
    await bus.register(topics.PLAYER_LEVEL_CHANGED, EVENT)
    await request_stats(bus)
    while True:
        began = now_ms()
        wake = await orchestrator.turn(bus)
        moment = now_ms()
        orchestrator.count_loop(began, moment)
        wake = max(moment + 1, wake)
        await ns.sleep(wake - moment)
        if orchestrator.note_wake(wake):
            await ns.sleep(0)
