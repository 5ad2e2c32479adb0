"""The batcher's cycle on a fake clock: the four rules, landing order, the RAM pool and desync handling."""

import pytest

from hwgw.game.core import planner
from hwgw.game.core.model import GROW, HACK, LATE, WEAKGROW, WEAKHACK
from hwgw.game.core.pool import RamPool
from hwgw.game.core.schedule import BATCH, PREP, RECOVER, Batcher

PHANTASY = {"hostname": "phantasy", "moneyMax": 600e6, "minDifficulty": 7, "serverGrowth": 35,
            "requiredHackingSkill": 100, "hasAdminRights": True}
PLAYER = {"skills": {"hacking": 500, "intelligence": 0}, "mults": {}}
SPACING = 5
LOOKAHEAD = 60
GUARD = 1
CYCLE = 20


def make(pool_gb=2048.0, nodes=4):
    stats = planner.new_stats(PHANTASY, PLAYER, 0.05)
    pool = RamPool({f"pserv-{i}": pool_gb / nodes for i in range(nodes)})
    return Batcher(stats, pool, pool.total(), SPACING, LOOKAHEAD, GUARD), stats, pool


class Drive:
    """Runs cycles every CYCLE ms and lands launched jobs at their expected finish, in time order."""

    def __init__(self, batcher, late=(), unprepped_after=None):
        self.batcher = batcher
        self.now = 0.0
        self.launches = []  # [time, batch id, command]
        self.flying = []  # [finish, batch id, command]
        self.landed = []
        self.late = set(late)
        self.unprepped_after = unprepped_after
        self.max_reserved = 0.0

    def state(self):
        if self.unprepped_after is not None and self.now >= self.unprepped_after:
            return 7.5, 600e6
        return 7, 600e6

    def run(self, until):
        while self.now < until:
            self.flying.sort()
            while self.flying and self.flying[0][0] <= self.now:
                finish, batch_id, command = self.flying.pop(0)
                self.landed.append([finish, batch_id, command])
                security, money = self.state()
                self.batcher.report(batch_id, command, {"startTime": 0, "endTime": finish, "result": 1.0,
                                                        "pid": 1}, security, money)
            security, money = self.state()
            for batch, command in self.batcher.cycle(self.now, security, money):
                self.launches.append([self.now, batch.id, command])
                job = batch.jobs[command]
                assert job.startTime >= self.now
                if (batch.id, command) in self.late:
                    self.batcher.report(batch.id, command, {"startTime": self.now, "endTime": self.now,
                                                            "result": LATE, "pid": 1}, security, money)
                else:
                    self.flying.append([job.expectedFinish, batch.id, command])
            self.max_reserved = max(self.max_reserved, self.batcher.pool.reserved)
            assert self.batcher.pool.overcommitted() == []
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


def test_ram_is_reserved_for_the_whole_batch_and_released_at_its_end():
    batcher, stats, pool = make(pool_gb=3 * 1024.0, nodes=3)
    drive = Drive(batcher)
    drive.run(2.5 * stats.times["weaken"])
    in_flight = batcher.in_flight()
    assert pool.reserved == pytest.approx(in_flight * stats.ram)
    assert pool.totalRamAvailable == pytest.approx(pool.total() - in_flight * stats.ram)


def test_weakhack_creates_a_batch_only_if_memory_allows():
    batcher, stats, pool = make(pool_gb=stats_ram() * 2.5, nodes=1)
    batcher.period = 100
    drive = Drive(batcher)
    drive.run(2 * stats.times["weaken"])
    assert batcher.counts["memorySkips"] > 0
    assert drive.max_reserved <= 2 * stats.ram + 1e-6


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


def test_landing_on_an_unprepped_server_skips_hacks_and_preps_again():
    batcher, stats, pool = make()
    drive = Drive(batcher, unprepped_after=1.5 * stats.times["weaken"])
    drive.run(1.5 * stats.times["weaken"] + 2 * batcher.period)
    assert batcher.mode == RECOVER
    assert batcher.desyncs["unprepped"] >= 1
    hacks_at_detection = len([row for row in drive.launches if row[2] == HACK])
    drive.run(1.5 * stats.times["weaken"] + stats.times["hack"])
    assert len([row for row in drive.launches if row[2] == HACK]) == hacks_at_detection
    assert batcher.desyncs["skippedHacks"] > 0
    drive.run(3 * stats.times["weaken"])
    assert batcher.counts["prepRounds"] >= 1
    assert batcher.mode == PREP


def test_nothing_starts_between_a_hack_landing_and_its_weaken():
    batcher, stats, pool = make()
    drive = Drive(batcher)
    drive.run(2 * stats.times["weaken"])
    hack_lands = {row[1]: row[0] for row in drive.landed if row[2] == HACK}
    weaken_lands = {row[1]: row[0] for row in drive.landed if row[2] == WEAKHACK}
    for when, _, _ in drive.launches:
        for b in hack_lands:
            assert not (hack_lands[b] - GUARD <= when <= weaken_lands[b] + GUARD)
