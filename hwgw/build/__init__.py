"""`hwgw build`: Python sources -> Netscript-safe JavaScript, in three stages: transpile, link, print."""

import contextlib
import dataclasses
import fcntl
import functools
import hashlib
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import esprima
import jinja2

from hwgw.mem.costs import cost_table

from . import link as linker
from .check import check_module
from .errors import BuildError, Finding
from .floor import check_floors
from .lower import lean_line
from .peephole import rewrite, rewrite_source
from .transpile import collect_sources, package_name, transpile

__all__ = ["BuildError", "BuildReport", "Finding", "build", "default_source"]

TERMINAL_NAMES = {"__Terminal__", "__terminal__", "print", "input"}
SEALED_PROTOTYPES = ["Array.prototype", "String.prototype", "Number.prototype", "Uint8Array.prototype",
                     "Function.prototype"]


@dataclass
class BuildReport:
    out: Path
    scripts: list[str] = field(default_factory=list)  # in-game paths of modules with a main()
    files: dict[str, str] = field(default_factory=dict)  # in-game path -> JavaScript
    ram: dict[str, float] = field(default_factory=dict)  # in-game path of a script -> GB, as the game prices it
    runtime_bytes_before: int = 0
    runtime_bytes_after: int = 0


def default_source() -> Path:
    return Path(__file__).resolve().parent.parent / "game"


@functools.cache
def netscript_names() -> dict[str, float]:
    """Leaf name -> what the game charges for that bare name (v3.0.x table, before the singularity multiplier)."""
    return {leaf: price.cost for leaf, price in cost_table("3.0").prices.items()}


def _template(name: str, **values) -> str:
    template = resources.files("hwgw.templates").joinpath(name).read_text()
    return jinja2.Template(template, keep_trailing_newline=True).render(**values)


# Repairs of Transcrypt's runtime, text before -> after: a call that takes a class's own `apply` (a method of that
# name) for Function.prototype.apply; iterators of dicts and strings that return nothing, and a
# dict's JavaScript iterator that gives indices (so `f(*a_dict)` fails); properties a subclass cannot override
# (their descriptor is not configurable); a keyword argument given twice (`f(k=1, **{'k': 2})`) that raises nothing.
RUNTIME_REPAIRS = {
    "        return args [0] .apply (args [1], args.slice (2));":
        "        return Reflect.apply (args [0], args [1], args.slice (2));",
    "    for (var attrib in object1) {\n        result [attrib] = object1 [attrib];":
        "    for (var attrib in object1) {\n        if (Object.prototype.hasOwnProperty.call (result, attrib)) {\n"
        "            throw py_TypeError (\"got multiple values for keyword argument '\" + attrib + \"'\");\n"
        "        }\n        result [attrib] = object1 [attrib];",
    "function () {new __PyIterator__": "function () {return new __PyIterator__",
    "{value: function () {new __JsIterator__ (this.py_keys ());}":
        "{value: function () {return this.py_keys () [Symbol.iterator] ();}",
    "set: function (value) {setter (this, value)}, enumerable: true}":
        "set: function (value) {setter (this, value)}, enumerable: true, configurable: true}",
}


def _adapt_runtime(runtime: str, cache: Path) -> str:
    """Cut the runtime's DOM terminal (it names window and document) and put the console shim in its place, hook
    class creation right after the metaclass is complete, before the runtime makes its first class, and repair it."""
    for before, after in RUNTIME_REPAIRS.items():
        if before not in runtime:
            raise BuildError([Finding(Path("org.transcrypt.__runtime__.js"), 0, 0,
                                      f"the Transcrypt runtime has an unexpected shape: {before!r} not found")])
        runtime = runtime.replace(before, after)
    statements = linker.analysis(runtime, cache)
    edits = [linker.jsast.Edit(st.start, st.end, "") for st in statements if st.declares & TERMINAL_NAMES]
    metaclass_done = [st for st in statements if st.kind == "member" and st.root == "py_metatype"]
    if not metaclass_done:
        raise BuildError([Finding(Path("org.transcrypt.__runtime__.js"), 0, 0,
                                  "the Transcrypt runtime has an unexpected shape: py_metatype not found")])
    end = metaclass_done[0].end
    edits.append(linker.jsast.Edit(end, end, "\n" + _template("class_hook.js.j2")))
    return linker.jsast.apply_edits(runtime, edits) + "\n" + _template("runtime_shim.js.j2",
                                                                         prototypes=SEALED_PROTOTYPES)


def _game_path(module: str, base: str, prefix: str, is_source: bool) -> str:
    if not is_source:
        name = "runtime" if module == linker.RUNTIME else module
        return f"{prefix}/lib/{name}.js"
    rel = module[len(base) + 1:] if base else module
    return f"{prefix}/{rel.replace('.', '/')}.js"


def _write_atomically(files: dict[str, str], out: Path) -> None:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        for path, text in files.items():
            target = fresh / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
            os.replace(out, old / out.name)
            os.replace(fresh, out)
            shutil.rmtree(old)
        else:
            os.replace(fresh, out)
    finally:
        if fresh.exists():
            shutil.rmtree(fresh)


def cache_root() -> Path:
    return Path(os.environ.get("HWGW_CACHE") or Path.home() / ".cache" / "hwgw")


