"""A realistic HWGW calculation: thread counts, delays, per-host allocation, formatted report."""

import math

HACK_RAM, GROW_RAM, WEAKEN_RAM = 1.7, 1.75, 1.75


def plan(target, hack_time, money_fraction=0.1):
    weaken_time = hack_time * 4
    grow_time = hack_time * 3.2
    hack_threads = max(1, math.floor(money_fraction / 0.002))
    grow_threads = math.ceil(hack_threads * 1.8)
    weaken_threads = math.ceil((hack_threads * 0.002 + grow_threads * 0.004) / 0.05)
    spacing = 50
    jobs = [
        ("hack", hack_threads, weaken_time - hack_time - spacing),
        ("weaken", weaken_threads, 0),
        ("grow", grow_threads, weaken_time - grow_time + spacing),
        ("weaken", weaken_threads, 2 * spacing),
    ]
    return {"target": target, "jobs": jobs}


def allocate(jobs, hosts):
    placed = []
    free = dict(hosts)
    for kind, threads, delay in jobs:
        ram = {"hack": HACK_RAM, "grow": GROW_RAM, "weaken": WEAKEN_RAM}[kind]
        for host in sorted(free, key=lambda h: (-free[h], h)):
            fit = min(threads, int(free[host] // ram))
            if fit <= 0:
                continue
            free[host] = round(free[host] - fit * ram, 2)
            placed.append((kind, host, fit, delay))
            threads -= fit
            if threads == 0:
                break
    return placed, free


p = plan("joesguns", 1234.5)
placed, free = allocate(p["jobs"], {"home": 32, "pserv-0": 16, "pserv-1": 16})
for kind, host, threads, delay in placed:
    print(f"{kind:<7}{host:>9}{threads:>5} {delay:>9.1f}ms")
print(free, sum(t for _, _, t, _ in placed))
