"""`hwgw build` end to end: RAM floors priced by the game's algorithm, realm safety in Node, imports, determinism."""

import json
import re
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from hwgw.build import BuildError, build, jsast
from hwgw.build.floor import ns_names
from hwgw.mem import calculate_ram, read_server
from hwgw.node import node_executable

ROOT = Path(__file__).resolve().parents[1]
COSTS = json.loads((ROOT / "hwgw" / "mem" / "ramcosts-3.0.json").read_text())
LOADER = ROOT / "hwgw" / "game_root_loader.mjs"

WORKERS = {
    "hack": "async def main(ns):\n    await ns.hack(ns.args[0])\n",
    "grow": "async def main(ns):\n    await ns.grow(ns.args[0])\n",
    "weaken": "async def main(ns):\n    await ns.weaken(ns.args[0])\n",
}

BUSY = '''
import json
from hwgw.ns import NS


class Target:
    def __init__(self, host, money, security=1.0):
        self.host = host
        self.money = money
        self.security = security

    @property
    def score(self):
        return self.money / self.security

    def __repr__(self):
        return f"Target({self.host!r}, {self.money:.1f})"


def rank(servers):
    targets = [Target(s["hostname"], s["moneyMax"], security=s["minDifficulty"]) for s in servers]
    by_host = {t.host: t for t in targets if t.money > 0}
    names = ", ".join(sorted(by_host.keys(), key=lambda h: -by_host[h].score))
    return sorted(targets, key=lambda t: t.score, reverse=True), names.upper().split(", ")


async def main(ns: NS) -> None:
    hosts = ns.scan("home")
    servers = [ns.getServer(h) for h in hosts]
    ranked, names = rank(servers)
    ns.tprint(json.dumps({"best": names[:3], "count": len(ranked)}))
'''


def run_node(out: Path, script: str) -> str:
    proc = subprocess.run([node_executable(), "--import", str(LOADER), "--input-type=module", "-e", script],
                          capture_output=True, text=True, env={"HWGW_GAME_ROOT": str(out), "PATH": "/usr/bin:/bin"},
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    src = tmp_path_factory.mktemp("src") / "play"
    (src / "workers").mkdir(parents=True)
    for name, text in WORKERS.items():
        (src / "workers" / f"{name}.py").write_text(text)
    (src / "busy.py").write_text(BUSY)
    out = tmp_path_factory.mktemp("out")
    report = build(src, out)
    return src, out, report


@pytest.mark.parametrize("worker,function", [("hack", "hack"), ("grow", "grow"), ("weaken", "weaken")])
def test_one_line_workers_cost_base_plus_their_call_and_import_nothing(built, worker, function):
    _, out, report = built
    files = read_server(out)
    result = calculate_ram(files, f"play/workers/{worker}.js")
    assert result.ram == round(1.6 + COSTS[function], 2)
    assert report.ram[f"play/workers/{worker}.js"] == result.ram
    assert "import" not in files[f"play/workers/{worker}.js"]


def test_a_script_heavy_on_builtins_costs_only_its_ns_calls(built):
    _, out, _ = built
    result = calculate_ram(read_server(out), "play/busy.js")
    assert result.ram == round(1.6 + COSTS["scan"] + COSTS["getServer"] + COSTS["tprint"], 2)
    assert {e.name for e in result.entries} == {"baseCost", "scan", "getServer"}


def test_no_dom_names_anywhere_in_the_output(built):
    _, out, _ = built
    for path in out.rglob("*.js"):
        assert not re.search(r"\b(window|document)\b", path.read_text()), path


def test_every_import_is_root_absolute_and_nothing_re_exports(built):
    _, out, _ = built
    for path in out.rglob("*.js"):
        text = path.read_text()
        for spec in re.findall(r"^import .*?['\"]([^'\"]+)['\"];$", text, re.M):
            assert spec.startswith("/play/lib/") or spec.startswith("/play/"), (path, spec)
            assert (out / spec.lstrip("/")).exists(), spec
        assert not re.search(r"^export .* from ", text, re.M)


def test_built_modules_leave_the_realm_clean(built):
    _, out, _ = built
    modules = [f"/{p.relative_to(out)}" for p in sorted(out.rglob("*.js"))]
    script = textwrap.dedent(f"""
        for (const m of {json.dumps(modules)}) await import(m);
        const seen = [];
        for (const k in []) seen.push('array:' + k);
        for (const k in '') seen.push('string:' + k);
        for (const k in {{}}) seen.push('object:' + k);
        for (const k in (() => 1)) seen.push('function:' + k);
        console.log(JSON.stringify({{seen, array: Object.keys(Array.prototype), string: Object.keys(String.prototype),
            number: Object.keys(Number.prototype), object: Object.keys(Object.prototype)}}));
    """)
    result = json.loads(run_node(out, script).strip().splitlines()[-1])
    assert result == {"seen": [], "array": [], "string": [], "number": [], "object": []}


def test_the_built_runtime_still_behaves_like_python(built):
    """The busy script's library logic, run in Node from the build, prints what CPython prints."""
    src, out, _ = built
    servers = [{"hostname": "n00dles", "moneyMax": 70000, "minDifficulty": 1},
               {"hostname": "foodnstuff", "moneyMax": 2000000, "minDifficulty": 3},
               {"hostname": "home", "moneyMax": 0, "minDifficulty": 1}]
    script = f"const m = await import('/play/busy.js'); const [r, n] = m.rank({json.dumps(servers)});" \
             f" console.log(JSON.stringify([r.map(t => t.host), n]));"
    node = json.loads(run_node(out, script))
    namespace = {"__name__": "busy"}
    exec(compile(BUSY, "busy.py", "exec"), namespace)
    ranked, names = namespace["rank"](servers)
    assert node == [[t.host for t in ranked], names]


def test_two_builds_are_byte_identical(built, tmp_path):
    src, out, _ = built
    build(src, tmp_path / "again")
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "again"): p.read_bytes() for p in (tmp_path / "again").rglob("*")
              if p.is_file()}
    assert first == second


