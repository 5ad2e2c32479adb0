"""Plan batches: which servers to target, at what hack fraction, with how many threads, and how to prep them.

Pure functions of the game objects the researcher gathers (`ns.getServer`/`ns.getPlayer` shapes), with the local
formulas; no Netscript calls. The BitNode's hacking money, grow and weaken multipliers come with the player object,
under `bitNodeMultipliers` (the probe learns them at each start).
"""

import math
from typing import Any

from hwgw.game.core import formulas
from hwgw.game.core.model import (GROW, HACK, WEAKGROW, WEAKHACK, WORKER_RAM, BatchStats)

EXCLUDED_TARGETS = ["CSEC", "avmnite-02h", "run4theh111z", "I.I.I.I", ".", "The-Cave", "darkweb"]
MIN_TARGET_MONEY = 100000
MIN_WORKER_RAM = 1.75
GROW_PADDING = 1.05
FRACTIONS = [0.0025 * 2 ** (i / 4) for i in range(36)]
STRIDE = 3  # best_stats tries every STRIDE-th fraction first
FIRST_HOUR_MS = 3600000  # targets are compared by what they earn in this long, prep included
SPLIT_STEPS = 8  # the targets' RAM is moved between them in this many parts of the pool


def player_numbers(player):
    """Skill, intelligence and the hacking multipliers of a `getPlayer` object, and the BitNode's multipliers under
    their `getBitNodeMultipliers` names (1 where a field is missing)."""
    mults = player.get("mults", {})
    skills = player["skills"]
    bitnode = player.get("bitNodeMultipliers", {})
    return {"skill": skills["hacking"], "intelligence": skills.get("intelligence", 0) or 0,
            "money": mults.get("hacking_money", 1.0), "speed": mults.get("hacking_speed", 1.0),
            "chance": mults.get("hacking_chance", 1.0), "grow": mults.get("hacking_grow", 1.0),
            "ScriptHackMoney": bitnode.get("ScriptHackMoney", 1.0),
            "ServerGrowthRate": bitnode.get("ServerGrowthRate", 1.0),
            "ServerWeakenRate": bitnode.get("ServerWeakenRate", 1.0)}


def is_target(server, skill):
    """A server worth batching: rooted, hackable at this skill, rich enough, and not a faction server."""
    if server.get("purchasedByPlayer", False) or server["hostname"] in EXCLUDED_TARGETS:
        return False
    if not server.get("hasAdminRights", False):
        return False
    return server.get("moneyMax", 0) > MIN_TARGET_MONEY and server.get("requiredHackingSkill", 0) <= skill


def is_worker_node(server):
    """A rooted server with RAM for at least one worker."""
    if not server.get("hasAdminRights", False):
        return False
    return server["maxRam"] - server.get("ramUsed", 0) >= MIN_WORKER_RAM


def new_stats(server, player, fraction):
    """Batch stats for one target at one hack fraction: the target part once, then the player part."""
    numbers = player_numbers(player)
    grow_log = formulas.grow_log(server["minDifficulty"], server["serverGrowth"], 1, numbers["grow"],
                                 numbers["ServerGrowthRate"])
    stats = BatchStats(server["hostname"], server["moneyMax"], server["minDifficulty"],
                       server["requiredHackingSkill"], server["serverGrowth"], grow_log, fraction)
    stats.bitNodeMultipliers = dict(player.get("bitNodeMultipliers", {}))
    return refresh(stats, player)


