"""Running small hand-written Netscript modules in the emulator, for the sim tests."""

import json

from hwgw.sim.engine import Emulator
from hwgw.sim.scenario import merge

# No latency: these tests read the scripts' logic off an exact clock.
QUIET_WORLD = {"purchased": {"count": 0}, "home": {"ram": 1024, "cores": 1}, "settings": {"latency": "none"}}


def scenario(**overrides) -> dict:
    data = json.loads(json.dumps(QUIET_WORLD))
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key].update(value)
        else:
            data[key] = value
    return merge(data)


def run(files: dict, entries: list, hours: float = 1.0, **overrides) -> Emulator:
    """Put `files` on home, start `entries` there, and run for `hours` of game time."""
    em = Emulator(scenario(**overrides), files)
    em.run(entries, hours)
    return em


def reports(em: Emulator) -> list:
    """What the scripts tprinted as JSON, in order (each line is `path: {json}`)."""
    return [json.loads(line.split(": ", 1)[1]) for line in em.terminal]
