"""The local hacking formulas against values worked out from the reference formulas by hand."""

import math

import pytest

from hwgw.game.core import formulas


@pytest.mark.parametrize("security, multipliers", [
    (5, [1.0035, 1.00701225]),
    (10, [1.003, 1.006009, 1.009027027, 1.012054108081]),
])
def test_grow_multiplier_matches_the_game_test_vectors(security, multipliers):
    k = formulas.grow_log(security, 100)
    for threads, expected in enumerate(multipliers, 1):
        assert math.exp(k * threads) == pytest.approx(expected, rel=1e-12)


def test_grow_log_cap_binds_below_security_8_57():
    assert formulas.grow_log(8, 100) == pytest.approx(math.log(1.0035), rel=1e-15)
    assert formulas.grow_log(9, 100) == pytest.approx(math.log(1 + 0.03 / 9))


def test_grow_log_core_bonus_and_growth():
    assert formulas.grow_log(5, 20, cores=4) == pytest.approx(math.log(1.0035) * 0.2 * (1 + 3 / 16))


def brute_force_grow_threads(start, target, k):
    n = 0
    while (start + n) * math.exp(k * n) < target:
        n += 1
    return n


@pytest.mark.parametrize("start, target, security, growth", [
    (0, 1e6, 5, 20), (1, 1e6, 10, 50), (5e8, 6e8, 7, 35), (9e8, 1e9, 3, 100), (123456, 62.5e6, 5, 20),
    (62.5e6 * 0.90275, 62.5e6, 5, 20), (999.0, 1000.0, 20, 1),
])
def test_grow_threads_is_the_least_whole_number_that_reaches_the_target(start, target, security, growth):
    k = formulas.grow_log(security, growth)
    assert formulas.grow_threads(start, target, k, target) == brute_force_grow_threads(start, target, k)


def test_grow_threads_clamps():
    k = formulas.grow_log(5, 20)
    assert formulas.grow_threads(2e6, 1e6, k, 5e6) == 0
    assert formulas.grow_threads(1e6, 9e6, k, 5e6) == brute_force_grow_threads(1e6, 5e6, k)


def test_hack_numbers_for_phantasy_at_500():
    # phantasy: required 100, min security 7. By hand from the reference formulas:
    # time = 5 * (2.5*100*7 + 500) / (500 + 50) s = 20.4545... s
    assert formulas.hack_time(500, 100, 7) == pytest.approx(5 * 2250 / 550 * 1000)
    # percent = 0.93 * 401/500 / 240; chance = (875 - 100)/875 * 0.93
    assert formulas.hack_percent(500, 100, 7) == pytest.approx(0.93 * 401 / 500 / 240)
    assert formulas.hack_chance(500, 100, 7) == pytest.approx(775 / 875 * 0.93)


def test_hack_limits():
    assert formulas.hack_chance(500, 100, 100) == 0
    assert formulas.hack_percent(500, 100, 100) == 0
    assert formulas.hack_chance(10000, 1, 1, chance_mult=2) == 1.0
    assert formulas.hack_chance(10, 500, 1) == 0.0


def test_intelligence_and_speed():
    base = formulas.hack_time(500, 100, 7)
    assert formulas.hack_time(500, 100, 7, speed_mult=2) == pytest.approx(base / 2)
    assert formulas.hack_time(500, 100, 7, intelligence=100) == pytest.approx(base / (1 + 100 ** 0.8 / 600))


def test_weaken_threads():
    assert formulas.weaken_threads(0.054) == 2
    assert formulas.weaken_threads(0.05) == 1
    assert formulas.weaken_threads(0.588) == 12
    assert formulas.weaken_threads(0) == 0
    assert formulas.weaken_threads(0.1, cores=4) == math.ceil(0.1 / (0.05 * (1 + 3 / 16)))
