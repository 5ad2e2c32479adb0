"""What a simulation runs: the built tree on home, and its entry scripts (the shipped system or the baseline)."""

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .engine import Emulator
from .stats import summarize

SYSTEM_ENTRY = "hwgw/start.js"
BASELINE_LOOP = "baseline/loop.js"
BASELINE_DEPLOY = "baseline/deploy.js"
IMPORT = re.compile(r"""\b(?:import|from)\s*['"]/([^'"]+)['"]""")


class SetupError(ValueError):
    pass


@dataclass
class Plan:
    label: str
    files: dict
    entries: list


def built_files(build_dir, baseline: bool) -> dict:
    """The in-game tree: read from `build_dir`, or built now from the shipped sources (only the baseline's if
    `baseline`, so that the yardstick runs whatever state the rest is in)."""
    from ..mem import read_server

    if build_dir is not None:
        return read_server(Path(build_dir))
    from ..build import build, default_source

    source = default_source() / "baseline" if baseline else default_source()
    with tempfile.TemporaryDirectory(prefix="hwgw-sim-") as out:
        return build(source, Path(out) / "build").files


def imports_of(files: dict, path: str) -> list:
    """Every file `path` imports, directly or not (built scripts import root-absolute paths)."""
    found = []
    todo = [path]
    while todo:
        for name in IMPORT.findall(files.get(todo.pop(), "")):
            if name not in found and name != path:
                found.append(name)
                todo.append(name)
    return found


def find(files: dict, suffix: str):
    matches = sorted(p for p in files if p == suffix or p.endswith("/" + suffix))
    return matches[0] if matches else None


def baseline_plan(files: dict) -> Plan:
    loop, deploy = find(files, BASELINE_LOOP), find(files, BASELINE_DEPLOY)
    if loop is None or deploy is None:
        raise SetupError(f"the built tree has no {BASELINE_LOOP} and {BASELINE_DEPLOY}: "
                         "build hwgw/game (hwgw build) or pass --build with a tree that has them")
    return Plan("baseline", files, [{"script": deploy, "args": [loop] + imports_of(files, loop)}])


def plan(scenario: dict, files: dict, baseline: bool) -> Plan:
    if baseline:
        return baseline_plan(files)
    if scenario["run"]:
        return Plan("scenario run list", files, scenario["run"])
    if SYSTEM_ENTRY in files:
        return Plan(SYSTEM_ENTRY, files, [{"script": SYSTEM_ENTRY}])
    chosen = baseline_plan(files)
    chosen.label = f"baseline ({SYSTEM_ENTRY} not built yet)"
    return chosen


def simulate(scenario: dict, chosen: Plan, **options):
    """Run `chosen` on `scenario`; return the emulator (its full record) and the summary figures."""
    em = Emulator(scenario, chosen.files, **options)
    wall = em.run(chosen.entries, scenario["hours"])
    summary = summarize(em, scenario["hours"], wall)
    summary["system"] = chosen.label
    return em, summary
