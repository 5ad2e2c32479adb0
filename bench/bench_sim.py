"""One simulated hour of the baseline on the built-in mid-game scenario; prints wall seconds (target: <= 60 s)."""

import tempfile
import time
from pathlib import Path

from hwgw.build import build, default_source
from hwgw.sim.scenario import merge
from hwgw.sim.system import baseline_plan, simulate


def main():
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        files = build(default_source() / "baseline", Path(out) / "build").files
    built = time.perf_counter() - started
    scenario = merge({"hours": 1})
    em, summary = simulate(scenario, baseline_plan(files))
    calls = sum(summary["calls"].values())
    print(f"build of the baseline: {built:.2f} s wall")
    print(f"1 simulated hour of the baseline: {summary['wall_s']:.2f} s wall (target <= 60 s), "
          f"{calls} hack/grow/weaken calls, {len(em.traces)} targets, money earned ${summary['money_earned']:,.0f}")


if __name__ == "__main__":
    main()
