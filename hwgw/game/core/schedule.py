"""The batcher's cycle: which command to launch now, for which batch, under the four rules.

One `Batcher` per target. Each cycle, every command whose latest start time falls within the look-ahead is
launched (the worker waits the rest with additionalMsec), provided its rule holds:

- weakhack creates the batch, if the RAM pool can hold the whole batch;
- weakgrow needs the batch's weakhack scheduled;
- grow needs both weakens scheduled;
- hack needs both weakens and the grow scheduled (and no desync correction in force).

A launch leaves at least the lead (see `timing`) before its start time, for the path to the worker. A command whose
start has come closer than that is shifted later by up to half a spacing, which keeps its batch in order, and is
dropped beyond that. Weakens and grow start long before the hack, so a batch that loses a part never hacks. A
call's duration is fixed by the security at the moment it starts, so nothing is launched while a hack or grow of
this target may land before its weaken within the next lead: the cycle waits for a quiet moment instead.

A launch the game refuses (its node's RAM is still held by the job before, which has landed but not yet ended) is
launched again at the next quiet moment until its start has passed (a worker a little late still runs; later, it
does nothing and says so), and given up after that.

Prep rounds use the pool at once: every first weaken, then grow with its weaken. The round that completes the prep
also launches whole batches, timed at the round's security, to land right behind it, so the first money comes one
weaken time after the start. Every batch lands after the one before it.

Desyncs are detected and reported: a worker that started too late (it does nothing), a hack that landed on a server
not at maximum money and minimum security (it took less than planned), and security above minimum at a moment when
every weaken has caught up. The corrections skip hacks: after an unprepped landing no hack is launched until the
target reads max money at a quiet moment (the batches go on without hacks, so their grows restore it); while
security reads high nothing is launched at all, and once nothing is in flight the target is prepped again. Jobs on
a server that is gone (a deleted purchased server) are written off, and hacks are skipped the same way.
"""

import math

from hwgw.game.core.model import FAILED, GROW, HACK, LANDING_SLOT, LATE, WEAKGROW, WEAKHACK, Batch, Job
from hwgw.game.core.planner import batch_period, player_numbers, prep_threads, slowdown, split_prep

PREP = "prep"
BATCH = "batch"
SECURITY_TOLERANCE = 1e-4
MONEY_TOLERANCE = 1e-6
PREP_TOLERANCE = 3600000  # ms a prep worker may start late and still run: its round only ends later
OVERDUE_MS = 5000  # ms a weaken may be overdue and unreported before high security counts as a desync


def prep_slot(command, index, count):
    """Landing slot of node `index`'s command in a prep round over `count` nodes: the first weakens, then grow and
    weaken pairs."""
    if command == WEAKHACK:
        return index
    return count + 2 * index + (1 if command == WEAKGROW else 0)


