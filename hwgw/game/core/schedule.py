"""The batcher's cycle: which command to launch now, for which batch, under the four rules.

One `Batcher` per target. Each cycle, every command whose latest start time falls within the look-ahead is
launched (the worker waits the rest with additionalMsec), provided its rule holds:

- weakhack creates the batch, if the RAM pool can hold the whole batch;
- weakgrow needs the batch's weakhack scheduled;
- grow needs both weakens scheduled;
- hack needs both weakens and the grow scheduled (and no desync correction in force).

A launch needs `lead` ms before its start time (the message to the runner and exec take a moment in the game).
Weakens and grow start long before the hack, so a batch that loses a part never hacks. A call's duration is fixed
by the security at the moment it starts, so nothing is launched while a hack or grow of this target has landed and
its weaken has not yet: the cycle waits for a quiet moment instead.

Desyncs are detected and reported: a worker that started too late (it does nothing), a hack that landed on a server
not at maximum money and minimum security (it took less than planned), and security above minimum at a moment when
every weaken has caught up. The corrections skip hacks: after an unprepped landing no hack is launched until the
target reads max money at a quiet moment (the batches go on without hacks, so their grows restore it); while
security reads high nothing is launched at all, and once nothing is in flight the target is prepped again.
"""

from hwgw.game.core import formulas
from hwgw.game.core.model import FAILED, GROW, HACK, LANDING_SLOT, LATE, WEAKGROW, WEAKHACK, Batch, Job
from hwgw.game.core.planner import batch_period, prep_threads, split_prep

PREP = "prep"
BATCH = "batch"
SECURITY_TOLERANCE = 1e-4
MONEY_TOLERANCE = 1e-6


