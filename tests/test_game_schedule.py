"""The batcher's cycle on a fake clock: the four rules, landing order, the RAM pool and desync handling."""

import pytest

from hwgw.game.core import planner
from hwgw.game.core.model import GROW, HACK, LATE, WEAKGROW, WEAKHACK
from hwgw.game.core.pool import RamPool
from hwgw.game.core.schedule import BATCH, PREP, Batcher

PHANTASY = {"hostname": "phantasy", "moneyMax": 600e6, "minDifficulty": 7, "serverGrowth": 35,
            "requiredHackingSkill": 100, "hasAdminRights": True}
PLAYER = {"skills": {"hacking": 500, "intelligence": 0}, "mults": {}}
SPACING = 5
LOOKAHEAD = 5 + 2 * 20 + 6 * SPACING + 4
GUARD = SPACING
CYCLE = 20


def make(pool_gb=2048.0, nodes=4):
    stats = planner.new_stats(PHANTASY, PLAYER, 0.05)
    pool = RamPool({f"pserv-{i}": pool_gb / nodes for i in range(nodes)})
    return Batcher(stats, pool, pool.total(), SPACING, LOOKAHEAD, GUARD), stats, pool


class Drive:
    """Runs cycles every CYCLE ms and lands launched jobs at their expected finish, in time order."""

    def __init__(self, batcher, late=(), unprepped=None, wake_when_due=False):
        self.batcher = batcher
        self.now = 0.0
        self.launches = []  # [time, batch id, command]
        self.flying = []  # [finish, batch id, command]
        self.landed = []
        self.late = set(late)
        self.unprepped = unprepped
        self.max_reserved = 0.0
        self.wake_when_due = wake_when_due

    def short(self):
        return self.unprepped is not None and self.unprepped[0] <= self.now < self.unprepped[1]

    def state(self):
        return 7, 590e6 if self.short() else 600e6

    def run(self, until):
        while self.now < until:
            self.flying.sort()
            while self.flying and self.flying[0][0] <= self.now:
                finish, batch_id, command = self.flying.pop(0)
                self.landed.append([finish, batch_id, command])
                result = 1.0
                if command == HACK:
                    stats = self.batcher.stats
                    result = stats.moneyMax * stats.percent * stats.threads[HACK]
                    if self.short():
                        result *= 0.9
                self.batcher.report(batch_id, command, {"startTime": 0, "endTime": finish, "result": result,
                                                        "pid": 1})
            security, money = self.state()
            for batch, command in self.batcher.cycle(self.now, security, money):
                self.launches.append([self.now, batch.id, command])
                job = batch.jobs[command]
                assert job.startTime >= self.now
                if (batch.id, command) in self.late:
                    self.batcher.report(batch.id, command, {"startTime": self.now, "endTime": self.now,
                                                            "result": LATE, "pid": 1})
                else:
                    self.flying.append([job.expectedFinish, batch.id, command])
            self.batcher.pool.at(self.now)
            self.max_reserved = max(self.max_reserved, self.batcher.pool.reserved)
            assert self.batcher.pool.overcommitted(self.now) == []
            if self.wake_when_due:
                due = self.batcher.due(self.now)
                landing = min([f[0] for f in self.flying], default=due)
                self.now = max(self.now + 1, min(due, landing, self.now + 1000))
            else:
                self.now += CYCLE


def by_batch(rows):
    out = {}
    for row in rows:
        out.setdefault(row[1], []).append(row)
    return out