def test_runtime_is_pruned_and_its_size_reported(built):
    _, out, report = built
    runtime = out / "play" / "lib" / "runtime.js"
    assert report.runtime_bytes_after == len(runtime.read_bytes())
    assert 0 < report.runtime_bytes_after < report.runtime_bytes_before


def test_two_copies_of_the_runtime_agree_on_builtin_classes(built, tmp_path):
    """In the game every server evaluates its own copy of the runtime in one shared realm."""
    _, out, _ = built
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    shutil.copy(copy / "play" / "lib" / "runtime.js", copy / "play" / "lib" / "runtime2.js")
    script = ("const a = await import('/play/lib/runtime.js'); const b = await import('/play/lib/runtime2.js');"
              "console.log(JSON.stringify([a.isinstance([], a.list), b.isinstance([], b.list),"
              " a.isinstance([], a.dict), Object.keys(Array.prototype).length]));")
    assert json.loads(run_node(copy, script)) == [True, True, False, 0]


def test_no_name_in_the_output_is_a_netscript_name_except_the_ns_calls_made(built):
    """The runtime and libraries carry no Netscript name at all; scripts carry only the ns calls they make, plus
    free (0 GB) names the player chose for their own attributes, such as `money`."""
    src, out, _ = built
    leaves = {key.rsplit(".", 1)[-1] for key in COSTS}
    costly = {key.rsplit(".", 1)[-1] for key, cost in COSTS.items() if cost > 0}
    allowed = set()
    for path in src.rglob("*.py"):
        allowed |= ns_names(path.read_text())
    for path in out.rglob("*.js"):
        program = jsast.parse(path.read_text())
        identifiers = {ident.name for ident, _ in jsast.identifiers(program)}
        properties = {n.property.name for n in jsast.walk(program)
                      if n.type == "MemberExpression" and not n.computed and n.property.type == "Identifier"}
        if "lib" in path.relative_to(out).parts:
            assert not (identifiers | properties) & leaves, (path, sorted((identifiers | properties) & leaves))
        else:
            assert not identifiers & leaves, (path, sorted(identifiers & leaves))
            assert properties & costly <= allowed, (path, sorted(properties & costly - allowed))


