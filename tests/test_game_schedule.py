"""The batcher's cycle on a fake clock: the four rules, landing order, the RAM pool and desync handling."""

import pytest

from hwgw.game.core import planner
from hwgw.game.core.model import GROW, HACK, LATE, WEAKGROW, WEAKHACK
from hwgw.game.core.pool import RamPool
from hwgw.game.core.schedule import BATCH, OVERDUE_MS, PREP, Batcher
from hwgw.game.core.timing import Timing

PHANTASY = {"hostname": "phantasy", "moneyMax": 600e6, "minDifficulty": 7, "serverGrowth": 35,
            "requiredHackingSkill": 100, "hasAdminRights": True}
PLAYER = {"skills": {"hacking": 500, "intelligence": 0}, "mults": {}}
SPACING = 5
GUARD = SPACING
CYCLE = 20
LEAD = 5


def make(pool_gb=2048.0, nodes=4, lead=LEAD):
    stats = planner.new_stats(PHANTASY, PLAYER, 0.05)
    pool = RamPool({f"pserv-{i}": pool_gb / nodes for i in range(nodes)})
    timing = Timing({"spacing": SPACING, "cycle": CYCLE, "lead": lead})
    return Batcher(stats, pool, pool.total(), timing), stats, pool


class Drive:
    """Runs cycles every CYCLE ms and lands launched jobs at their expected finish, in time order.

    With `latency`, each worker's first line comes that many ms after the launch (a late one within its tolerance
    calls at once and lands that much later, as the worker does), and the lead adapts as in the orchestrator.
    """

    def __init__(self, batcher, late=(), unprepped=None, wake_when_due=False, latency=0.0):
        self.batcher = batcher
        self.latency = latency
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

    def land(self):
        """Land and report, in time order, every job due by now."""
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
            job = self.batcher.batches[batch_id].jobs[command]
            self.batcher.report(batch_id, command, {"startTime": job.first_line, "endTime": finish,
                                                    "result": result, "pid": 1})

    def run(self, until):
        while self.now < until:
            self.land()
            security, money = self.state()
            if self.batcher.timing.adapt():
                self.batcher.retime()
            for batch, command in self.batcher.cycle(self.now, security, money):
                self.launches.append([self.now, batch.id, command])
                job = batch.jobs[command]
                assert job.startTime >= self.now
                first_line = self.now + self.latency
                if (batch.id, command) in self.late or first_line > job.startTime + job.tolerance:
                    self.batcher.report(batch.id, command, {"startTime": first_line, "endTime": first_line,
                                                            "result": LATE, "pid": 1})
                else:
                    job.first_line = first_line
                    self.flying.append([job.expectedFinish + max(0.0, first_line - job.startTime), batch.id,
                                        command])
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
    drive.now = batcher.quiet_after(drive.now)
    drive.land()
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


def test_a_weaken_held_up_by_a_page_stall_is_waited_for_not_taken_for_a_desync():
    """The page stalls past a hack's landing and its weaken's; the game then runs the overdue hack, the batcher's
    cycle, and only then the weaken, so security reads one hack high at a quiet moment. Only a weaken overdue by
    more than OVERDUE_MS makes it a desync."""
    batcher, stats, pool = make()
    drive = Drive(batcher)
    drive.run(stats.times["weaken"] + 10 * batcher.period)
    drive.flying.sort()
    hack = next(row for row in drive.flying if row[2] == HACK)
    weaken = next(row for row in drive.flying if row[1] == hack[1] and row[2] == WEAKHACK)
    raised = 7 + 0.002 * stats.threads[HACK]

    def land_all_but(rows, moment):
        drive.now = moment
        held = [row for row in drive.flying if row in rows]
        drive.flying = [row for row in drive.flying if row not in rows]
        drive.land()
        drive.flying += held

    after_stall = batcher.quiet_after(weaken[0] + GUARD + 1)
    land_all_but([row for row in drive.flying if row > hack], hack[0])
    assert batcher.quiet(after_stall)
    assert batcher.cycle(after_stall, raised, 600e6) == []
    assert batcher.desyncs["unprepped"] == 0
    much_later = batcher.quiet_after(weaken[0] + OVERDUE_MS + 1)
    land_all_but([weaken], much_later)
    assert batcher.cycle(much_later, raised, 600e6) == []
    assert batcher.desyncs["unprepped"] == 1