def test_steady_state_launch_and_landing_order():
    batcher, stats, pool = make()
    drive = Drive(batcher)
    drive.run(3 * stats.times["weaken"])
    assert batcher.mode == BATCH
    launched = by_batch(drive.launches)
    landed = by_batch(drive.landed)
    complete = [b for b in landed if len(landed[b]) == 4]
    assert len(complete) > 20
    for b in complete:
        assert [row[2] for row in launched[b]] == [WEAKHACK, WEAKGROW, GROW, HACK]
        rows = sorted(landed[b])
        assert [row[2] for row in rows] == [HACK, WEAKHACK, GROW, WEAKGROW]
        assert [rows[i + 1][0] - rows[i][0] for i in range(3)] == pytest.approx([SPACING] * 3)
    # Landings of different batches never interleave.
    order = [row[1] for row in sorted(drive.landed)]
    assert order == sorted(order)
    assert batcher.desyncs == {"late": 0, "unprepped": 0, "skippedHacks": 0}
    assert drive.max_reserved <= pool.total()


def test_each_job_runs_inside_its_reservation():
    batcher, stats, pool = make(pool_gb=3 * 1024.0, nodes=3)
    drive = Drive(batcher)
    jobs = {}
    original = batcher.cycle

    def cycle(now, security, money):
        launches = original(now, security, money)
        for batch, command in launches:
            jobs[(batch.id, command)] = (now, batch.jobs[command])
        return launches

    batcher.cycle = cycle
    drive.run(2.5 * stats.times["weaken"])
    assert len(jobs) > 100
    for launched, job in jobs.values():
        assert job.bookedFrom <= launched
        assert job.expectedFinish <= job.bookedUntil
    # Reserved now is exactly the RAM of the jobs whose reservation covers now.
    covering = sum(job.ram() for launched, job in jobs.values()
                   if job.bookedFrom <= drive.now < job.bookedUntil and not job.done)
    pool.at(drive.now)
    assert pool.reserved == pytest.approx(covering)


def test_weakhack_creates_a_batch_only_if_memory_allows():
    batcher, stats, pool = make(pool_gb=stats_ram() * 2.5, nodes=1)
    batcher.period = 100
    drive = Drive(batcher)
    drive.run(2 * stats.times["weaken"])
    assert batcher.counts["memorySkips"] > 0
    assert drive.max_reserved <= stats_ram() * 2.5 + 1e-6


def stats_ram():
    return planner.new_stats(PHANTASY, PLAYER, 0.05).ram


def test_a_late_weaken_cancels_its_batch_hack():
    batcher, stats, pool = make()
    first = Drive(batcher)
    first.run(CYCLE)
    batch_id = first.launches[0][1]
    batcher2, stats, pool = make()
    drive = Drive(batcher2, late=[(batch_id, WEAKHACK)])
    drive.run(2 * stats.times["weaken"])
    commands = [row[2] for row in by_batch(drive.launches)[batch_id]]
    assert GROW not in commands and HACK not in commands
    assert batcher2.desyncs["late"] == 1
    others = [b for b, rows in by_batch(drive.launches).items() if b != batch_id and len(rows) == 4]
    assert len(others) > 0


def test_a_hack_landing_on_an_unprepped_server_skips_hacks_until_it_reads_prepped():
    batcher, stats, pool = make(pool_gb=8192.0, nodes=8)
    begin = 1.5 * stats.times["weaken"]
    end = begin + stats.times["hack"]
    drive = Drive(batcher, unprepped=(begin, end))
    drive.run(begin + 2 * batcher.period)
    assert batcher.skipping
    # Every hack already in flight lands on the unprepped server, and each is reported.
    assert batcher.desyncs["unprepped"] >= 1
    hacks_at_detection = len([row for row in drive.launches if row[2] == HACK])
    batches_at_detection = batcher.counts["batches"]
    drive.run(end - CYCLE)
    assert len([row for row in drive.launches if row[2] == HACK]) == hacks_at_detection
    assert batcher.counts["batches"] > batches_at_detection
    assert batcher.desyncs["skippedHacks"] > 0
    drive.run(end + 2 * stats.times["weaken"])
    assert not batcher.skipping
    assert len([row for row in drive.launches if row[2] == HACK]) > hacks_at_detection
    assert batcher.mode == BATCH
    assert batcher.counts["prepRounds"] == 0


