"""Time `hwgw build` on the shipped sources. Targets: full build <= 2 s, one-file rebuild <= 0.5 s.

- first build ever: nothing cached (Transcrypt compiles its runtime and hwgw's libraries, all parsed from scratch);
- full build: every source compiled and linked, with the toolchain's own runtime analysis already cached (what a
  player sees after the first build, e.g. for a fresh checkout);
- rebuild with nothing changed, and after editing one source file.
"""

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
    print(f"{label:<34} {elapsed:6.3f} s  ({len(report.files)} files, {len(report.scripts)} scripts)")
    return elapsed


def copy_sources(root: Path) -> Path:
    src = root / "hwgw" / "game"
    shutil.copytree(default_source(), src, ignore=shutil.ignore_patterns("__pycache__"))
    (root / "hwgw" / "__init__.py").write_text("")
    return src


def main():
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["HWGW_CACHE"] = str(tmp / "cache")
        timed("first build ever (nothing cached)", copy_sources(tmp / "a"), tmp / "out-a")
        src = copy_sources(tmp / "b")
        out = tmp / "out-b"
        timed("full build", src, out)
        timed("rebuild (nothing changed)", src, out)
        one = src / "workers" / "weaken.py"
        one.write_text(one.read_text() + "\n# touched\n")
        timed(f"rebuild after editing {one.name}", src, out)


if __name__ == "__main__":
    main()
