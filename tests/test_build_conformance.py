"""Python semantics of built scripts, checked against CPython.

Every program in tests/conformance/ runs in CPython and, built by `hwgw build` (one build for all), in Node; the two
outputs must be identical. A program that defines `async def main(ns)` has it awaited in both, with an ns that
only carries `args` and ports (`writePort`, `readPort`; Node's hold structured clones, as the game's do). Programs
outside the supported subset must be rejected by `hwgw build` with file:line:col, exit code 2 and the output folder
left as it was.
"""

import difflib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import hwgw.build
from hwgw.build.lower import lower
from hwgw.node import node_executable

ROOT = Path(__file__).resolve().parents[1]
CONFORMANCE = Path(__file__).resolve().parent / "conformance"
LOADER = ROOT / "hwgw" / "game_root_loader.mjs"
PROGRAMS = sorted(path.stem for path in CONFORMANCE.glob("*.py"))
ARGS = ["n00dles", 4]

# Deviations no lowering pass or library module can close. Each is pinned by one program that must keep differing
# (strict): if it starts to match, the deviation is gone and the README's list must lose it.
DEVIATIONS = {
    "float_print": "JavaScript has one number type and prints it its own way: 2.0 as 2, 3e-05 as 0.00003",
    "int_big": "ints beyond 2**53 are JavaScript doubles and lose their low digits",
    "python_errors": "a missing argument and a read-only property raise nothing; None.upper() raises a JavaScript "
                     "TypeError that no except clause names",
    "set_order": "sets keep insertion order; CPython's order comes from hashes (small ints ascending)",
    "dict_port_bool_keys": "a port hands over a structured clone, in which a bool key is the int it equals and a "
                           "tuple is a list",
    "view_repr": "d.keys(), d.values(), d.items() and range() are lists in built code and print as lists",
    "class_attr_inherited": "a subclass copies its bases' class attributes when it is made: a later change on the "
                            "base is not seen through the subclass",
}

# One CPython process imports the programs one after another, each with its stdout captured; the outputs go back
# as JSON, like Node's below.
CPYTHON_RUNNER = """
import asyncio, contextlib, copy, importlib, io, json, sys, traceback
sys.path.insert(0, sys.argv[1])
class NS:
    args = %r
    ports = {}
    def writePort(self, port, value):
        self.ports.setdefault(port, []).append(copy.deepcopy(value))
    def readPort(self, port):
        return self.ports[port].pop(0)
results = {}
for name in sys.argv[2:]:
    captured, error = io.StringIO(), None
    with contextlib.redirect_stdout(captured):
        try:
            module = importlib.import_module(name)
            if hasattr(module, "main"):
                asyncio.run(module.main(NS()))
        except BaseException:
            error = traceback.format_exc()
    results[name] = {"stdout": captured.getvalue(), "error": error}
print(json.dumps(results))
""" % (ARGS,)

# One Node process imports the built programs one after another; console.log (where print writes) is captured per
# program, and the outputs go back as JSON.
NODE_RUNNER = """
import {format} from 'node:util';
const results = {};
let captured = [];
console.log = (...parts) => captured.push(format(...parts) + '\\n');
for (const name of process.argv.slice(2)) {
    captured = [];
    let error = null;
    try {
        const module = await import(process.argv[1] + name + '.js');
        if (typeof module.main === 'function') {
            const ports = new Map ();
            await module.main({
                args: %s,
                writePort: (port, value) => ports.set (port, [...ports.get (port) || [], structuredClone (value)]),
                readPort: port => ports.get (port).shift (),
            });
        }
    } catch (thrown) {
        error = String(thrown && thrown.stack || thrown);
    }
    results[name] = {stdout: captured.join(''), error};
}
process.stdout.write(JSON.stringify(results));
""" % (json.dumps(ARGS),)