def refresh(stats, player, level_gain=0):
    """Recompute only what depends on the player: percent, chance, times, threads, RAM, money per batch.

    `level_gain`: levels the player is expected to gain while a batch runs. A hack takes the percent of its landing,
    so grow is sized for the percent `level_gain` levels up (plus GROW_PADDING).
    """
    numbers = player_numbers(player)
    skill = numbers["skill"]
    stats.levelGain = level_gain
    security = stats.minDifficulty
    required = stats.requiredHackingSkill
    stats.level = skill
    stats.percent = formulas.hack_percent(skill, required, security, numbers["money"], numbers["ScriptHackMoney"])
    stats.chance = formulas.hack_chance(skill, required, security, numbers["chance"], numbers["intelligence"])
    hack_ms = formulas.hack_time(skill, required, security, numbers["speed"], numbers["intelligence"])
    stats.times = {"hack": hack_ms, "grow": hack_ms * formulas.GROW_TIME_RATIO,
                   "weaken": hack_ms * formulas.WEAKEN_TIME_RATIO}
    hack_threads = max(1, math.floor(stats.fraction / stats.percent)) if stats.percent > 0 else 0
    stolen = min(1.0, hack_threads * stats.percent)
    landing_percent = formulas.hack_percent(skill + level_gain, required, security, numbers["money"],
                                            numbers["ScriptHackMoney"])
    regrow = min(1.0, hack_threads * max(stats.percent, landing_percent) * GROW_PADDING)
    grow_threads = formulas.grow_threads(stats.moneyMax * (1 - regrow), stats.moneyMax, stats.growLog,
                                         stats.moneyMax)
    if 0 < stats.percent:
        hack_security = formulas.FORTIFY_PER_HACK * min(hack_threads, math.ceil(1 / stats.percent))
    else:
        hack_security = 0
    weaken_rate = numbers["ServerWeakenRate"]
    stats.threads = {HACK: hack_threads, WEAKHACK: formulas.weaken_threads(hack_security, 1, weaken_rate),
                     GROW: grow_threads,
                     WEAKGROW: formulas.weaken_threads(formulas.FORTIFY_PER_GROW * grow_threads, 1, weaken_rate)}
    stats.ram = 0.0
    for command in stats.threads:
        stats.ram += stats.job_ram(command)
    stats.money = stats.moneyMax * stolen * stats.chance
    return stats


def ram_needed(stats, timing, nodes, period):
    """GB of the pool `nodes` (GB per node) that a batch started every `period` ms keeps busy, with 3% to spare.

    A job runs whole on one node, so the jobs of each size and up must fit on the nodes that can hold them: only
    that part of any share of the pool counts for them. On a pool of small servers and a few large ones, the grows
    may be what the large ones limit.
    """
    held = timing.lookahead() + timing.held_until(0)
    total = 0.0
    for gb in nodes:
        total += gb
    most = 0.0
    for command in stats.threads.keys():
        size = stats.job_ram(command)
        room = 0.0
        for gb in nodes:
            if gb >= size:
                room += gb
        need = 0.0
        for other in stats.threads.keys():
            if stats.job_ram(other) >= size:
                need += stats.job_ram(other) * (stats.duration(other) + held)
        most = max(most, need / period / 0.97 * total / room)
    return most


def batch_period(stats, pool_ram, timing, nodes):
    """Milliseconds between batch starts so that the batches in flight fit `pool_ram` GB of the pool `nodes`."""
    if stats.ram <= 0 or pool_ram < stats.ram or not fits(stats, nodes):
        return 0
    return max(timing.min_period(), ram_needed(stats, timing, nodes, 1) / pool_ram)


def income(stats, pool_ram, timing, nodes):
    """Expected money per second from batching this target with `pool_ram` GB of `nodes`, once it is prepped."""
    period = batch_period(stats, pool_ram, timing, nodes)
    if period <= 0:
        return 0.0
    return stats.money / period * 1000


def fits(stats, nodes):
    """Every job runs on one node, so each must fit the largest one."""
    largest = 0
    for gb in nodes:
        largest = max(largest, gb)
    for command in stats.threads:
        if stats.threads[command] <= 0 or stats.job_ram(command) > largest:
            return False
    return True


def best_stats(server, player, pool_ram, nodes, timing):
    """The hack fraction with the most money per second for this target and pool; None if nothing fits.

    Income rises with the fraction until the pool or the largest node stops it, then falls: every STRIDE-th
    fraction is tried, then the ones between the best of those and its neighbours.
    """
    incomes = [-1.0 for _ in FRACTIONS]  # -1: not tried
    for index in range(0, len(FRACTIONS), STRIDE):
        incomes[index] = fraction_income(server, player, index, pool_ram, nodes, timing)
    best = best_index(incomes)
    if best < 0:
        return None
    for index in range(max(0, best - STRIDE + 1), min(len(FRACTIONS), best + STRIDE)):
        if incomes[index] < 0:
            incomes[index] = fraction_income(server, player, index, pool_ram, nodes, timing)
    return new_stats(server, player, FRACTIONS[best_index(incomes)])


def best_index(incomes):
    """The index of the highest positive income, -1 if none is."""
    best = -1
    for index in range(len(incomes)):
        if incomes[index] > 0 and (best < 0 or incomes[index] > incomes[best]):
            best = index
    return best


def fraction_income(server, player, index, pool_ram, nodes, timing):
    return income(new_stats(server, player, FRACTIONS[index]), pool_ram, timing, nodes)