@contextlib.contextmanager
def _workdir(src: Path):
    """A per-source-folder working directory that outlives the build, held under an exclusive lock."""
    key = hashlib.sha256(str(src.resolve()).encode()).hexdigest()[:16]
    workdir = cache_root() / key
    workdir.mkdir(parents=True, exist_ok=True)
    with open(workdir / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield workdir
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def build(src: Path | None = None, out: Path = Path("build")) -> BuildReport:
    src = Path(src) if src is not None else default_source()
    if not src.is_dir():
        raise BuildError([Finding(src, 0, 0, "no such source folder: pass --src a folder of Python scripts")])
    sources = collect_sources(src)
    if not sources:
        raise BuildError([Finding(src, 0, 0, "no Python sources here: pass --src a folder of .py scripts")])
    local_modules = {s.module for s in sources}
    costly = {name: cost for name, cost in netscript_names().items() if cost > 0}
    findings = []
    cache = cache_root() / "analysis"
    modules_key = "\0".join(sorted(local_modules))
    for source in sources:
        found = linker.memo(cache, "check", f"{modules_key}\0{source.text}",
                            lambda _, s=source: check_module(s.path, s.text, local_modules, costly))
        findings += [dataclasses.replace(finding, path=source.path) for finding in found]
    if findings:
        raise BuildError(findings)

    with _workdir(src) as workdir:
        emitted = transpile(sources, workdir, cache_root() / "analysis")
        return _link_and_write(src, out, sources, local_modules, emitted, cache_root() / "analysis")


def _check_lean(sources, modules, link) -> None:
    """A lean module (see `lower.lean_line`) may import other source modules only, never the Python runtime."""
    findings = []
    for source in sources:
        line = lean_line(source.text)
        module = modules.get(source.module)
        if not line or module is None or not module.reachable:
            continue
        libraries = sorted({modules[name].game_path for name in link.imported_modules(module)
                            if not modules[name].is_source})
        if libraries:
            findings.append(Finding(source.path, line, 1,
                                    f"a lean module must not need the Python runtime, and this one imports "
                                    f"{', '.join(libraries)}: use only what compiles to plain JavaScript (no "
                                    f"builtins such as len or max, no keyword arguments) or remove '# hwgw: lean'"))
    if findings:
        raise BuildError(findings)


_IMPORTED = re.compile(r"\bfrom '\./([^']+)\.js'")


def _unparsable(name: str, error: Exception, paths: dict[str, Path]) -> BuildError:
    return BuildError([Finding(paths.get(name, Path(f"{name}.js")), 0, 0,
                               f"the JavaScript Transcrypt made for this module does not parse ({error}); "
                               f"simplify the construct or report it as an hwgw bug")])


def _rewritten(emitted: dict[str, str], local_modules: set[str], cache: Path,
               paths: dict[str, Path]) -> tuple[dict[str, str], set[str]]:
    """Every module through `peephole.rewrite`. A player's module that uses the Python runtime, itself or through
    the modules it imports, is instrumented: print() reaches its script's log and errors become Python tracebacks.
    The others are plain JavaScript and are left so (a script that only calls ns imports nothing)."""
    texts, direct, imports = {}, set(), {}
    for name, text in emitted.items():
        if name in local_modules:
            try:
                texts[name], uses = linker.memo(cache, "rewrite-instrumented", text,
                                                lambda t: rewrite_source(t, instrument=True))
            except esprima.Error as error:
                raise _unparsable(name, error, paths) from None
            if uses:
                direct.add(name)
            imports[name] = set(_IMPORTED.findall(text)) & local_modules
        else:
            texts[name] = text
    users = set(direct)
    changed = True
    while changed:
        changed = False
        for name, imported in imports.items():
            if name not in users and imported & users:
                users.add(name)
                changed = True
    for name in local_modules & emitted.keys() - users:
        texts[name] = linker.memo(cache, "rewrite-source", linker.ANNOTATION.sub("", emitted[name]),
                                  lambda t: rewrite_source(t, instrument=False))[0]
    return texts, users


def _link_and_write(src, out, sources, local_modules, emitted, analysis_cache: Path) -> BuildReport:
    base = package_name(src)
    prefix = base.split(".")[0] if base else src.resolve().name
    report = BuildReport(out=Path(out))
    modules = {}
    paths = {s.module: s.path for s in sources}
    texts = {s.module: s.text for s in sources}
    rewritten, instrumented = _rewritten(emitted, local_modules, analysis_cache, paths)
    for name, text in rewritten.items():
        is_source = name in local_modules
        try:
            if not is_source:
                text = linker.ANNOTATION.sub("", text)
                if name == linker.RUNTIME:
                    report.runtime_bytes_before = len(text.encode())
                    text = _adapt_runtime(text, analysis_cache)
                text = linker.memo(analysis_cache, "rewrite", text, rewrite)
            statements = linker.analysis(text, analysis_cache)
        except esprima.Error as error:
            raise _unparsable(name, error, paths) from None
        modules[name] = linker.Module(name, _game_path(name, base, prefix, is_source), text, is_source, statements,
                                      python=texts.get(name) if name in instrumented else None)

    link = linker.Linker(modules)
    link.analyse(analysis_cache)
    link.prune()
    bound = link.bound_names()
    renames = {name: f"py_{name}" for name in netscript_names() if name in bound}
    scripts = {}
    for module in modules.values():
        if module.reachable:
            report.files[module.game_path] = link.print_module(module, renames)
            if module.is_source and any(st.kind == "decl" and "main" in st.declares for st in module.statements):
                scripts[module.game_path] = module.name
    runtime = modules.get(linker.RUNTIME)
    if runtime is not None and runtime.reachable:
        report.runtime_bytes_after = len(report.files[runtime.game_path].encode())
    report.files = dict(sorted(report.files.items()))
    _check_lean(sources, modules, link)
    report.scripts = sorted(scripts)
    report.ram = check_floors(sources, scripts, report.files)
    _write_atomically(report.files, Path(out))
    return report