def _run(command, env=None):
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """One build of every program, then each in CPython and in Node: name -> (CPython's result, Node's output)."""
    out = tmp_path_factory.mktemp("conformance-build")
    hwgw.build.build(CONFORMANCE, out)
    cpython = _run([sys.executable, "-c", CPYTHON_RUNNER, str(CONFORMANCE), *PROGRAMS])
    node = _run([node_executable(), "--import", LOADER.as_uri(), "--input-type=module", "-e", NODE_RUNNER,
                 f"/{CONFORMANCE.name}/", *PROGRAMS], env={"HWGW_GAME_ROOT": str(out), "PATH": os.environ["PATH"]})
    assert cpython.returncode == 0 and node.returncode == 0, cpython.stderr + node.stderr
    expected, built = json.loads(cpython.stdout), json.loads(node.stdout)
    return {name: (expected[name], built[name]) for name in PROGRAMS}


def test_there_are_at_least_60_programs():
    assert len(PROGRAMS) >= 60
    assert set(DEVIATIONS) <= set(PROGRAMS)


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=DEVIATIONS[name])) if name in DEVIATIONS else name
    for name in PROGRAMS
])
def test_built_program_prints_what_cpython_prints(outputs, name):
    cpython, built = outputs[name]
    assert cpython["error"] is None, f"{name}.py fails in CPython itself:\n{cpython['error']}"
    diff = "".join(difflib.unified_diff(cpython["stdout"].splitlines(True), built["stdout"].splitlines(True),
                                        "cpython", "built"))
    assert built["error"] is None and cpython["stdout"] == built["stdout"], \
        f"{name}: built output differs from CPython's\n{diff}\n{built['error']}"


def test_transpile_stages_sources_through_every_lowering_pass(tmp_path):
    """`del` of an item is one of the passes beyond f-strings: the staged source must show it lowered."""
    transpile = sys.modules["hwgw.build.transpile"]
    text = "ram = {'home': 64}\ndel ram['home']\nlabel = f'{64:>5}'\n"
    transpile.stage([transpile.Source(tmp_path / "m.py", "m", text)], tmp_path / "staged")
    lines = (tmp_path / "staged" / "m.py").read_text().splitlines()
    assert lines[0] == "ram = {'home': 64}"  # every line stays where it was; imports go after the last one
    assert "del " not in lines[1] and "delitem(ram, 'home')" in lines[1]
    assert "f'" not in lines[2] and "'{:>5}'" in lines[2]


