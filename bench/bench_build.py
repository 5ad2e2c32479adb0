"""Time `hwgw build` on the shipped sources: a full build from a cold cache, a warm rebuild, and a rebuild after one
source file changed. Targets: full build <= 2 s, one-file rebuild <= 0.5 s."""

import os
import shutil
import tempfile
import time
from pathlib import Path

from hwgw.build import build, default_source


def timed(label, src, out):
    start = time.perf_counter()
    report = build(src, out)
    elapsed = time.perf_counter() - start
    print(f"{label:<28} {elapsed:6.3f} s  ({len(report.files)} files, {len(report.scripts)} scripts)")
    return elapsed


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["HWGW_CACHE"] = str(tmp / "cache")
        src = tmp / "src" / "hwgw" / "game"
        shutil.copytree(default_source(), src, ignore=shutil.ignore_patterns("__pycache__"))
        (tmp / "src" / "hwgw" / "__init__.py").write_text("")
        out = tmp / "out"
        timed("full build (cold cache)", src, out)
        timed("rebuild (nothing changed)", src, out)
        one = sorted(src.rglob("*.py"))[-1]
        one.write_text(one.read_text() + "\n# touched\n")
        timed(f"rebuild after editing {one.name}", src, out)


if __name__ == "__main__":
    main()
