"""The game's hacking mathematics as pure functions of numbers.

Times are in seconds, as inside the game; Netscript reports milliseconds. Every function takes the
BitNode multipliers it depends on as keyword arguments that default to BitNode 1 (all 1.0).
"""

import math

GROWTH_INCREMENT = 0.03
MAX_GROWTH_LOG = 0.00349388925425578
FORTIFY_AMOUNT = 0.002
WEAKEN_AMOUNT = 0.05
SERVER_COST_PER_GB = 55_000
HOME_COST_PER_GB = 32_000


def intelligence_bonus(intelligence: float, weight: float = 1.0) -> float:
    return 1 + weight * intelligence**0.8 / 600


def core_bonus(cores: int) -> float:
    return 1 + (cores - 1) / 16


def skill_from_exp(exp: float, mult: float = 1.0) -> int:
    if mult == 0:
        return 1
    return max(1, math.floor(mult * (32 * math.log(exp + 534.6) - 200)))


def exp_for_skill(skill: int, mult: float = 1.0) -> float:
    """Least exp that reaches `skill` (0 for the skills a new player already has)."""
    if skill <= 1:
        return 0.0
    exp = max(0.0, math.exp((skill / mult + 200) / 32) - 534.6)
    while skill_from_exp(exp, mult) < skill:
        exp = math.nextafter(exp, math.inf)
    return exp


def hack_chance(*, skill, required, security, rooted=True, chance_mult=1.0, intelligence=0.0) -> float:
    if not rooted or security >= 100:
        return 0.0
    skill_mult = max(1.75 * skill, 1)
    skill_chance = (skill_mult - required) / skill_mult
    chance = skill_chance * (100 - security) / 100 * chance_mult * intelligence_bonus(intelligence)
    return min(1.0, max(0.0, chance))


def hack_percent(*, skill, required, security, money_mult=1.0, script_hack_money=1.0) -> float:
    """Fraction of the money on the target that one hack thread steals."""
    if security >= 100:
        return 0.0
    p = (100 - security) / 100 * (skill - (required - 1)) / skill * money_mult * script_hack_money / 240
    return min(1.0, max(0.0, p))


def hack_time(*, skill, required, security, speed_mult=1.0, bn_speed=1.0, intelligence=0.0) -> float:
    skill_factor = (2.5 * required * security + 500) / (skill + 50)
    return 5 * skill_factor / (speed_mult * bn_speed * intelligence_bonus(intelligence))


def grow_time(**kwargs) -> float:
    return 3.2 * hack_time(**kwargs)


def weaken_time(**kwargs) -> float:
    return 4 * hack_time(**kwargs)


def hack_exp(*, base_security, exp_mult=1.0, bn_exp=1.0) -> float:
    """Exp per thread for a successful hack, a grow or a weaken (a failed hack gets a quarter)."""
    if not base_security:
        return 0.0
    return (3 + 0.3 * base_security) * exp_mult * bn_exp


def grow_log(*, security, growth, cores=1, grow_mult=1.0, bn_growth=1.0) -> float:
    """The exponent k of one grow thread: n threads multiply money (plus n) by exp(k * n)."""
    if growth == 0:
        return 0.0
    per_thread = min(math.log1p(GROWTH_INCREMENT / security), MAX_GROWTH_LOG)
    return per_thread * (growth / 100) * bn_growth * grow_mult * core_bonus(cores)


def grow_money(money: float, threads: float, k: float, money_max: float) -> float:
    """Money after `threads` grow threads with per-thread exponent `k`."""
    return min((max(money, 0) + threads) * math.exp(k * threads), money_max)


def grow_threads(start: float, target: float, k: float, money_max: float) -> int:
    """Least whole number of threads n with target <= (start + n) * exp(k * n)."""
    start = max(start, 0)
    target = min(target, money_max)
    if target <= start:
        return 0
    if k <= 0:
        raise ValueError("this server cannot grow")

    def enough(n):
        return (start + n) * math.exp(k * n) >= target

    x = (target - start) / (1 + (target / 16 + 15 * start / 16) * k)
    while True:
        step = x - (x - (start + x) * math.log((start + x) / target)) / (1 + (start + x) * k)
        x -= step
        if abs(step) <= 1:
            break
    n = max(0, math.ceil(x))
    while n > 0 and enough(n - 1):
        n -= 1
    while not enough(n):
        n += 1
    return n


def grow_cycles(multiplier: float, k: float) -> float:
    """Threads for a money multiplier, ignoring the +1 per thread (what growthAnalyze reports)."""
    if k <= 0:
        return math.inf
    return math.log(multiplier) / k


def weaken_effect(threads: float, cores: int = 1, bn_weaken=1.0) -> float:
    return WEAKEN_AMOUNT * threads * core_bonus(cores) * bn_weaken


def cap_security(security: float, min_security: float) -> float:
    return min(100.0, max(security, min_security, 1.0))


def purchased_server_cost(ram: float, *, bn_cost=1.0, bn_softcap=1.0) -> float:
    """What a purchased ("cloud" in v3) server of `ram` GB costs."""
    return ram * SERVER_COST_PER_GB * bn_cost * bn_softcap ** max(0.0, math.log2(ram) - 6)


def home_ram_cost(ram: float, new_ram: float, *, bn_cost=1.0) -> float:
    """What upgrading home from `ram` to `new_ram` GB costs: the game sells one doubling at a time, each priced
    at the RAM before it."""
    cost = 0.0
    while ram < new_ram:
        cost += ram * HOME_COST_PER_GB * 1.58 ** math.log2(ram) * bn_cost
        ram *= 2
    return cost
