"""The RAM pool: each job's reservation covers its own interval, and no node is ever booked over its capacity."""

import pytest

from hwgw.game.core.model import GROW, HACK, WEAKHACK, Job
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


def test_best_fit_and_release():
    pool = RamPool({"big": 1000, "small": 20})
    small = job(HACK, 10, 0, 10)  # 17 GB: fits both, best fit is small
    big = job(GROW, 100, 0, 10)
    assert pool.book([small, big])
    assert small.host == "small" and big.host == "big"
    pool.at(5)
    assert pool.reserved == 17 + 175
    assert pool.ramPool == {"big": 825, "small": 3}
    pool.cancel(big)
    pool.at(6)
    assert pool.reserved == 17
    pool.at(10)
    assert pool.reserved == 0 and pool.bookings == {"big": [], "small": []}
    assert pool.peak == 17 + 175


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
    assert not pool.book([job(HACK, 1, 0, 100)]) or pool.free_now()[gone] == 0.0
    pool.reserve("c", 5.05, 0, 50)
    pool.at(10)
    assert pool.ramPool["c"] == pytest.approx(1024.0 - 355.05)
    pool.at(60)
    assert pool.ramPool["c"] == pytest.approx(1024.0 - 350.0)