def slowdown(stats, security):
    """How much longer a call takes at `security` than at the target's minimum security."""
    return formulas.hack_time(stats.level, stats.requiredHackingSkill, security) \
        / formulas.hack_time(stats.level, stats.requiredHackingSkill, stats.minDifficulty)


def ready_time(server, player, stats, pool_ram, timing):
    """Milliseconds from the start to the first batch landing: the prep rounds, each one weaken time at the
    security it starts at (the last round's batches land right behind it), or one weaken time if already prepped."""
    security = server.get("hackDifficulty", stats.minDifficulty)
    money = server.get("moneyAvailable", stats.moneyMax)
    weaken = stats.duration(WEAKHACK)
    if security <= stats.minDifficulty and money >= stats.moneyMax:
        return timing.lead + weaken
    threads = prep_threads(server, player, security, money)
    slots = max(1, math.floor(pool_ram / WORKER_RAM[WEAKHACK]))
    rounds = max(1, math.ceil((threads[WEAKHACK] + threads[GROW] + threads[WEAKGROW]) / slots))
    return timing.lead + rounds * weaken * slowdown(stats, security)


def first_hour_money(server, player, stats, pool_ram, timing, nodes):
    """What batching this target earns in the first hour: its income from the moment it is ready."""
    ready = ready_time(server, player, stats, pool_ram, timing)
    return income(stats, pool_ram, timing, nodes) * max(0.0, FIRST_HOUR_MS - ready) / 1000


def choose_targets(servers, player, pool_ram, nodes, timing, ceiling):
    """Targets and the RAM each gets, best first, as [[stats, server, GB]].

    The best target (by what it earns in the first hour) gets what it can use well: all of the pool, or, when its
    batches already come as close as the spacing allows, the RAM that keeps them so. The next best target comes in
    on what is left if it earns more there than the targets already chosen would earn with it too, and so on up to
    `ceiling` targets; what is left at the end goes to the first target. Then eighths of the pool move between
    targets while that earns more (see `rebalance`).
    """
    skill = player_numbers(player)["skill"]
    candidates = [server for server in servers if is_target(server, skill)]
    chosen: list[list[Any]] = []  # [server, GB]
    left = pool_ram
    while left >= MIN_WORKER_RAM and len(chosen) < ceiling:
        best, best_worth = next_target(chosen, candidates, player, left, nodes, timing)
        if best is None or best_worth <= more_for_chosen(chosen, player, left, nodes, timing):
            break
        stats = best_stats(best, player, left, nodes, timing)
        use = min(left, usable_ram(stats, timing, nodes))
        chosen.append([best, use])
        left -= use
    if len(chosen) > 0:
        chosen[0][1] += left
        rebalance(chosen, candidates, player, pool_ram, nodes, timing, ceiling)
        chosen.sort(key=lambda entry: -entry[1])
    return [[best_stats(entry[0], player, entry[1], nodes, timing), entry[0], entry[1]] for entry in chosen]


def rebalance(chosen, candidates, player, pool_ram, nodes, timing, ceiling):
    """Move RAM in eighths of the pool from one target to another, or to the next best target while there is room
    under the ceiling, the move that earns most each time, as long as the targets earn more together; a target left
    with nothing drops out.

    A target with more RAM than its closest batches need puts it into a higher hack fraction, and grow costs more
    per dollar the more a batch takes, so past some size that RAM earns more on another target at a lower fraction.
    """
    step = pool_ram / SPLIT_STEPS
    worth = [target_value(entry[0], player, entry[1], nodes, timing) for entry in chosen]
    while True:
        receivers = list(chosen)
        if len(chosen) < ceiling:
            newcomer = next_target(chosen, candidates, player, step, nodes, timing)[0]
            if newcomer is not None:
                receivers.append([newcomer, 0.0])
        best_gain = 0.0
        best_move = None
        for giver in range(len(chosen)):
            parts = math.ceil(chosen[giver][1] / step - 1e-9)
            for part in range(1, parts + 1):
                amount = min(part * step, chosen[giver][1])
                less = target_value(chosen[giver][0], player, chosen[giver][1] - amount, nodes, timing)
                for taker in range(len(receivers)):
                    if taker != giver:
                        more = target_value(receivers[taker][0], player, receivers[taker][1] + amount, nodes, timing)
                        before = worth[giver] + (worth[taker] if taker < len(chosen) else 0.0)
                        if less + more - before > best_gain:
                            best_gain = less + more - before
                            best_move = [giver, taker, amount, less, more]
        if best_move is None:
            return
        giver, taker, amount, less, more = best_move
        if taker == len(chosen):
            chosen.append(receivers[taker])
            worth.append(0.0)
        chosen[giver][1] -= amount
        chosen[taker][1] += amount
        worth[giver] = less
        worth[taker] = more
        if chosen[giver][1] <= 0:
            chosen.pop(giver)
            worth.pop(giver)


