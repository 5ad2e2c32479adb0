"""The game's hacking formulas, computed locally so that no script pays 1 GB per analysis call.

Pure functions of numbers, with the BitNode-1 multipliers as defaults. Times are in milliseconds, as Netscript
reports them. The mathematics is the one written down in the project's reference notes on hack, grow and weaken.
"""

import math

FORTIFY_PER_HACK = 0.002
FORTIFY_PER_GROW = 0.004
WEAKEN_PER_THREAD = 0.05
GROWTH_INCREMENT = 0.03
MAX_GROWTH_LOG = 0.00349388925425578
GROW_TIME_RATIO = 3.2
WEAKEN_TIME_RATIO = 4.0


def intelligence_bonus(intelligence):
    return 1 + math.pow(intelligence, 0.8) / 600


def core_bonus(cores):
    return 1 + (cores - 1) / 16


def hack_chance(skill, required, security, chance_mult=1.0, intelligence=0.0):
    """Chance that one hack succeeds."""
    if security >= 100:
        return 0.0
    skill_mult = max(1.75 * skill, 1)
    chance = (skill_mult - required) / skill_mult * (100 - security) / 100 * chance_mult
    chance = chance * intelligence_bonus(intelligence)
    return min(1.0, max(0.0, chance))


def hack_percent(skill, required, security, money_mult=1.0, script_hack_money=1.0):
    """Fraction of the money on the target one hack thread takes."""
    if security >= 100:
        return 0.0
    percent = (100 - security) / 100 * (skill - (required - 1)) / skill * money_mult * script_hack_money / 240
    return min(1.0, max(0.0, percent))


def hack_time(skill, required, security, speed_mult=1.0, intelligence=0.0):
    """Milliseconds one hack takes when it starts at `security`."""
    skill_factor = (2.5 * required * security + 500) / (skill + 50)
    return 5000 * skill_factor / (speed_mult * intelligence_bonus(intelligence))


def grow_log(security, growth, cores=1, grow_mult=1.0, server_growth_rate=1.0):
    """Natural log of the growth one thread gives (the `k` of money' = (money + n)·e^(k·n))."""
    per_thread = min(math.log(1 + GROWTH_INCREMENT / security), MAX_GROWTH_LOG)
    return per_thread * growth / 100 * server_growth_rate * grow_mult * core_bonus(cores)


def grow_threads(start, target, k, money_max):
    """Least whole number of grow threads that takes `start` to `target` (capped at `money_max`)."""
    if start < 0:
        start = 0
    if target > money_max:
        target = money_max
    if target <= start or k <= 0:
        return 0
    x = (target - start) / (1 + (target / 16 + 15 * start / 16) * k)
    change = 2.0
    while abs(change) > 1:
        after = start + x
        following = (x - after * math.log(after / target)) / (1 + after * k)
        change = following - x
        x = following
    threads = math.ceil(x)
    if (start + threads - 1) * math.exp(k * (threads - 1)) >= target:
        threads -= 1
    if (start + threads) * math.exp(k * threads) < target:
        threads += 1
    return max(threads, 0)


def weaken_threads(amount, cores=1, weaken_rate=1.0):
    """Weaken threads that remove `amount` security."""
    if amount <= 0:
        return 0
    return math.ceil(amount / (WEAKEN_PER_THREAD * core_bonus(cores) * weaken_rate) - 1e-9)
