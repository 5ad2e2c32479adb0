"""The RAM pool: each job's reservation covers its own interval, and no node is ever booked over its capacity."""

import random

import pytest

from hwgw.game.core.model import GROW, HACK, WEAKGROW, WEAKHACK, Job
from hwgw.game.core.pool import RamPool


def job(command, threads, start, end):
    made = Job(command, threads, None, start, end)
    made.bookedFrom = start
    made.bookedUntil = end
    return made


def test_jobs_that_do_not_overlap_in_time_share_a_node():
    pool = RamPool({"a": 100})
    first = job(GROW, 30, 0, 10)  # 52.5 GB
    second = job(GROW, 30, 10, 20)
    assert pool.book([first]) and pool.book([second])
    assert first.host == second.host == "a"
    assert not pool.book([job(GROW, 30, 5, 15)])


def test_a_later_booking_inside_the_interval_counts():
    pool = RamPool({"a": 100})
    assert pool.book([job(GROW, 30, 50, 60)])
    # Free at 0, but the booking at 50 leaves too little for [0, 100).
    assert not pool.book([job(GROW, 30, 0, 100)])
    assert pool.book([job(GROW, 20, 0, 100)])  # 35 GB: 52.5 + 35 <= 100
    assert pool.overcommitted(55) == []


def test_a_batch_is_booked_whole_or_not_at_all():
    pool = RamPool({"a": 100, "b": 10})
    jobs = [job(GROW, 50, 0, 10), job(HACK, 5, 0, 10), job(WEAKHACK, 40, 0, 10)]
    assert not pool.book(jobs)
    assert pool.bookings == {"a": [], "b": []}


def test_first_fit_smallest_node_first_and_release():
    pool = RamPool({"big": 1000, "small": 20})
    small = job(HACK, 10, 0, 10)  # 17 GB: fits both, the small node comes first
    big = job(GROW, 100, 0, 10)
    other = job(HACK, 10, 0, 10)  # no longer fits on small
    assert pool.book([small, big]) and pool.book([other])
    assert small.host == "small" and big.host == "big" and other.host == "big"
    assert not pool.book([job(GROW, 470, 0, 10)])  # 822.5 GB: more than big has left
    pool.cancel(other)
    pool.at(5)
    assert pool.reserved == 17 + 175
    assert pool.ramPool == {"big": 825, "small": 3}
    pool.cancel(big)
    pool.at(6)
    assert pool.reserved == 17
    pool.at(10)
    assert pool.reserved == 0 and pool.bookings == {"big": [], "small": []}
    assert pool.peak == 17 + 175


def test_small_jobs_leave_the_large_node_whole_for_a_job_only_it_can_hold():
    pool = RamPool({"big": 1024, "a": 64, "b": 64})
    weakens = [job(WEAKHACK, 30, 0, 100) for _ in range(4)]  # 52.5 GB each: one per small node, then big
    assert pool.book(weakens[:2])
    assert {weakens[0].host, weakens[1].host} == {"a", "b"}
    assert pool.book([job(GROW, 585, 0, 100)])  # 1023.75 GB: only the whole big node holds it


WEAKEN_MS = 80000
# A mid-game batch of the bitnode scenario: threads, duration and landing offset (ms) of each job.
BATCH = {HACK: (72, WEAKEN_MS / 4, -20), WEAKHACK: (3, WEAKEN_MS, 0), GROW: (62, WEAKEN_MS * 0.8, 20),
         WEAKGROW: (5, WEAKEN_MS, 40)}
AHEAD_MS = 2000  # a job's RAM is booked from this long before its start


def batches_held(nodes, period, until=400000):
    """Batches booked once the pool is full, when one is tried every `period` ms and, without the RAM, an eighth of a
    period later (as the batcher does)."""
    pool = RamPool(nodes)
    start = AHEAD_MS
    held = 0
    while start < until:
        pool.at(start - AHEAD_MS)
        jobs = []
        for command in BATCH.keys():
            threads, duration, offset = BATCH[command]
            lands = start + WEAKEN_MS + offset
            jobs.append(job(command, threads, lands - duration - AHEAD_MS, lands + 150))
        if pool.book(jobs):
            held += start >= 3 * WEAKEN_MS
            start += period
        else:
            start += period / 8
    return held


def test_thirteen_1_tb_nodes_hold_a_stream_of_batches_as_one_node_of_their_size_would():
    """At a period that asks for 97% of the pool, one 13 TB node holds the batches of a steady stream; first fit on
    thirteen 1 TB nodes holds as many (best fit held 86% of them: RAM freed by a landing stayed idle)."""
    one = batches_held({"one": 13 * 1024}, 880)
    assert one == pytest.approx((400000 - 3 * WEAKEN_MS) / 880, abs=1)
    assert batches_held({f"pserv-{index}": 1024 for index in range(13)}, 880) >= 0.98 * one


def test_a_rescan_grows_the_pool_and_a_gone_node_takes_nothing_new():
    pool = RamPool({"a": 10.0, "b": 10.0})
    held = job(GROW, 4, 0, 100)  # 7 GB
    assert pool.book([held]) and held.host in ("a", "b")
    gone = "b" if held.host == "a" else "a"
    pool.resize({held.host: 10.0, "c": 1024.0})
    assert pool.total() == 1034.0
    assert pool.free_now() == {held.host: 3.0, gone: 0.0, "c": 1024.0}
    big = job(GROW, 200, 0, 100)  # 350 GB
    assert pool.book([big]) and big.host == "c"
    small = job(HACK, 1, 0, 100)  # 1.7 GB: the smallest node that still has room
    assert pool.book([small]) and small.host == held.host
    pool.reserve("c", 5.05, 0, 50)
    pool.at(10)
    assert pool.ramPool["c"] == pytest.approx(1024.0 - 355.05)
    pool.at(60)
    assert pool.ramPool["c"] == pytest.approx(1024.0 - 350.0)


def test_the_busiest_moment_of_an_interval_is_the_most_booked_at_any_instant_of_it():
    rng = random.Random(7)
    pool = RamPool({"a": 1e9})
    for _ in range(300):
        start = rng.randrange(0, 1000)
        pool.bookings["a"].append([start, start + rng.randrange(1, 300), rng.choice([1.7, 1.75, 3.5, 50.0]), None])
    for _ in range(200):
        start = rng.randrange(-50, 1300)
        end = start + rng.randrange(1, 400)
        # Bookings start and end on whole milliseconds: every instant of [start, end) is one of start..end-1.
        expected = max(pool.used("a", moment) for moment in range(start, end))
        assert pool.busiest("a", start, end) == pytest.approx(expected)