def next_target(chosen, candidates, player, ram, nodes, timing):
    """The unchosen candidate that earns most with `ram` GB (None if none earns anything), and what it earns."""
    taken = [entry[0]["hostname"] for entry in chosen]
    best = None
    best_worth = 0.0
    for server in candidates:
        if server["hostname"] not in taken:
            worth = target_value(server, player, ram, nodes, timing)
            if worth > best_worth:
                best = server
                best_worth = worth
    return best, best_worth


def more_for_chosen(chosen, player, extra, nodes, timing):
    """The most a chosen target would earn more in the first hour with `extra` GB on top of its share."""
    most = 0.0
    for entry in chosen:
        before = target_value(entry[0], player, entry[1], nodes, timing)
        most = max(most, target_value(entry[0], player, entry[1] + extra, nodes, timing) - before)
    return most


def usable_ram(stats, timing, nodes):
    """GB that keeps this target's batches as close together as the spacing allows."""
    return ram_needed(stats, timing, nodes, timing.min_period())


def target_value(server, player, pool_ram, nodes, timing):
    """What batching `server` with `pool_ram` GB earns in the first hour (0 if nothing fits)."""
    if pool_ram <= 0:
        return 0.0
    stats = best_stats(server, player, pool_ram, nodes, timing)
    return first_hour_money(server, player, stats, pool_ram, timing, nodes) if stats is not None else 0.0


def prep_threads(server, player, security, money):
    """Threads that prep a server in one round: weaken to min security, grow to max money, weaken that again."""
    numbers = player_numbers(player)
    grow_log = formulas.grow_log(server["minDifficulty"], server["serverGrowth"], 1, numbers["grow"],
                                 numbers["ServerGrowthRate"])
    grow = formulas.grow_threads(money, server["moneyMax"], grow_log, server["moneyMax"])
    weaken_rate = numbers["ServerWeakenRate"]
    return {WEAKHACK: formulas.weaken_threads(security - server["minDifficulty"], 1, weaken_rate), GROW: grow,
            WEAKGROW: formulas.weaken_threads(formulas.FORTIFY_PER_GROW * grow, 1, weaken_rate)}


def split_prep(threads, free, limit, weaken_rate=1.0):
    """Share a prep round's threads out over nodes (`free`: host -> GB), using at most `limit` GB in all.

    Every first weaken is placed before any grow; a node then takes grow with its own weaken in the 12.5 : 1
    ratio (times the BitNode's ServerWeakenRate, `weaken_rate`). Grow waits for a round where all the first weaken
    fits, since it would land on a server that is not yet weakened. Returns [[host, {weakhack, grow, weakgrow}]],
    one entry per node used.
    """
    weaken_left = threads[WEAKHACK]
    grow_left = threads[GROW]
    hosts = sorted(free.keys(), key=lambda host: -free[host])
    total_slots = 0
    for host in hosts:
        total_slots += math.floor(min(free[host], limit) / WORKER_RAM[WEAKHACK])
    if weaken_left > total_slots:
        grow_left = 0
    per_weaken = formulas.WEAKEN_PER_THREAD * weaken_rate / formulas.FORTIFY_PER_GROW
    parts = []
    for host in hosts:
        slots = math.floor(min(free[host], limit) / WORKER_RAM[WEAKHACK])
        if slots <= 0 or (weaken_left <= 0 and grow_left <= 0):
            continue
        first = min(weaken_left, slots)
        slots -= first
        grow = min(grow_left, math.floor(slots * per_weaken / (per_weaken + 1)))
        while grow > 0 and grow + formulas.weaken_threads(formulas.FORTIFY_PER_GROW * grow, 1, weaken_rate) > slots:
            grow -= 1
        second = formulas.weaken_threads(formulas.FORTIFY_PER_GROW * grow, 1, weaken_rate)
        if first + grow == 0:
            continue
        weaken_left -= first
        grow_left -= grow
        limit -= (first + grow + second) * WORKER_RAM[WEAKHACK]
        parts.append([host, {WEAKHACK: first, GROW: grow, WEAKGROW: second}])
    return parts
