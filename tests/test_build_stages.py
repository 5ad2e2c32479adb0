"""Each build stage on its own: lowering, Netscript-call peepholes, and the linker's pruning and renaming."""

import ast
from pathlib import Path

from hwgw.build import jsast, link
from hwgw.build.lower import fstrings
from hwgw.build.peephole import rewrite


def test_lowered_fstrings_keep_their_value_and_line_numbers():
    source = 'a, b = 3.14159, "x"\ns = (f"{a:>8.2f}|{b!r}"\n     f" {{ok}} {a}")\nt = f"{b}"\nlast = 1\n'
    lowered = fstrings(source, ast.parse(source), Path("m.py"))
    assert lowered.count("\n") == source.count("\n")
    assert "format(" in lowered and 't = f"{b}"' in lowered
    before, after = {}, {}
    exec(source, before)
    exec(lowered, after)
    assert before["s"] == after["s"]
    assert ast.parse(lowered).body[-1].lineno == ast.parse(source).body[-1].lineno


def test_ns_call_wrappers_become_plain_calls():
    js = ("var t = __getitem__ (ns.args, 0);\n"
          "await (function () { var __accu0__ = ns; return __call__ (__accu0__.hack, __accu0__, t,"
          " (function () { var __accu1__ = ns; return __call__ (__accu1__.getHostname, __accu1__); }) ()); }) ();\n"
          "var x = (function () { var __accu0__ = self.ns.formulas.hacking;"
          " return __call__ (__accu0__.hackTime, __accu0__, s); }) ();\n"
          "var y = (function () { var __accu0__ = other; return __call__ (__accu0__.pop, __accu0__); }) ();\n"
          "var z = __getitem__ (ns.args, __neg__ (1));\n")
    out = rewrite(js, source=True)
    assert "var t = ns.args[0];" in out
    assert "await ns.hack(t, ns.getHostname());" in out
    assert "var x = self.ns.formulas.hacking.hackTime(s);" in out
    assert "__accu0__ = other" in out  # not ns: left to the runtime
    assert "__getitem__ (ns.args, __neg__ (1))" in out  # negative index keeps Python's meaning via the runtime


def _linked(modules, renames=None):
    linker = link.Linker(modules)
    linker.analyse()
    linker.prune()
    return {name: linker.print_module(m, renames or {}) for name, m in modules.items() if m.reachable}


def test_pruning_keeps_only_what_sources_reach_by_name_and_property():
    runtime = (
        "export function used () { return helper (); }\n"
        "function helper () { return 1; }\n"
        "export function unused () { return 2; }\n"
        "Array.prototype.append = function (x) { this.push (x); };\n"
        "Array.prototype.extend = function (xs) { for (const x of xs) this.append (x); };\n"
        "used.__name__ = 'used';\n"
        "unused.__name__ = 'unused';\n"
    )
    main = ("import {used, unused} from './org.transcrypt.__runtime__.js';\n"
            "export var main = async function (ns) { var a = []; a.append (used ()); };\n")
    modules = {
        link.RUNTIME: link.Module(link.RUNTIME, "p/lib/runtime.js", runtime, False),
        "p.main": link.Module("p.main", "p/main.js", main, True),
    }
    out = _linked(modules)
    kept = out[link.RUNTIME]
    assert "function used" in kept and "function helper" in kept and "used.__name__" in kept
    assert "unused" not in kept and "extend" not in kept and "Array.prototype.append" in kept
    assert out["p.main"].startswith("import {used} from '/p/lib/runtime.js';")


def test_renaming_touches_identifiers_but_not_properties_or_ns_calls():
    main = ("export var main = async function (ns) {\n"
            "  var hack = 1; var o = {hack}; o.hack = hack; await ns.hack ('x'); var q = {grow: hack};\n};\n")
    modules = {"p.main": link.Module("p.main", "p/main.js", main, True)}
    out = _linked(modules, {"hack": "py_hack"})["p.main"]
    assert "var py_hack = 1" in out and "{hack: py_hack}" in out and "o.hack = py_hack" in out
    assert "ns.hack ('x')" in out and "{grow: py_hack}" in out


def test_edits_inside_a_deleted_range_are_dropped():
    text = "aaa bbb ccc"
    assert jsast.apply_edits(text, [jsast.Edit(0, 7, ""), jsast.Edit(4, 7, "X")]) == " ccc"


def test_ranges_are_python_string_indices_even_after_astral_characters():
    text = 'var a = "\U0001F600"; var b = 1;'
    second = jsast.parse(text).body[1]
    assert text[second.range[0]:second.range[1]] == "var b = 1;"


def test_renaming_keeps_a_module_interface():
    """`time` is a Netscript name, but `import time; time.time()` reads the module's export `time`."""
    lib = "export function time () { return 1; }\nexport var other = 2;\n"
    main = ("import * as __module_time__ from './time.js';\nimport {time} from './time.js';\n"
            "export var main = async function (ns) { __module_time__.time (); time (); };\n")
    modules = {
        "time": link.Module("time", "p/lib/time.js", lib, False),
        "p.main": link.Module("p.main", "p/main.js", main, True),
    }
    out = _linked(modules, {"time": "py_time"})
    assert "function py_time ()" in out["time"] and "export {py_time as time};" in out["time"]
    assert "export function" not in out["time"]
    assert "import {time as py_time} from '/p/lib/time.js';" in out["p.main"]
    assert "__module_time__.time ()" in out["p.main"] and "py_time ();" in out["p.main"]


