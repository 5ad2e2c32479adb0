"""The batcher's cycle: which command to launch now, for which batch, under the four rules.

One `Batcher` per target. Each cycle, every command whose latest start time falls within the look-ahead is
launched (the worker waits the rest with additionalMsec), provided its rule holds:

- weakhack creates the batch, if the RAM pool can hold the whole batch;
- weakgrow needs the batch's weakhack scheduled;
- grow needs both weakens scheduled;
- hack needs both weakens and the grow scheduled (and no desync correction in force).

Weakens and grow start long before the hack, so a batch that loses a part never hacks. A call's duration is fixed
by the security at the moment it starts, so nothing is launched while a hack or grow of this target has landed and
its weaken has not yet: the cycle waits for a quiet moment instead.

Desyncs are detected and reported: a worker that started too late (it does nothing), a hack that landed on a server
not at maximum money and minimum security (it took less than planned), and security above minimum at a moment when
every weaken has caught up. The correction is to skip hacks: no hack is launched and no batch created while
recovering; once nothing is in flight the target is checked and prepped again if needed.
"""

from hwgw.game.core import formulas
from hwgw.game.core.model import (GROW, HACK, LANDING_SLOT, LATE, WEAKGROW, WEAKHACK, WORKER_RAM, Batch, Job)
from hwgw.game.core.planner import batch_period, prep_threads

PREP = "prep"
BATCH = "batch"
RECOVER = "recover"
SECURITY_TOLERANCE = 1e-4
MONEY_TOLERANCE = 1e-6


