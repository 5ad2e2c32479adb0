"""Lean modules: compiled to plain JavaScript that needs nothing from the Python runtime (the shipped workers)."""

import re
import subprocess

import pytest

from hwgw.build import BuildError, build, default_source
from hwgw.node import node_executable

LEAN_LOOP = '''"""A lean worker loop."""
# hwgw: lean
from hwgw.ns import NS


def share(total, parts):
    return total / parts if parts > 0 else 0


async def main(ns: NS) -> None:
    target = ns.args[0]
    report = {"target": target, "share": share(12, 4)}
    ns.tprint(report["target"], report["share"])
'''


def imports(text):
    return re.findall(r"^import .*?from '([^']*)'", text, re.M) + re.findall(r"^import '([^']*)'", text, re.M)


def test_a_lean_script_imports_nothing_and_runs_as_written(tmp_path):
    src = tmp_path / "lean"
    src.mkdir()
    (src / "loop.py").write_text(LEAN_LOOP)
    report = build(src, tmp_path / "out")
    text = (tmp_path / "out" / "lean" / "loop.js").read_text()
    assert imports(text) == []
    runner = tmp_path / "run.mjs"
    runner.write_text(f"import {{main}} from '{tmp_path / 'out' / 'lean' / 'loop.js'}';\n"
                      "await main({args: ['n00dles'], tprint: (...s) => console.log(s.join(' '))});\n")
    out = subprocess.run([node_executable(), str(runner)], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "n00dles 3"  # 12 / 4 in JavaScript: a whole number prints without '.0'
    assert report.ram["lean/loop.js"] == pytest.approx(1.6)


def test_a_lean_module_that_needs_the_runtime_fails_the_build_at_its_mark(tmp_path):
    src = tmp_path / "lean"
    src.mkdir()
    (src / "loop.py").write_text(LEAN_LOOP.replace("share(12, 4)", "len(ns.args)"))
    with pytest.raises(BuildError) as failure:
        build(src, tmp_path / "out")
    [finding] = failure.value.findings
    assert finding.path.name == "loop.py" and finding.line == 2
    assert "must not need the Python runtime" in finding.message and "lib/runtime.js" in finding.message
    assert not (tmp_path / "out").exists()


def test_the_shipped_workers_load_only_their_own_small_modules(tmp_path):
    build(default_source(), tmp_path / "out")
    seen = set()
    todo = ["/hwgw/workers/hack.js", "/hwgw/workers/grow.js", "/hwgw/workers/weaken.js"]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo += imports((tmp_path / "out" / path.lstrip("/")).read_text())
    assert sorted(seen) == ["/hwgw/core/clock.js", "/hwgw/core/worker.js", "/hwgw/workers/grow.js",
                            "/hwgw/workers/hack.js", "/hwgw/workers/weaken.js"]
    assert sum((tmp_path / "out" / path.lstrip("/")).stat().st_size for path in seen) < 3000
