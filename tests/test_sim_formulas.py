"""The hacking mathematics against the game's own test vectors and against figures worked out by hand."""

import math

import pytest

from hwgw.sim import formulas


# test/jest/Grow.test.ts in the game: money multiplier of n grow threads, growth 100, 1 core.
@pytest.mark.parametrize(
    "security, threads, multiplier",
    [
        (5, 1, 1.0035),
        (5, 2, 1.00701225),
        (10, 1, 1.003),
        (10, 2, 1.006009),
        (10, 3, 1.009027027),
        (10, 4, 1.012054108081),
    ],
)
def test_grow_multiplier_matches_the_games_vectors(security, threads, multiplier):
    k = formulas.grow_log(security=security, growth=100)
    assert math.exp(k * threads) == pytest.approx(multiplier, rel=1e-12)


def test_security_below_the_cap_does_not_speed_grow():
    # ln(1 + 0.03/sec) passes the cap ln(1.0035) at sec = 0.03/0.0035 = 8.5714...
    assert formulas.grow_log(security=8, growth=100) == formulas.grow_log(security=1, growth=100)
    assert formulas.grow_log(security=9, growth=100) < formulas.grow_log(security=8, growth=100)


def test_cores_scale_grow_by_the_core_bonus():
    one = formulas.grow_log(security=10, growth=50)
    four = formulas.grow_log(security=10, growth=50, cores=4)
    assert four == pytest.approx(one * (1 + 3 / 16))


@pytest.mark.parametrize(
    "start, target, k",
    [(0, 1e6, math.log(1.003)), (1e5, 2e6, 0.0017), (9.9e8, 1e9, 0.00349388925425578 * 0.2), (1, 1e12, 0.003)],
)
def test_grow_threads_is_the_least_whole_number_that_reaches_the_target(start, target, k):
    n = formulas.grow_threads(start, target, k, money_max=target)
    assert (start + n) * math.exp(k * n) >= target
    assert n == 0 or (start + n - 1) * math.exp(k * (n - 1)) < target


def test_grow_threads_clamps_to_money_max_and_needs_none_when_already_there():
    assert formulas.grow_threads(5e5, 2e6, 0.003, money_max=1e6) == formulas.grow_threads(5e5, 1e6, 0.003, 1e6)
    assert formulas.grow_threads(2e6, 1e6, 0.003, money_max=5e6) == 0


def test_grow_money_adds_one_dollar_per_thread_before_multiplying():
    # A server at $0 still grows: (0 + 10) * e^(10k).
    assert formulas.grow_money(0, 10, 0.003, 1e9) == pytest.approx(10 * math.exp(0.03))
    assert formulas.grow_money(9e8, 10_000, 0.003, 1e9) == 1e9


@pytest.mark.parametrize("skill", [1, 2, 50, 500, 1234, 3000])
def test_exp_for_skill_is_the_least_exp_that_reaches_it(skill):
    exp = formulas.exp_for_skill(skill)
    assert formulas.skill_from_exp(exp) == skill
    if skill > 1:
        assert formulas.skill_from_exp(exp * (1 - 1e-9) - 1e-6) == skill - 1


def test_skill_from_exp_by_hand():
    # 32 * ln(1000 + 534.6) - 200 = 34.75... -> 34
    assert formulas.skill_from_exp(1000) == 34
    assert formulas.skill_from_exp(0) == 1


def test_weaken_and_security_cap():
    assert formulas.weaken_effect(10) == pytest.approx(0.5)
    assert formulas.weaken_effect(16, cores=5) == pytest.approx(0.05 * 16 * 1.25)
    assert formulas.cap_security(0.2, min_security=3) == 3
    assert formulas.cap_security(0.2, min_security=0.5) == 1
    assert formulas.cap_security(120, min_security=3) == 100


def test_hack_mathematics_by_hand():
    # n00dles-like: required 1, security 1, skill 100.
    # time = 5 * (2.5 * 1 * 1 + 500) / (100 + 50) = 16.75 s
    assert formulas.hack_time(skill=100, required=1, security=1) == pytest.approx(16.75)
    assert formulas.grow_time(skill=100, required=1, security=1) == pytest.approx(53.6)
    assert formulas.weaken_time(skill=100, required=1, security=1) == pytest.approx(67.0)
    # percent = 0.99 * (100 - 0) / 100 / 240
    assert formulas.hack_percent(skill=100, required=1, security=1) == pytest.approx(0.004125)
    # chance = (175 - 1) / 175 * 0.99
    assert formulas.hack_chance(skill=100, required=1, security=1) == pytest.approx(0.98434285714)
    assert formulas.hack_chance(skill=100, required=1, security=1, rooted=False) == 0
    assert formulas.hack_percent(skill=100, required=1, security=100) == 0
    # exp per thread: 3 + 0.3 * 10
    assert formulas.hack_exp(base_security=10) == pytest.approx(6)