def test_a_prep_round_weakens_then_grows_at_the_start_security():
    batcher, stats, pool = make()
    launches = batcher.cycle(0, 20, 1e6)
    preps = []
    for batch, command in launches:
        if batch.kind == PREP and batch not in preps:
            preps.append(batch)
    assert len(preps) == 4
    assert sum(b.jobs[WEAKHACK].threads for b in preps if WEAKHACK in b.jobs) == 260
    assert pool.overcommitted(0) == []
    # Every first weaken lands, then each grow right before the weaken that removes its security, SPACING apart,
    # so every grow lands at minimum security.
    landings = sorted((b.jobs[c].expectedFinish, c, b.id) for b in preps for c in b.jobs)
    kinds = [c for _, c, _ in landings]
    firsts = kinds.count(WEAKHACK)
    assert kinds[:firsts] == [WEAKHACK] * firsts
    pairs = landings[firsts:]
    assert [c for _, c, _ in pairs] == [GROW, WEAKGROW] * (len(pairs) // 2)
    assert all(pairs[i][2] == pairs[i + 1][2] for i in range(0, len(pairs), 2))
    gaps = [b[0] - a[0] for a, b in zip(landings, landings[1:])]
    assert min(gaps) == pytest.approx(SPACING)
    # Durations at security 20, not 7: (2.5*100*20 + 500) / (2.5*100*7 + 500) times longer.
    assert landings[0][0] == pytest.approx(LEAD + stats.times["weaken"] * 5500 / 2250)
    assert batcher.cycle(1000, 20, 1e6) == []
    for batch, command in launches:
        batcher.report(batch.id, command, {"startTime": 0, "endTime": 1, "result": 1.0, "pid": 1})
    assert batcher.in_flight() == 0
    pool.at(1000)
    assert pool.reserved == pytest.approx(0)


def test_the_round_that_completes_the_prep_launches_whole_batches_landing_right_behind_it():
    batcher, stats, pool = make(pool_gb=16384.0, nodes=8)
    slow = 5500 / 2250  # security 20 against 7, as above
    launches = batcher.cycle(0, 20, 1e6)
    prep_end = max(b.jobs[c].expectedFinish for b, c in launches if b.kind == PREP)
    behind = [b for b, c in launches if b.kind == BATCH and c == WEAKHACK]
    assert len(behind) > 3
    for batch in behind:
        # All four launched now, each timed at security 20, landing in order a spacing apart.
        assert sorted(c for b, c in launches if b is batch) == sorted([HACK, WEAKHACK, GROW, WEAKGROW])
        for command in batch.jobs:
            job = batch.jobs[command]
            assert job.expectedFinish - job.startTime == pytest.approx(stats.duration(command) * slow)
            assert job.tolerance == SPACING / 2
        lands = sorted((batch.jobs[c].expectedFinish, c) for c in batch.jobs)
        assert [c for _, c in lands] == [HACK, WEAKHACK, GROW, WEAKGROW]
    first_hack = min(b.jobs[HACK].expectedFinish for b in behind)
    assert prep_end < first_hack <= prep_end + 2 * SPACING + GUARD
    weaken_lands = sorted(b.jobs[WEAKHACK].expectedFinish for b in behind)
    assert [b - a for a, b in zip(weaken_lands, weaken_lands[1:])] == pytest.approx([batcher.period] * (len(behind) - 1))
    # They fill no more than one weaken time behind the prep: batches launched after it land from then on.
    assert weaken_lands[-1] - weaken_lands[0] <= stats.duration(WEAKHACK)
    assert pool.overcommitted(0) == []


def test_from_an_unprepped_target_the_first_hack_lands_one_start_weaken_time_after_the_start():
    batcher, stats, pool = make(pool_gb=16384.0, nodes=8)
    slow = 5500 / 2250
    drive = Drive(batcher)
    drive.state = lambda: (20, 1e6) if drive.now < LEAD + stats.times["weaken"] * slow else (7, 600e6)
    drive.run(stats.times["weaken"] * (slow + 2))
    hacks = sorted(row for row in drive.landed if row[2] == HACK)
    assert hacks[0][0] <= stats.times["weaken"] * slow + 60000
    # Every batch, behind the prep or after it, lands in order, and batches never interleave.
    complete = [b for b, rows in by_batch(drive.landed).items() if len(rows) == 4 and batcher_kind(rows)]
    assert len(complete) > 20
    order = [row[1] for row in sorted(row for row in drive.landed if row[1] in complete)]
    assert order == sorted(order, key=lambda b: min(r[0] for r in by_batch(drive.landed)[b]))
    for b in complete:
        assert [row[2] for row in sorted(by_batch(drive.landed)[b])] == [HACK, WEAKHACK, GROW, WEAKGROW]
    assert batcher.mode == BATCH
    assert batcher.desyncs == {"late": 0, "unprepped": 0, "skippedHacks": 0}


def batcher_kind(rows):
    return HACK in [row[2] for row in rows]


def test_batching_starts_after_the_last_prep_round_once_the_target_reads_prepped():
    batcher, stats, pool = make(pool_gb=400.0, nodes=1)
    launches = batcher.cycle(0, 7, 300e6)
    assert launches and all(b.kind == PREP for b, _ in launches)  # too little RAM to launch batches behind it
    for batch, command in launches:
        batcher.report(batch.id, command, {"startTime": 0, "endTime": 1, "result": 1.0, "pid": 1})
    assert [c for b, c in batcher.cycle(2000, 7, 600e6)] == [WEAKHACK, WEAKGROW]
    assert batcher.mode == BATCH


@pytest.mark.parametrize("lead", [LEAD, 60])
def test_no_worker_starts_between_a_hack_landing_and_its_weaken(lead):
    batcher, stats, pool = make(lead=lead)
    drive = Drive(batcher, latency=lead)
    drive.run(2 * stats.times["weaken"])
    hack_lands = {row[1]: row[0] for row in drive.landed if row[2] == HACK}
    weaken_lands = {row[1]: row[0] for row in drive.landed if row[2] == WEAKHACK}
    assert len(hack_lands) > 15
    for when, _, _ in drive.launches:
        # The worker's call begins somewhere in [launch, launch + lead]: all of it in quiet.
        for b in hack_lands:
            assert weaken_lands[b] + GUARD <= when or when + lead <= hack_lands[b] - GUARD


def test_the_lead_follows_the_latency_the_workers_report():
    batcher, stats, pool = make()
    drive = Drive(batcher, latency=80)
    drive.run(3 * stats.times["weaken"])
    # 1.5 times the p99 of the latencies seen: every one is 80 ms here.
    assert batcher.timing.lead == pytest.approx(120)
    assert batcher.period >= 5 * SPACING + 120 + CYCLE
    # Only the first jobs, launched before any report came back, could be late; none was dropped after.
    late_before = batcher.desyncs["late"]
    drive.run(5 * stats.times["weaken"])
    assert batcher.desyncs["late"] == late_before
    complete = [b for b, rows in by_batch(drive.landed).items() if len(rows) == 4]
    assert len(complete) > 20


def test_a_launch_a_little_late_is_shifted_and_its_batch_stays_in_order():
    batcher, stats, pool = make()
    drive = Drive(batcher)
    drive.run(1.2 * stats.times["weaken"])
    batch = batcher.queues[HACK][0]
    start = batcher.start_of(batch, HACK)
    # The cycle comes 2 ms too late for the hack's lead: it still goes, 2 ms later, between its weakens.
    launches = batcher.cycle(start - LEAD + 2, 7, 600e6)
    hacks = [b for b, c in launches if b is batch and c == HACK]
    assert hacks == [batch]
    job = batch.jobs[HACK]
    assert job.expectedFinish == pytest.approx(batch.jobs[WEAKHACK].expectedFinish - SPACING + 2)
    assert batcher.counts["shifted"] == 1


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