def test_security_above_minimum_at_a_quiet_moment_holds_launches_and_preps_when_drained():
    batcher, stats, pool = make()
    drive = Drive(batcher)
    drive.run(stats.times["weaken"])
    assert batcher.cycle(drive.now, 7.5, 600e6) == []
    assert batcher.cycle(drive.now + CYCLE, 7.5, 600e6) == []
    assert batcher.desyncs["unprepped"] == 1
    assert batcher.in_flight() > 0
    later = drive.now + 2 * stats.times["weaken"]
    for batch in list(batcher.batches.values()):
        for command in list(batch.jobs):
            if batch.jobs[command].scheduled and not batch.jobs[command].done:
                batcher.report(batch.id, command, {"startTime": 0, "endTime": later, "result": 0, "pid": 1})
    assert batcher.cycle(later, 7.5, 600e6) == []
    assert batcher.in_flight() == 0
    assert batcher.mode == PREP
    assert len(batcher.cycle(later + CYCLE, 7.5, 600e6)) > 0
    assert batcher.counts["prepRounds"] == 1


def test_prep_rounds_until_the_server_is_prepped():
    batcher, stats, pool = make()
    launches = batcher.cycle(0, 20, 1e6)
    batches = []
    for batch, command in launches:
        if batch not in batches:
            batches.append(batch)
    assert len(batches) == 4
    assert sum(b.jobs[WEAKHACK].threads for b in batches if WEAKHACK in b.jobs) == 260
    assert pool.overcommitted(0) == []
    # Every first weaken lands, then every grow, then every second weaken, SPACING apart.
    landings = sorted((b.jobs[c].expectedFinish, c) for b in batches for c in b.jobs)
    kinds = [c for _, c in landings]
    assert kinds == sorted(kinds, key=[WEAKHACK, GROW, WEAKGROW].index)
    gaps = [b[0] - a[0] for a, b in zip(landings, landings[1:])]
    assert min(gaps) == pytest.approx(SPACING)
    # Durations at security 20, not 7: (2.5*100*20 + 500) / (2.5*100*7 + 500) times longer.
    assert landings[0][0] == pytest.approx(stats.times["weaken"] * 5500 / 2250)
    assert batcher.cycle(1000, 20, 1e6) == []
    for batch, command in launches:
        batcher.report(batch.id, command, {"startTime": 0, "endTime": 1, "result": 1.0, "pid": 1})
    assert batcher.in_flight() == 0
    pool.at(1000)
    assert pool.reserved == pytest.approx(0)
    assert [c for b, c in batcher.cycle(2000, 7, 600e6)] == [WEAKHACK, WEAKGROW]
    assert batcher.mode == BATCH


def test_nothing_starts_between_a_hack_landing_and_its_weaken():
    batcher, stats, pool = make()
    drive = Drive(batcher)
    drive.run(2 * stats.times["weaken"])
    hack_lands = {row[1]: row[0] for row in drive.landed if row[2] == HACK}
    weaken_lands = {row[1]: row[0] for row in drive.landed if row[2] == WEAKHACK}
    for when, _, _ in drive.launches:
        for b in hack_lands:
            assert not (hack_lands[b] - GUARD <= when <= weaken_lands[b] + GUARD)


def test_waking_only_when_due_misses_nothing():
    batcher, stats, pool = make()
    drive = Drive(batcher, wake_when_due=True)
    drive.run(3 * stats.times["weaken"])
    assert batcher.counts["missed"] == 0
    assert batcher.desyncs == {"late": 0, "unprepped": 0, "skippedHacks": 0}
    launched = by_batch(drive.launches)
    complete = [b for b, rows in launched.items() if len(rows) == 4]
    assert len(complete) > 20
    # Far fewer cycles than one every CYCLE ms.
    assert len({row[0] for row in drive.launches}) < 3 * stats.times["weaken"] / CYCLE / 4