def test_javascript_that_does_not_parse_is_a_finding_not_a_traceback(tmp_path, monkeypatch):
    import hwgw.build as build_package
    from hwgw.build import BuildError, build

    src = tmp_path / "play"
    src.mkdir()
    (src / "broken.py").write_text("async def main(ns):\n    await ns.hack('n00dles')\n")
    real = build_package.transpile

    def garble(*args):
        emitted = real(*args)
        emitted["broken"] += "\nvar = ;\n"
        return emitted

    monkeypatch.setattr(build_package, "transpile", garble)
    out = tmp_path / "out"
    try:
        build(src, out)
    except BuildError as error:
        (finding,) = error.findings
        assert finding.path == src / "broken.py" and "does not parse" in finding.message
    else:
        raise AssertionError("a module whose JavaScript does not parse must fail the build")
    assert not out.exists()


def test_type_only_names_are_rejected_outside_annotations():
    from hwgw.build.check import check_module

    text = ("from typing import Any, Callable, cast\nimport typing\nfrom hwgw.ns import NS\n\n"
            "Handler = Callable[[int], int]\n\n\n"
            "async def main(ns: NS) -> typing.Optional[int]:\n"
            "    value: Any = cast(int, ns.args[0])\n    return isinstance(ns, NS)\n")
    findings = check_module(Path("t.py"), text, set(), {})
    assert [(f.line, f.col) for f in findings] == [(5, 10), (9, 17), (10, 26)]
    assert all("type checkers only" in f.message for f in findings)


def test_pybuiltins_knows_every_attribute_name_transcrypt_renames():
    from hwgw.build.peephole import ALIASES

    tree = ast.parse((Path(__file__).resolve().parents[1] / "hwgw" / "build" / "pylib" / "pybuiltins.py").read_text())
    (renamed,) = [ast.literal_eval(node.value) for node in tree.body if isinstance(node, ast.Assign)
                  and any(getattr(t, "id", None) == "_RENAMED" for t in node.targets)]
    assert sorted(renamed) == sorted(ALIASES.values())


def test_a_chain_lowers_to_one_evaluation_of_each_middle_operand_on_the_same_lines():
    from hwgw.build.lower import chained_comparisons

    source = "ok = (0 < probe('a') <= probe('b')\n      < limit)\nlast = 1\n"
    lowered = chained_comparisons(source, ast.parse(source), Path("m.py"))
    assert lowered.count("\n") == source.count("\n")
    assert lowered.count("probe('a')") == 1 and lowered.count("probe('b')") == 1
    assert ast.parse(lowered).body[-1].lineno == 3


def test_renamed_variables_keep_python_scoping():
    """A function's variable that a nested `global` must skip gets another name; the program still runs as before."""
    from hwgw.build.lower import scoped_names

    source = ("counter = 100\n\n\ndef outer(counter=1):\n    seen = [counter]\n\n    def bump():\n"
              "        global counter\n        counter += 1\n        return counter\n\n"
              "    seen.append(bump())\n    return seen + [counter]\n\n\nresult = [outer(), counter]\n")
    lowered = scoped_names(source, ast.parse(source), Path("m.py"))
    assert "__counter_local__" in lowered and "global counter" in lowered
    before, after = {}, {}
    exec(source, before)
    exec(lowered, after)
    assert before["result"] == after["result"] == [[1, 101, 1], 101]


def test_javascript_reserved_words_are_renamed_as_variables_only():
    from hwgw.build.lower import scoped_names

    source = ("import math as var\n\n\ndef delete(this, catch=1):\n    o.catch = this\n    return f(catch=catch)\n"
              "\n\nclass K:\n    this = 1\n")
    lowered = scoped_names(source, ast.parse(source), Path("m.py"))
    function = ast.parse(lowered).body[1]
    names = {n.id for n in ast.walk(function) if isinstance(n, ast.Name)} | {n.arg for n in ast.walk(function)
                                                                               if isinstance(n, ast.arg)}
    assert names >= {"py_this_", "py_catch_"} and not names & {"this", "catch", "var", "delete"}
    assert "import math as py_var_" in lowered and "def py_delete_(" in lowered
    assert "o.catch = py_this_" in lowered and "f(catch=py_catch_)" in lowered  # attribute and keyword stay
    assert "    this = 1" in lowered  # a class attribute stays


def test_an_insertion_goes_before_an_edit_that_starts_at_the_same_place():
    text = "await f(x)"
    edits = [jsast.Edit(6, 10, "g(x)"), jsast.Edit(6, 6, "("), jsast.Edit(10, 10, ")")]
    assert jsast.apply_edits(text, edits) == "await (g(x))"


def test_rewrite_declares_chain_temporaries_and_instruments_awaits_and_main():
    js = ("export var main = async function (ns) {\n"
          "\tvar ok = __lt__ (0, __call__ (__hwgw_store__, null, __cmp0__, await ns.sleep (1)))"
          " && __lt__ (__cmp0__, 9);\n"
          "\tswitch (__attrib0__) { case 'py_catch_': break; case '__x_local__': break; case 'py_name': break; }\n"
          "};\n")
    out = rewrite(js, source=True, instrument=True)
    assert out.startswith("import {py_current, py_module, py_resumed, py_script} from "
                          "'./org.transcrypt.__runtime__.js'; py_module (__lines__);\n")
    assert "export var main = py_script (async function (ns) { var __cmp0__;" in out
    assert "(__cmp0__ = py_resumed (py_current, await ns.sleep (1)))" in out
    assert "case 'catch':" in out and "case 'x':" in out and "case 'name':" in out