class Batcher:
    def __init__(self, stats, pool, pool_share, spacing, lookahead, guard, lead=0):
        self.stats = stats
        self.target = stats.target
        self.pool = pool
        self.pool_share = pool_share
        self.spacing = spacing
        self.lookahead = lookahead
        self.guard = guard
        self.lead = lead
        self.period = batch_period(stats, pool_share, spacing, lookahead)
        self.mode = PREP
        self.nextStart = 0
        self.batches = {}
        # Batches waiting for a decision on a command, in the order of that command's start times.
        self.queues: dict[str, list[Batch]] = {WEAKGROW: [], GROW: [], HACK: []}
        # [from, to] of each hack -> weakhack and grow -> weakgrow landing pair in flight, in landing order.
        self.windows: dict[str, list[list[float]]] = {HACK: [], GROW: []}
        self.cycles = {"total": 0, "totalMs": 0.0}
        self.desyncs = {"late": 0, "unprepped": 0, "skippedHacks": 0}
        self.counts = {"batches": 0, "memorySkips": 0, "missed": 0, "prepRounds": 0, "hacks": 0, "execFailures": 0}
        self.money = 0.0
        self.firstHack = 0.0  # when the first hack landed (0: none yet), for the income since then
        self.notes = []
        self.elevated = False
        self.skipping = False

    # stats

    def refresh(self, stats):
        """New stats for a new player level: later launches use them; jobs in flight keep their times."""
        self.stats = stats
        self.period = batch_period(stats, self.pool_share, self.spacing, self.lookahead)

    # the cycle

    def start_of(self, batch, command):
        """Latest start of a command with the current stats: its landing time less its duration."""
        return batch.jobs[command].expectedFinish - self.stats.duration(command)

    def quiet(self, now):
        """True when no hack or grow of this target has landed without its weaken landing yet (with a guard)."""
        return self.quiet_after(now) == now

    def quiet_after(self, now):
        """`now` if quiet now, else the end of the landing pair in progress (plus the guard)."""
        for kind in [HACK, GROW]:
            windows = self.windows[kind]
            while len(windows) > 0 and windows[0][1] + self.guard < now:
                windows.pop(0)
            if len(windows) > 0 and windows[0][0] - self.guard <= now:
                return windows[0][1] + self.guard
        return now

    def due(self, now):
        """When the next cycle has something to do (launch, decide, prep); `now` if already."""
        if self.mode != BATCH and len(self.batches) == 0:
            return now
        moment = now + 3600000
        if self.mode == BATCH:
            moment = min(moment, self.nextStart - self.lookahead)
        for command in [WEAKGROW, GROW, HACK]:
            queue = self.queues[command]
            if len(queue) > 0:
                moment = min(moment, self.start_of(queue[0], command) - self.lookahead)
        return max(self.quiet_after(now), moment)

    def cycle(self, now, security, money):
        """Jobs to launch now, as a list of [batch, command]; `security`/`money` are the target's current values."""
        launches: list[list[Batch | str]] = []
        if not self.quiet(now):
            return launches
        prepped = security <= self.stats.minDifficulty + SECURITY_TOLERANCE
        if self.mode == PREP:
            if len(self.batches) == 0:
                if prepped and money >= self.stats.moneyMax * (1 - MONEY_TOLERANCE):
                    self.mode = BATCH
                    self.nextStart = now + self.lead
                else:
                    return self.prep(now, security, money)
            else:
                self.decide_pending(now, launches)
                return launches
        if not prepped:
            return self.hold(now, security, launches)
        self.elevated = False
        if self.skipping and money >= self.stats.moneyMax * (1 - MONEY_TOLERANCE):
            self.skipping = False
            self.notes.append(f"{self.target} reads prepped again; hacking resumes")
        horizon = now + self.lookahead
        while self.nextStart <= horizon:
            start = max(self.nextStart, now + self.lead)
            if not self.create(start, now, launches):
                self.nextStart = start + self.period / 8
                break
            self.nextStart = start + self.period
        self.decide_pending(now, launches)
        return launches

    def hold(self, now, security, launches):
        """Security above minimum while no landing pair is in progress: launch nothing (a call started now would
        run long), let what comes due be missed, and prep again once nothing is in flight."""
        if not self.elevated:
            self.elevated = True
            self.desyncs["unprepped"] += 1
            self.notes.append(f"desync: {self.target} is at security {security:.3f} (min {self.stats.minDifficulty}) "
                              "with no landing in progress; holding launches")
        self.decide_pending(now, launches, False)
        if len(self.batches) == 0:
            self.mode = PREP
        return launches

    def create(self, start, now, launches):
        """Weakhack's rule: the batch exists only if the pool can hold every job of it over its own interval.
        Without the RAM, the batch is tried again an eighth of a period later."""
        stats = self.stats
        weaken_lands = start + stats.duration(WEAKHACK)
        jobs = {}
        for command in LANDING_SLOT.keys():
            lands = weaken_lands + LANDING_SLOT[command] * self.spacing
            job = Job(command, stats.threads[command], None, lands - stats.duration(command), lands)
            job.bookedFrom = now if command == WEAKHACK else job.startTime - self.lookahead
            job.bookedUntil = lands + self.guard + self.lead
            jobs[command] = job
        if not self.pool.book([jobs[command] for command in jobs.keys()]):
            self.counts["memorySkips"] += 1
            return False
        batch = Batch(round(start), self.target, jobs)
        self.batches[batch.id] = batch
        self.counts["batches"] += 1
        batch.decide(WEAKHACK, True)
        launches.append([batch, WEAKHACK])
        for command in [WEAKGROW, GROW, HACK]:
            self.queues[command].append(batch)
        return True

    def rule(self, batch, command):
        """Seed 001's rules: what must be scheduled before `command` may be launched."""
        needs = {WEAKGROW: [WEAKHACK], GROW: [WEAKHACK, WEAKGROW], HACK: [WEAKHACK, WEAKGROW, GROW]}[command]
        if command == HACK and (self.mode != BATCH or self.skipping):
            return False
        for other in needs:
            if not batch.scheduled(other):
                return False
        return True

    def decide_pending(self, now, launches, allowed=True):
        """Launch or drop every command whose start is within the look-ahead, by the rules, in start order.
        With `allowed` false (security is high) every command that would start before the next cycle is dropped."""
        horizon = now + self.lookahead
        for command in [WEAKGROW, GROW, HACK]:
            queue = self.queues[command]
            while len(queue) > 0 and self.start_of(queue[0], command) <= horizon:
                batch = queue.pop(0)
                job = batch.jobs[command]
                job.startTime = self.start_of(batch, command)
                if not allowed and job.startTime > now + self.lead + self.lookahead / 2:
                    queue.insert(0, batch)
                    break
                if job.startTime < now + self.lead or not allowed:
                    self.counts["missed"] += 1
                    batch.decide(command, False)
                    self.pool.cancel(job)
                elif self.rule(batch, command):
                    batch.decide(command, True)
                    launches.append([batch, command])
                    if command == HACK or command == GROW:
                        partner = WEAKHACK if command == HACK else WEAKGROW
                        self.windows[command].append([job.expectedFinish, batch.jobs[partner].expectedFinish])
                else:
                    if command == HACK:
                        self.desyncs["skippedHacks"] += 1
                    batch.decide(command, False)
                    self.pool.cancel(job)
                self.close(batch)

    def prep(self, now, security, money):
        """One prep round, started now at the current security: one prep batch per node used.

        All the first weakens land first, then all the grows, then all their weakens, `spacing` ms apart.
        """
        server = {"minDifficulty": self.stats.minDifficulty, "serverGrowth": self.stats.serverGrowth,
                  "moneyMax": self.stats.moneyMax}
        player = {"skills": {"hacking": self.stats.level}}
        parts = split_prep(prep_threads(server, player, security, money), self.pool.free_now(), self.pool_share)
        level = self.stats.level
        required = self.stats.requiredHackingSkill
        factor = formulas.hack_time(level, required, security) \
            / formulas.hack_time(level, required, self.stats.minDifficulty)
        first_lands = now + self.lead + self.stats.times["weaken"] * factor
        count = len(parts)
        launches = []
        for index in range(count):
            host = parts[index][0]
            threads = parts[index][1]
            jobs = {}
            for command in [WEAKHACK, GROW, WEAKGROW]:
                if threads[command] > 0:
                    lands = first_lands + (LANDING_SLOT[command] * count + index) * self.spacing
                    duration = self.stats.times["grow" if command == GROW else "weaken"] * factor
                    job = Job(command, threads[command], host, lands - duration, lands)
                    job.bookedFrom = now
                    job.bookedUntil = lands + self.guard + self.lead
                    self.pool.book_on(host, job)
                    jobs[command] = job
            batch = Batch(round(now) + index, self.target, jobs, PREP)
            self.batches[batch.id] = batch
            if GROW in jobs:
                self.windows[GROW].append([jobs[GROW].expectedFinish, jobs[WEAKGROW].expectedFinish])
            for command in [WEAKHACK, WEAKGROW, GROW]:
                if command in jobs:
                    batch.decide(command, True)
                    launches.append([batch, command])
            batch.decide(HACK, False)
        if count > 0:
            self.counts["prepRounds"] += 1
        return launches

    # reports

    def started(self, batch_id, command, pid, exec_start, exec_finish):
        """The runner's answer to a launch: the pid, and exec's start and finish times. Pid 0: it never ran."""
        batch = self.batches.get(batch_id)
        if batch is None or command not in batch.jobs:
            return None
        job = batch.jobs[command]
        job.pid = pid
        job.execStart = exec_start
        job.execFinish = exec_finish
        if pid == 0:
            job.result = FAILED
            job.done = True
            self.pool.cancel(job)
            self.counts["execFailures"] += 1
            self.notes.append(f"{command} of batch {batch_id} on {self.target} could not start")
        return self.close(batch)

    def report(self, batch_id, command, telemetry):
        """A worker's telemetry; returns the batch it finished, if any."""
        batch = self.batches.get(batch_id)
        if batch is None or command not in batch.jobs:
            return None
        job = batch.jobs[command]
        job.done = True
        self.pool.cancel(job)
        job.started = telemetry["startTime"]
        job.ended = telemetry["endTime"]
        job.result = telemetry["result"]
        job.pid = telemetry["pid"]
        if job.result == LATE:
            self.desyncs["late"] += 1
            self.notes.append(f"desync: {command} of batch {batch_id} on {self.target} started too late, "
                              "its batch skips its hack")
        elif command == HACK:
            if self.firstHack == 0:
                self.firstHack = job.ended
            self.money += job.result
            self.counts["hacks"] += 1
            self.check_hack(batch, job)
        return self.close(batch)

    def check_hack(self, batch, job):
        """A successful hack on a prepped server takes exactly threads × percent of the maximum money."""
        expected = self.stats.moneyMax * job.threads * self.stats.percent
        if job.result <= 0 or job.result >= expected * (1 - MONEY_TOLERANCE):
            return
        self.desyncs["unprepped"] += 1
        self.notes.append(f"desync: the hack of batch {batch.id} on {self.target} landed on an unprepped server "
                          f"(took {job.result:.0f} of {expected:.0f}); skipping hacks until it reads prepped")
        self.skipping = True

    def close(self, batch):
        """Release the batch's RAM once its jobs are all decided and back; return it then, else None."""
        if batch.id not in self.batches or not batch.finished():
            return None
        self.pool.release(batch)
        self.batches.pop(batch.id)
        return batch

    def in_flight(self):
        return len(self.batches)