class Batcher:
    def __init__(self, stats, pool, pool_share, spacing, lookahead, guard):
        self.stats = stats
        self.target = stats.target
        self.pool = pool
        self.pool_share = pool_share
        self.spacing = spacing
        self.lookahead = lookahead
        self.guard = guard
        self.period = batch_period(stats, pool_share, spacing, lookahead)
        self.mode = PREP
        self.nextStart = None
        self.batches = {}
        self.cycles = {"total": 0, "totalMs": 0.0}
        self.desyncs = {"late": 0, "unprepped": 0, "skippedHacks": 0}
        self.counts = {"batches": 0, "memorySkips": 0, "missed": 0, "prepRounds": 0, "hacks": 0}
        self.money = 0.0
        self.notes = []

    # stats

    def refresh(self, stats):
        """New stats for a new player level: later launches use them; jobs in flight keep their times."""
        self.stats = stats
        self.period = batch_period(stats, self.pool_share, self.spacing, self.lookahead)

    # the cycle

    def quiet(self, now):
        """True when no hack or grow of this target has landed without its weaken landing yet (with a guard)."""
        for id in self.batches.keys():
            batch = self.batches[id]
            for pair in [[HACK, WEAKHACK], [GROW, WEAKGROW]]:
                if batch.scheduled(pair[0]) and batch.jobs[pair[0]].expectedFinish - self.guard <= now \
                        and now <= batch.jobs[pair[1]].expectedFinish + self.guard:
                    return False
        return True

    def cycle(self, now, security, money):
        """Jobs to launch now, as a list of [batch, command]; `security`/`money` are the target's current values."""
        launches = []
        if not self.quiet(now):
            return launches
        prepped = security <= self.stats.minDifficulty + SECURITY_TOLERANCE
        if self.mode == PREP or self.mode == RECOVER:
            if len(self.batches) == 0:
                if prepped and money >= self.stats.moneyMax * (1 - MONEY_TOLERANCE):
                    self.mode = BATCH
                    self.nextStart = now
                else:
                    self.mode = PREP
                    return self.prep(now, security, money)
            else:
                self.decide_pending(now, launches)
                return launches
        if not prepped:
            self.desyncs["unprepped"] += 1
            self.notes.append(f"desync: {self.target} is at security {security:.3f} (min {self.stats.minDifficulty}) "
                              "between landings; skipping hacks and prepping again")
            self.mode = RECOVER
            self.decide_pending(now, launches)
            return launches
        horizon = now + self.lookahead
        while self.nextStart <= horizon:
            start = self.nextStart
            self.nextStart += self.period
            if start >= now:
                self.create(start, launches)
        self.decide_pending(now, launches)
        return launches

    def create(self, start, launches):
        stats = self.stats
        weaken_lands = start + stats.duration(WEAKHACK)
        rams = {}
        for command in LANDING_SLOT.keys():
            rams[command] = stats.job_ram(command)
        hosts = self.pool.place(rams)
        if hosts is None:
            self.counts["memorySkips"] += 1
            return
        jobs = {}
        for command in LANDING_SLOT.keys():
            lands = weaken_lands + LANDING_SLOT[command] * self.spacing
            jobs[command] = Job(command, stats.threads[command], hosts[command], lands - stats.duration(command),
                                lands)
        batch = Batch(round(start), self.target, jobs)
        self.pool.reserve(batch)
        self.batches[batch.id] = batch
        self.counts["batches"] += 1
        batch.decide(WEAKHACK, True)
        launches.append([batch, WEAKHACK])

    def rule(self, batch, command):
        if command == WEAKGROW:
            return batch.scheduled(WEAKHACK)
        if command == GROW:
            return batch.scheduled(WEAKHACK) and batch.scheduled(WEAKGROW)
        if command == HACK:
            return (self.mode == BATCH and batch.scheduled(WEAKHACK) and batch.scheduled(WEAKGROW)
                    and batch.scheduled(GROW))
        return False

    def decide_pending(self, now, launches):
        """Launch or drop every command whose start is within the look-ahead, by the rules, in start order."""
        horizon = now + self.lookahead
        for id in sorted(self.batches.keys(), key=lambda key: float(key)):
            batch = self.batches[id]
            for command in [WEAKGROW, GROW, HACK]:
                if command in batch.decided or command not in batch.jobs:
                    continue
                job = batch.jobs[command]
                job.startTime = job.expectedFinish - self.stats.duration(command)
                if job.startTime > horizon:
                    continue
                if job.startTime < now:
                    self.counts["missed"] += 1
                    batch.decide(command, False)
                elif self.rule(batch, command):
                    batch.decide(command, True)
                    launches.append([batch, command])
                else:
                    if command == HACK:
                        self.desyncs["skippedHacks"] += 1
                    batch.decide(command, False)
        self.close_finished()

    def prep(self, now, security, money):
        """One prep round: weaken to min, grow to max, weaken again, all started now at the current security."""
        free = 0.0
        for host in self.pool.ramPool.keys():
            free = max(free, self.pool.ramPool[host])
        server = {"minDifficulty": self.stats.minDifficulty, "serverGrowth": self.stats.serverGrowth,
                  "moneyMax": self.stats.moneyMax}
        player = {"skills": {"hacking": self.stats.level}}
        threads = prep_threads(server, player, security, money, min(free, self.pool_share))
        level = self.stats.level
        required = self.stats.requiredHackingSkill
        factor = formulas.hack_time(level, required, security) \
            / formulas.hack_time(level, required, self.stats.minDifficulty)
        weaken_lands = now + self.stats.times["weaken"] * factor
        rams = {}
        jobs = {}
        for command in [WEAKHACK, GROW, WEAKGROW]:
            if threads[command] > 0:
                rams[command] = threads[command] * WORKER_RAM[command]
        hosts = self.pool.place(rams)
        if hosts is None or len(rams) == 0:
            return []
        for command in rams.keys():
            lands = weaken_lands + LANDING_SLOT[command] * self.spacing
            duration = self.stats.times["grow" if command == GROW else "weaken"] * factor
            jobs[command] = Job(command, threads[command], hosts[command], lands - duration, lands)
        batch = Batch(round(now), self.target, jobs, PREP)
        self.pool.reserve(batch)
        self.batches[batch.id] = batch
        self.counts["prepRounds"] += 1
        launches = []
        for command in [WEAKHACK, WEAKGROW, GROW]:
            if command in jobs:
                batch.decide(command, True)
                launches.append([batch, command])
        batch.decide(HACK, False)
        return launches

    # reports

    def report(self, batch_id, command, telemetry):
        """A worker's telemetry; returns the batch it finished, if any."""
        batch = self.batches.get(batch_id)
        if batch is None or command not in batch.jobs:
            return None
        job = batch.jobs[command]
        job.done = True
        job.started = telemetry["startTime"]
        job.ended = telemetry["endTime"]
        job.result = telemetry["result"]
        job.pid = telemetry["pid"]
        if job.result == LATE:
            self.desyncs["late"] += 1
            self.notes.append(f"desync: {command} of batch {batch_id} on {self.target} started too late, "
                              "its batch skips its hack")
        elif command == HACK:
            self.money += job.result
            self.counts["hacks"] += 1
            self.check_hack(batch, job)
        return self.close_finished()

    def check_hack(self, batch, job):
        """A successful hack on a prepped server takes exactly threads × percent of the maximum money."""
        expected = self.stats.moneyMax * job.threads * self.stats.percent
        if job.result <= 0 or job.result >= expected * (1 - MONEY_TOLERANCE):
            return
        self.desyncs["unprepped"] += 1
        self.notes.append(f"desync: the hack of batch {batch.id} on {self.target} landed on an unprepped server "
                          f"(took {job.result:.0f} of {expected:.0f}); skipping hacks and prepping again")
        self.mode = RECOVER

    def close_finished(self):
        """Release the RAM of every batch whose jobs are all decided and back; return the last one closed."""
        closed = None
        for id in list(self.batches.keys()):
            batch = self.batches[id]
            if batch.finished():
                self.pool.release(batch)
                del self.batches[id]
                closed = batch
        return closed

    def in_flight(self):
        return len(self.batches)
