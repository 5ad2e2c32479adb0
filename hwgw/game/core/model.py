"""The batch model: what a batch is made of, and the stats the initiator computes for each target.

Plain data with `to_message`/`from_message`, so that every object crosses ports as a JSON-able dict.

A batch is four jobs on one target. They land in the order hack, weakhack, grow, weakgrow, `spacing` ms apart:
the hack takes money and adds security, weakhack removes that security, grow puts the money back and weakgrow
removes the grow's security. The batch id is the time its weakhack starts (ms on the scripts' shared clock).
"""

from hwgw.game.core.worker import LATE

HACK = "hack"
WEAKHACK = "weakhack"
GROW = "grow"
WEAKGROW = "weakgrow"
WORKER_RAM = {HACK: 1.70, WEAKHACK: 1.75, GROW: 1.75, WEAKGROW: 1.75}
WORKER_FUNCTION = {HACK: "hack", WEAKHACK: "weaken", GROW: "grow", WEAKGROW: "weaken"}
WORKER_SCRIPT = {HACK: "hwgw/workers/hack.js", WEAKHACK: "hwgw/workers/weaken.js",
                 GROW: "hwgw/workers/grow.js", WEAKGROW: "hwgw/workers/weaken.js"}

# Landing offset of each command from the weakhack's landing, in units of the landing spacing.
LANDING_SLOT = {HACK: -1, WEAKHACK: 0, GROW: 1, WEAKGROW: 2}

FAILED = "failed"  # the runner could not exec the job


class BatchStats:
    """One target's batch: threads per command, RAM, times and expected money, for one player level.

    The target part (money, security, growth, the grow log `growLog`) and the BitNode's multipliers
    (`bitNodeMultipliers`, for the prep) are fixed for a run; the player part (level, hack percent and chance, times,
    threads, RAM) is refreshed when the hacking level changes.
    """

    def __init__(self, target, moneyMax, minDifficulty, requiredHackingSkill, serverGrowth, growLog, fraction):
        self.target = target
        self.moneyMax = moneyMax
        self.minDifficulty = minDifficulty
        self.requiredHackingSkill = requiredHackingSkill
        self.serverGrowth = serverGrowth
        self.growLog = growLog
        self.fraction = fraction
        self.bitNodeMultipliers = {}
        self.level = 0
        self.levelGain = 0
        self.percent = 0.0
        self.chance = 0.0
        self.threads = {}
        self.times = {}
        self.ram = 0.0
        self.money = 0.0

    def duration(self, command):
        """Milliseconds the command's call takes at minimum security."""
        return self.times[WORKER_FUNCTION[command]]

    def job_ram(self, command):
        return self.threads[command] * WORKER_RAM[command]

    def to_message(self):
        return {"target": self.target, "moneyMax": self.moneyMax, "minDifficulty": self.minDifficulty,
                "requiredHackingSkill": self.requiredHackingSkill, "serverGrowth": self.serverGrowth,
                "growLog": self.growLog, "fraction": self.fraction, "bitNodeMultipliers": dict(self.bitNodeMultipliers),
                "level": self.level, "levelGain": self.levelGain,
                "percent": self.percent, "chance": self.chance, "threads": dict(self.threads),
                "times": dict(self.times), "ram": self.ram, "money": self.money}


def stats_from_message(body):
    stats = BatchStats(body["target"], body["moneyMax"], body["minDifficulty"], body["requiredHackingSkill"],
                       body["serverGrowth"], body["growLog"], body["fraction"])
    stats.bitNodeMultipliers = dict(body["bitNodeMultipliers"])
    stats.level = body["level"]
    stats.levelGain = body["levelGain"]
    stats.percent = body["percent"]
    stats.chance = body["chance"]
    stats.threads = dict(body["threads"])
    stats.times = dict(body["times"])
    stats.ram = body["ram"]
    stats.money = body["money"]
    return stats


class Job:
    """One worker run: where it runs, when it must start and land, and the telemetry that comes back.

    `startTime` is the latest moment the call may start to land on time; the worker waits the rest with
    additionalMsec. Telemetry fields follow the batch design notes: execStart/execFinish around exec, pid,
    the worker's own startTime/endTime (kept as `started`/`ended`, `startTime` being the planned one) and the
    call's result.
    """

    def __init__(self, command, threads, host, startTime, expectedFinish):
        self.command = command
        self.threads = threads
        self.host = host
        self.startTime = startTime
        self.expectedFinish = expectedFinish
        self.scheduled = False
        self.bookedFrom = startTime  # the RAM pool holds the job's RAM from here ...
        self.bookedUntil = expectedFinish  # ... to here
        self.tolerance = 0.0  # ms the worker may start late and still run (its landing is that much later)
        self.launchedAt = 0.0  # when the batcher decided to launch it
        self.burst = 0  # how many jobs were launched with it at once (0: on its own)
        self.pid = 0
        self.execStart = 0.0
        self.execFinish = 0.0
        self.started = 0.0
        self.ended = 0.0
        self.result = None
        self.done = False

    def ram(self):
        return self.threads * WORKER_RAM[self.command]


class Batch:
    """A batch as the RAM pool sees it: id, target, total RAM and RAM per node, plus its jobs."""

    def __init__(self, id, target, jobs, kind="batch"):
        self.id = id
        self.target = target
        self.jobs = jobs
        self.kind = kind
        self.nodes: dict[str, float] = {}
        self.totalRamRequired = 0.0
        for command in jobs:
            job = jobs[command]
            self.totalRamRequired += job.ram()
            self.nodes[job.host] = self.nodes.get(job.host, 0.0) + job.ram()
        self.decided = {}

    def scheduled(self, command):
        """Launched and not known to have failed (started too late, or not started at all)."""
        if command not in self.jobs or not self.jobs[command].scheduled:
            return False
        result = self.jobs[command].result
        return result is None or (result != LATE and result != FAILED)

    def decide(self, command, launched):
        """Record that `command` was launched, or will never be (skipped, late, cancelled)."""
        self.decided[command] = launched
        if launched:
            self.jobs[command].scheduled = True

    def undecide(self, command):
        """A launch the game refused: `command` is to be decided again."""
        self.decided.pop(command)
        self.jobs[command].scheduled = False

    def finished(self):
        """Every command decided, and every launched one reported back."""
        for command in self.jobs:
            if command not in self.decided:
                return False
            job = self.jobs[command]
            if job.scheduled and not job.done:
                return False
        return True