class Batcher:
    def __init__(self, stats, pool, pool_share, timing):
        self.stats = stats
        self.target = stats.target
        self.pool = pool
        self.pool_share = pool_share
        self.timing = timing
        self.spacing = timing.spacing
        self.period = batch_period(stats, pool_share, timing, list(pool.capacity.values()))
        self.mode = PREP
        self.nextStart = 0
        self.lastLanding = 0.0  # weakhack landing of the latest batch: the next one lands at least a period later
        self.batches = {}
        # Batches waiting for a decision on a command, in the order of that command's start times.
        self.queues: dict[str, list[Batch]] = {WEAKGROW: [], GROW: [], HACK: []}
        # [from, to] of each hack -> weakhack and grow -> weakgrow landing pair in flight, in landing order.
        self.windows: dict[str, list[list[float]]] = {HACK: [], GROW: []}
        self.cycles = {"total": 0, "totalMs": 0.0}
        self.desyncs = {"late": 0, "unprepped": 0, "skippedHacks": 0}
        self.counts = {"batches": 0, "memorySkips": 0, "missed": 0, "shifted": 0, "prepRounds": 0, "hacks": 0,
                       "execFailures": 0, "execRefusals": 0, "writtenOff": 0, "jobs": 0, "landed": 0}
        self.money = 0.0
        self.firstHack = 0.0  # when the first hack landed (0: none yet), for the income since then
        self.notes = []
        self.refused: list[tuple[Batch, str]] = []  # (batch, command) the game refused to start (see `started`)
        self.elevated = False
        self.skipping = False
        self.skipUntil = 0.0  # hacks stay skipped until then at least: the landing of the last job written off

    # stats

    def refresh(self, stats):
        """New stats for a new player level: later launches use them; jobs in flight keep their times."""
        self.stats = stats
        self.retime()

    def retime(self):
        """The period again, after the stats or the lead changed."""
        self.period = batch_period(self.stats, self.pool_share, self.timing, list(self.pool.capacity.values()))

    # the cycle

    def start_of(self, batch, command):
        """Latest start of a command with the current stats: its landing time less its duration."""
        return batch.jobs[command].expectedFinish - self.stats.duration(command)

    def quiet(self, now):
        """True when a call started now runs at the security of a quiet target (see `quiet_after`)."""
        return self.quiet_after(now) == now

    def quiet_after(self, now):
        """The first moment from `now` on when no hack or grow of this target lands without its weaken within the
        next lead (each landing pair widened by the guard): a worker launched then starts its call in quiet."""
        guard = self.timing.guard
        reach = self.timing.lead
        for kind in [HACK, GROW]:
            windows = self.windows[kind]
            while len(windows) > 0 and windows[0][1] + guard < now:
                windows.pop(0)
        moment = now
        moved = True
        while moved:
            moved = False
            for kind in [HACK, GROW]:
                for pair in self.windows[kind]:
                    if pair[0] - guard > moment + reach:
                        break
                    if moment < pair[1] + guard:
                        moment = pair[1] + guard
                        moved = True
        return moment

    def prep_in_flight(self):
        count = 0
        for key in self.batches.keys():
            if self.batches[key].kind == PREP:
                count += 1
        return count

    def due(self, now):
        """When the next cycle has something to do (launch, decide, prep); `now` if already."""
        if (self.mode != BATCH and self.prep_in_flight() == 0) or len(self.refused) > 0:
            return self.quiet_after(now)
        moment = now + 3600000
        lookahead = self.timing.lookahead()
        if self.mode == BATCH:
            moment = min(moment, self.nextStart - lookahead)
        for command in [WEAKGROW, GROW, HACK]:
            queue = self.queues[command]
            if len(queue) > 0:
                moment = min(moment, self.start_of(queue[0], command) - lookahead)
        return max(self.quiet_after(now), moment)

    def cycle(self, now, security, money):
        """Jobs to launch now, as a list of [batch, command]; `security`/`money` are the target's current values."""
        launches: list[list[Batch | str]] = []
        if not self.quiet(now):
            return launches
        prepped = security <= self.stats.minDifficulty + SECURITY_TOLERANCE
        full = money >= self.stats.moneyMax * (1 - MONEY_TOLERANCE)
        if self.mode == PREP:
            if self.prep_in_flight() > 0:
                return launches
            if prepped and full:
                self.mode = BATCH
                self.nextStart = now + self.timing.lead
            elif len(self.batches) == 0:
                return self.prep(now, security, money)
            else:
                return launches
        if not prepped:
            if self.weaken_overdue(now):
                return launches
            return self.hold(now, security, launches)
        self.elevated = False
        if self.skipping and full and now > self.skipUntil:
            self.skipping = False
            self.notes.append(f"{self.target} reads prepped again; hacking resumes")
        self.relaunch(now, launches)
        horizon = now + self.timing.lookahead()
        self.nextStart = max(self.nextStart, self.lastLanding + self.period - self.stats.duration(WEAKHACK))
        while self.nextStart <= horizon:
            start = max(self.nextStart, now + self.timing.lead)
            if not self.create(start, now, launches):
                self.nextStart = start + self.period / 8
                break
            self.nextStart = start + self.period
        self.decide_pending(now, launches)
        return launches

    def weaken_overdue(self, now):
        """True when a weaken of this target was due to land by now and has not reported. After a page stall the
        game runs its overdue timers in order, and this script's may come between a hack and its weaken: security
        reads high then with the weaken about to land."""
        for key in self.batches.keys():
            batch = self.batches[key]
            for command in [WEAKHACK, WEAKGROW]:
                if batch.scheduled(command) and not batch.jobs[command].done:
                    lands = batch.jobs[command].expectedFinish
                    if now - OVERDUE_MS < lands and lands <= now:
                        return True
        return False

    def hold(self, now, security, launches):
        """Security above minimum while no landing pair is in progress: launch nothing (a call started now would
        run long), let what comes due be missed, and prep again once nothing is in flight."""
        if not self.elevated:
            self.elevated = True
            self.desyncs["unprepped"] += 1
            self.notes.append(f"desync: {self.target} is at security {security:.3f} (min {self.stats.minDifficulty}) "
                              "with no landing in progress; holding launches")
        self.relaunch(now, launches, False)
        self.decide_pending(now, launches, False)
        if len(self.batches) == 0:
            self.mode = PREP
        return launches

    def launch(self, batch, command, now, launches) -> Job:
        batch.decide(command, True)
        batch.jobs[command].launchedAt = now
        self.counts["jobs"] += 1
        launches.append([batch, command])
        return batch.jobs[command]

    def new_id(self, start):
        """A batch's id: the time its weakhack starts, in whole ms (one more if another batch has it)."""
        batch_id = round(start)
        while batch_id in self.batches:
            batch_id += 1
        return batch_id

    def plan_jobs(self, weaken_lands, now, factor, from_launch):
        """The four jobs of a batch whose weakhack lands at `weaken_lands`, for calls `factor` times as long as at
        minimum security. RAM is held from now for the weakhack (and every job of a batch launched whole), and
        from its earliest launch for the others."""
        stats = self.stats
        jobs = {}
        for command in LANDING_SLOT.keys():
            lands = weaken_lands + LANDING_SLOT[command] * self.spacing
            job = Job(command, stats.threads[command], None, lands - stats.duration(command) * factor, lands)
            job.bookedFrom = now if from_launch or command == WEAKHACK else job.startTime - self.timing.lookahead()
            job.bookedUntil = self.timing.held_until(lands)
            job.tolerance = self.spacing / 2
            jobs[command] = job
        return jobs

    def create(self, start, now, launches):
        """Weakhack's rule: the batch exists only if the pool can hold every job of it over its own interval.
        Without the RAM, the batch is tried again an eighth of a period later."""
        weaken_lands = start + self.stats.duration(WEAKHACK)
        jobs = self.plan_jobs(weaken_lands, now, 1, False)
        if not self.pool.book([jobs[command] for command in jobs.keys()]):
            self.counts["memorySkips"] += 1
            return False
        batch = Batch(self.new_id(start), self.target, jobs)
        self.batches[batch.id] = batch
        self.counts["batches"] += 1
        self.lastLanding = weaken_lands
        self.launch(batch, WEAKHACK, now, launches)
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
        lead = self.timing.lead
        horizon = now + self.timing.lookahead()
        for command in [WEAKGROW, GROW, HACK]:
            queue = self.queues[command]
            while len(queue) > 0 and self.start_of(queue[0], command) <= horizon:
                batch = queue.pop(0)
                job = batch.jobs[command]
                if job.result == FAILED:  # written off: its node is gone
                    self.close(batch)
                    continue
                job.startTime = self.start_of(batch, command)
                if not allowed and job.startTime > now + lead + self.timing.lookahead() / 2:
                    queue.insert(0, batch)
                    break
                short = now + lead - job.startTime
                if allowed and 0 < short and short <= self.spacing / 2:
                    job.startTime += short
                    job.expectedFinish += short
                    self.counts["shifted"] += 1
                if job.startTime < now + lead or not allowed:
                    self.counts["missed"] += 1
                    batch.decide(command, False)
                    self.pool.cancel(job)
                elif self.rule(batch, command):
                    self.launch(batch, command, now, launches)
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

        All the first weakens land first, then each node's grow followed by its weaken, `spacing` ms apart, so that
        every grow lands at minimum security. The round that places every thread the prep needs also launches the
        batches that land right behind it.
        """
        server = {"minDifficulty": self.stats.minDifficulty, "serverGrowth": self.stats.serverGrowth,
                  "moneyMax": self.stats.moneyMax}
        player = {"skills": {"hacking": self.stats.level}, "bitNodeMultipliers": self.stats.bitNodeMultipliers}
        needed = prep_threads(server, player, security, money)
        parts = split_prep(needed, self.pool.free_now(), self.pool_share, player_numbers(player)["ServerWeakenRate"])
        factor = slowdown(self.stats, security)
        count = len(parts)
        size = 3 * count + 4 * math.floor(self.stats.duration(WEAKHACK) / max(1, self.period))
        first_lands = now + self.timing.burst_lead(size) + self.stats.times["weaken"] * factor
        launches: list[list[Batch | str]] = []
        burst: list[Job] = []
        last = now
        placed = {WEAKHACK: 0, GROW: 0}
        for index in range(count):
            host = parts[index][0]
            threads = parts[index][1]
            jobs = {}
            for command in [WEAKHACK, GROW, WEAKGROW]:
                if threads[command] > 0:
                    lands = first_lands + prep_slot(command, index, count) * self.spacing
                    duration = self.stats.times["grow" if command == GROW else "weaken"] * factor
                    job = Job(command, threads[command], host, lands - duration, lands)
                    job.bookedFrom = now
                    job.bookedUntil = self.timing.held_until(lands)
                    job.tolerance = PREP_TOLERANCE
                    self.pool.book_on(host, job)
                    jobs[command] = job
                    last = max(last, lands)
            for command in placed.keys():
                placed[command] += threads[command]
            batch = Batch(self.new_id(now), self.target, jobs, PREP)
            self.batches[batch.id] = batch
            if GROW in jobs:
                self.windows[GROW].append([jobs[GROW].expectedFinish, jobs[WEAKGROW].expectedFinish])
            for command in [WEAKHACK, WEAKGROW, GROW]:
                if command in jobs:
                    burst.append(self.launch(batch, command, now, launches))
            batch.decide(HACK, False)
        if count > 0:
            self.counts["prepRounds"] += 1
            if placed[WEAKHACK] >= needed[WEAKHACK] and placed[GROW] >= needed[GROW]:
                self.launch_behind(now, last, factor, launches, burst)
        for job in burst:
            job.burst = len(burst)
        return launches

    def launch_behind(self, now, after, factor, launches, burst):
        """Whole batches launched with the last prep round, timed at its security, landing a period apart right
        behind it (`after`). They stop where batches launched after the prep can land, or where RAM runs out."""
        if self.period <= 0:
            return
        count = math.floor(self.stats.duration(WEAKHACK) / self.period)
        for index in range(count):
            weaken_lands = after + 3 * self.spacing + index * self.period
            jobs = self.plan_jobs(weaken_lands, now, factor, True)
            if not self.pool.book([jobs[command] for command in jobs.keys()]):
                break
            batch = Batch(self.new_id(jobs[WEAKHACK].startTime), self.target, jobs)
            self.batches[batch.id] = batch
            self.counts["batches"] += 1
            self.lastLanding = weaken_lands
            for command in [WEAKHACK, WEAKGROW, GROW, HACK]:
                burst.append(self.launch(batch, command, now, launches))
            self.windows[HACK].append([jobs[HACK].expectedFinish, weaken_lands])
            self.windows[GROW].append([jobs[GROW].expectedFinish, jobs[WEAKGROW].expectedFinish])

    # reports

    def started(self, batch_id, command, pid, exec_start, exec_finish, now):
        """The runner's answer to a launch: the pid, and exec's start and finish times. Pid 0: the game refused it,
        most often because the job before it on that node has landed but not yet ended; a batch's job is launched
        again at the next quiet moment until its start has passed (`relaunch`)."""
        batch = self.batches.get(batch_id)
        if batch is None or command not in batch.jobs:
            return None
        job = batch.jobs[command]
        job.pid = pid
        job.execStart = exec_start
        job.execFinish = exec_finish
        if pid == 0:
            if self.mode == BATCH and batch.kind == BATCH and job.startTime > now:
                batch.undecide(command)
                self.refused.append((batch, command))
                self.counts["execRefusals"] += 1
                return None
            self.fail(batch, job)
        return self.close(batch)

    def abandon(self, batch, job):
        """A job that will never run or report: its batch goes on without it (the rules drop its hack)."""
        job.result = FAILED
        job.done = True
        batch.decide(job.command, False)
        self.pool.cancel(job)

    def fail(self, batch, job):
        """A job the game would not start."""
        self.abandon(batch, job)
        self.counts["execFailures"] += 1
        self.notes.append(f"{job.command} of batch {batch.id} on {self.target} could not start on {job.host} "
                          "(not enough RAM there, or no such file)")

    def write_off(self, hosts):
        """Jobs on servers that are gone (a purchased server is deleted once its scripts are killed) will never
        report: each counts as failed, so its batch drops its hack if not yet launched. A weaken or grow that never
        lands leaves the target off its prepped state when it was due, so hacks are held until the last of them
        was due and the target reads prepped again."""
        self.refused = [(batch, command) for batch, command in self.refused if batch.jobs[command].host not in hosts]
        lost = 0
        for batch_id in list(self.batches.keys()):
            batch = self.batches[batch_id]
            for command in batch.jobs.keys():
                job = batch.jobs[command]
                if job.host in hosts and not job.done:
                    self.abandon(batch, job)
                    self.skipUntil = max(self.skipUntil, job.expectedFinish)
                    lost += 1
            self.close(batch)
        if lost > 0:
            self.skipping = True
            self.counts["writtenOff"] += lost
            self.notes.append(f"{', '.join(hosts)} gone: {lost} job(s) on {self.target} written off; "
                              "hacks held until it reads prepped")

    def relaunch(self, now, launches, allowed=True):
        """Launch again each refused job until its start has passed, then give it up (all of them when not
        `allowed`: security is high). Called at quiet moments only, as every launch is, so that its call's duration
        is the planned one."""
        for batch, command in self.refused:
            job = batch.jobs[command]
            if allowed and job.startTime > now:
                self.launch(batch, command, now, launches)
            else:
                self.fail(batch, job)
                self.close(batch)
        self.refused = []

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
        if job.burst > 0:
            self.timing.observe_burst(job.launchedAt, job.burst, job.started - job.launchedAt)
        elif job.launchedAt > 0:
            self.timing.observe(job.started - job.launchedAt)
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
        if batch.kind == BATCH and batch.scheduled(HACK) and batch.jobs[HACK].done:
            self.counts["landed"] += 1
        return batch

    def in_flight(self):
        return len(self.batches)