# Programs outside the supported subset: file name -> (source, "line:col", what the message must say).
REJECTED = {
    "match_statement": ("def f(x):\n    match x:\n        case 1:\n            return 1\n",
                        "2:4", "'match' is not supported"),
    "async_for": ("async def main(ns):\n    async for x in ns.args:\n        pass\n",
                  "2:4", "'async for' is not supported"),
    "async_with": ("async def main(ns):\n    async with ns.lock:\n        pass\n",
                   "2:4", "'async with' is not supported"),
    "with_statement": ("class Lease:\n    def __enter__(self):\n        return 1\n\n    def __exit__(self, *info):\n"
                       "        return False\n\n\nwith Lease() as lease:\n    print(lease)\n",
                       "9:0", "'with' is not supported"),
    "endless_iterator": ("from itertools import count\n", "1:0", "'itertools.count' is not available in built "
                         "scripts: endless iterators have no list form here"),
    "blocking_sleep": ("import time\n\n\ndef pause():\n    time.sleep(1)\n", "5:4",
                       "'time.sleep' is not available in built scripts: a script must not block the game"),
    "generator": ("def numbers():\n    yield 1\n", "2:4", "'yield' is not supported"),
    "starred_assignment": ("first, *rest = [1, 2, 3]\n", "1:7", "starred assignment is not supported"),
    "dict_unpacking": ("a = {'x': 1}\nb = {**a, 'y': 2}\n", "2:4", "'**' inside a dict display is not supported"),
    "relative_import": ("from . import other\n", "1:0", "a relative import is not supported"),
    "unknown_module": ("import os\n", "1:0", "module 'os' is not available in the game"),
    "netscript_attribute": ("class Job:\n    def hack(self):\n        return 1\n\n\nprint(Job().hack())\n",
                            "6:6", "attribute 'hack' has the name of a Netscript function (0.10 GB)"),
    "walrus": ("values = [1, 2]\nif (n := len(values)) > 1:\n    print(n)\n",
               "2:4", "the walrus operator ':=' is not supported"),
    "display_unpacking": ("a, b = [1], [2]\nprint([*a, *b])\n", "2:6", "'*' unpacking inside a list"),
    "several_bases": ("class A:\n    pass\n\n\nclass B:\n    pass\n\n\nclass C(A, B):\n    pass\n",
                      "9:0", "a class with several base classes is not supported"),
    "mutable_default": ("def add(item, bucket=[]):\n    bucket.append(item)\n    return bucket\n",
                        "1:21", "default value '[]' is not supported"),
    "loop_variable_default": ("adders = [lambda x, i=i: x + i for i in range(3)]\n",
                              "1:22", "default value 'i' is not supported"),
    "await_in_comprehension": ("async def double(x):\n    return 2 * x\n\n\nasync def main(ns):\n"
                               "    print([await double(x) for x in range(3)])\n",
                               "6:11", "'await' inside a comprehension is not supported"),
    "await_in_method_call": ("async def double(x):\n    return 2 * x\n\n\nasync def main(ns):\n    out = []\n"
                             "    out.append(await double(1))\n",
                             "7:15", "'await' inside the arguments of a method call is not supported"),
    "missing_builtin": ("print(hash((1, 2)))\n", "1:6", "builtin 'hash' is not available in built scripts"),
    "del_name": ("x = 1\ndel x\n", "2:0", "'del' of a name is not supported"),
    "floordiv_assign_call": ("def pick():\n    return 0\n\n\nitems = [7]\nitems[pick()] //= 2\n",
                             "6:0", "'//=' on this target is not supported"),
    "and_before_await": ("async def main(ns):\n    found = ns.args.copy() and await ns.sleep(1)\n",
                         "2:12", "the value of 'and' after 'ns.args.copy()' with an await to its right"),
    "assert_after_code": ("x = 1; assert x\n", "1:7", "'assert' sharing its line with other code"),
    "except_star": ("try:\n    pass\nexcept* ValueError:\n    pass\n", "1:0", "'except*' is not supported"),
    "syntax_error": ("def broken(:\n    pass\n", "1:12", "syntax error"),
}

VALID = "async def main(ns):\n    print(len(ns.args))\n"


def _hwgw_build(src: Path, out: Path):
    return _run([sys.executable, "-c", "from hwgw.cli import main; main()", "build", "--src", str(src),
                 "--out", str(out)])


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def rejection(tmp_path_factory):
    """One `hwgw build` over every rejected program, into a folder that holds a previous build."""
    src = tmp_path_factory.mktemp("rejected")
    out = tmp_path_factory.mktemp("previous") / "build"
    valid = tmp_path_factory.mktemp("valid")
    (valid / "ok.py").write_text(VALID)
    first = _hwgw_build(valid, out)
    assert first.returncode == 0, first.stderr
    before = _snapshot(out)
    for name, (source, _, _) in REJECTED.items():
        (src / f"{name}.py").write_text(source)
    result = _hwgw_build(src, out)
    return src, out, before, result


def test_rejected_build_exits_2_and_leaves_the_previous_build_byte_identical(rejection):
    src, out, before, result = rejection
    assert result.returncode == 2, result.stdout + result.stderr
    assert before and _snapshot(out) == before
    assert f"build failed; {out} is unchanged" in result.stderr


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_construct_outside_the_subset_is_rejected_at_its_place(rejection, name):
    src, _, _, result = rejection
    _, place, message = REJECTED[name]
    findings = [line for line in result.stderr.splitlines() if line.startswith(f"{src / name}.py:")]
    assert findings and all(line.startswith(f"{src / name}.py:{place}: ") for line in findings), result.stderr
    assert any(message in line for line in findings), "\n".join(findings)


def test_failed_build_creates_no_output_folder(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "bad.py").write_text(textwrap.dedent("""\
        import os
        print(os.getcwd())
    """))
    result = _hwgw_build(tmp_path / "src", tmp_path / "out")
    assert result.returncode == 2
    assert f"{tmp_path / 'src' / 'bad.py'}:1:0: module 'os' is not available in the game" in result.stderr
    assert not (tmp_path / "out").exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["src"]