def test_an_escaping_python_exception_prints_as_python_reports_it(tmp_path):
    """The game turns a script's uncaught error into text; a Python object must survive String()."""
    src = tmp_path / "errs"
    src.mkdir()
    code = ("class Oops(Exception):\n    pass\n\n\ndef boom():\n    raise Oops('no money on', 'n00dles')\n\n\n"
            "def fail_threads():\n    raise ValueError('bad thread count: ' + str(-3))\n")
    (src / "errs.py").write_text(code)
    build(src, tmp_path / "out")
    script = ("const m = await import('/errs/errs.js'); const seen = [];"
              "for (const f of [m.boom, m.fail_threads]) { try { f(); } catch (e) { seen.push(String(e)); } }"
              "console.log(JSON.stringify(seen));")
    namespace = {}
    exec(code, namespace)
    expected = []
    for name in ("boom", "fail_threads"):
        try:
            namespace[name]()
        except Exception as error:
            expected.append(f"{type(error).__name__}: {error}")
    assert json.loads(run_node(tmp_path / "out", script)) == expected


def test_annotated_module_names_can_be_imported(tmp_path):
    """`LIMIT: int = 5` must stay an export of its module, as in Python."""
    src = tmp_path / "typed"
    src.mkdir()
    (src / "settings.py").write_text("from typing import Any\n\nLIMIT: int = 5\nNAMES: dict[\n    str, Any] = {'a': 1}\n")
    (src / "use.py").write_text("from settings import LIMIT, NAMES\n\n\ndef show():\n    return [LIMIT, NAMES['a']]\n")
    build(src, tmp_path / "out")
    node = json.loads(run_node(tmp_path / "out", "const m = await import('/typed/use.js');"
                                                 " console.log(JSON.stringify(m.show()));"))
    namespace = {}
    exec((src / "settings.py").read_text(), namespace)
    assert node == [namespace["LIMIT"], namespace["NAMES"]["a"]]


TRACED_LIBRARY = '''
def pick(hosts, index):
    def nth(items):
        return items[index]  # raises here
    return nth(hosts)


def shout(value):
    return value.upper()  # a JavaScript TypeError when value is None
'''

TRACED_SCRIPT = '''
from play.lib import pick, shout


async def main(ns):
    print("looking")
    await ns.sleep(1)
    if ns.args[0] == "none":
        shout(None)  # calls shout
    return pick(["home"], 5)  # calls pick
'''


STEPS_SCRIPT = '''
async def step(ns, name, number):
    await ns.sleep(1)
    print(name, "step", number)


async def main(ns):
    name = ns.args[0]
    ns.atExit(lambda: print(name, "exits"))
    print(name, "starts")
    for number in range(3):
        await step(ns, name, number)
        print(name, "after", number)
'''


def _line_of(text: str, marker: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if marker in line)


@pytest.fixture(scope="module")
def traced(tmp_path_factory):
    src = tmp_path_factory.mktemp("traced") / "play"
    src.mkdir()
    (src / "__init__.py").write_text("")
    (src / "lib.py").write_text(TRACED_LIBRARY)
    (src / "main.py").write_text(TRACED_SCRIPT)
    (src / "steps.py").write_text(STEPS_SCRIPT)
    out = tmp_path_factory.mktemp("traced-out")
    build(src, out)
    return out


def _run_main(out: Path, args: list) -> dict:
    script = textwrap.dedent(f"""
        const log = [];
        const ns = {{args: {json.dumps(args)}, print: (line) => log.push(line),
                     sleep: (ms) => new Promise(done => setTimeout(() => done(true), ms))}};
        let thrown = null;
        try {{
            await (await import('/play/main.js')).main(ns);
        }} catch (error) {{
            thrown = {{type: typeof error, text: String(error)}};
        }}
        console.log(JSON.stringify({{log, thrown}}));
    """)
    return json.loads(run_node(out, script).strip().splitlines()[-1])


def test_an_uncaught_exception_reaches_the_game_as_a_python_traceback(traced):
    """The text names each Python file and line, innermost last, as CPython's traceback does; a string, which the
    game shows as it is."""
    result = _run_main(traced, ["n00dles"])
    assert result["thrown"]["type"] == "string"
    assert result["thrown"]["text"] == "\n".join([
        "Traceback (most recent call last):",
        f'  File "play/main.py", line {_line_of(TRACED_SCRIPT, "# calls pick")}, in main',
        f'  File "play/lib.py", line {_line_of(TRACED_LIBRARY, "return nth(hosts)")}, in pick',
        f'  File "play/lib.py", line {_line_of(TRACED_LIBRARY, "# raises here")}, in nth',
        "IndexError: list index out of range",
    ])


def test_a_javascript_error_gets_the_python_frames_too(traced):
    result = _run_main(traced, ["none"])
    lines = result["thrown"]["text"].splitlines()
    assert lines[:3] == ["Traceback (most recent call last):",
                         f'  File "play/main.py", line {_line_of(TRACED_SCRIPT, "# calls shout")}, in main',
                         f'  File "play/lib.py", line {_line_of(TRACED_LIBRARY, "value.upper()")}, in shout']
    assert lines[3].startswith("TypeError: ") and len(lines) == 4


def test_print_reaches_the_log_of_the_script_that_printed(traced):
    """Runs of one script share its modules and interleave at their awaits: each line reaches its own run's log."""
    script = textwrap.dedent("""
        const main = (await import('/play/steps.js')).main;
        const sleep = (ms) => new Promise(done => setTimeout(() => done(true), ms));
        const logs = {}, order = [], exits = [];
        const ns = (name, ms) => ({args: [name], sleep: () => sleep(ms), atExit: (callback) => exits.push(callback),
                                   print: (line) => { (logs[name] ??= []).push(line); order.push(name); }});
        await Promise.all([main(ns('slow', 7)), main(ns('fast', 3)), main(ns('mid', 5))]);
        for (const callback of exits) callback();  // as the game does when each script ends
        console.log(JSON.stringify({logs, order}));
    """)
    result = json.loads(run_node(traced, script).strip().splitlines()[-1])
    for name in ("slow", "fast", "mid"):
        expected = [f"{name} starts"] + [line for n in range(3) for line in (f"{name} step {n}", f"{name} after {n}")]
        assert result["logs"][name] == expected + [f"{name} exits"]
    assert result["order"][:6] != sorted(result["order"][:6], key=["slow", "fast", "mid"].index)  # they did interleave


def test_print_outside_any_script_writes_to_the_console(tmp_path):
    src = tmp_path / "loud"
    src.mkdir()
    (src / "loud.py").write_text("print('at import', 1)\n\n\nasync def main(ns):\n    print('in main')\n")
    build(src, tmp_path / "out")
    script = ("const log = []; const m = await import('/loud/loud.js');"
              " await m.main({args: [], print: (line) => log.push(line)}); console.log(JSON.stringify(log));")
    assert run_node(tmp_path / "out", script).splitlines() == ["at import 1", '["in main"]']


def test_a_source_deleted_from_the_folder_is_forgotten(tmp_path):
    """A module whose JavaScript does not parse fails the build; once its source is gone, the build succeeds."""
    src = tmp_path / "play"
    src.mkdir()
    (src / "ok.py").write_text("async def main(ns):\n    await ns.hack(ns.args[0])\n")
    (src / "bad.py").write_text("__pragma__('js', '{}', 'var = ;')\n")
    with pytest.raises(BuildError) as failed:
        build(src, tmp_path / "out")
    assert [finding.path for finding in failed.value.findings] == [src / "bad.py"]
    (src / "bad.py").unlink()
    report = build(src, tmp_path / "out")
    assert sorted(report.files) == ["play/ok.js"]
