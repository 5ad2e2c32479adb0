"""Stage Python sources and run Transcrypt over all of them in one pass.

Transcrypt finds modules by their dotted names, so the sources are staged under their package path together with
empty `__init__.py` files, and one entry module imports every source module.
"""

import hashlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import BuildError, Finding
from .link import RUNTIME, memo
from .lower import PYLIB, TRANSCRYPT_MODULES, lower

# Python semantics over speed: keyword arguments, operator overloading (==, +, [] on lists and dicts), truthiness of
# empty containers, iteration over dicts and strings, and the str.format mini-language; and each line annotated with
# its Python line number, for tracebacks.
TRANSCRYPT_FLAGS = ["-n", "-k", "-o", "-t", "-i", "-sf", "-a"]
RUNNER = Path(__file__).parent / "transcrypt_main.py"
# Compiled JavaScript is kept per set of flags and version of the runner that patches Transcrypt: Transcrypt itself
# recompiles a module only when its source changes.
TARGET = "target-" + hashlib.sha256(" ".join(TRANSCRYPT_FLAGS).encode() + RUNNER.read_bytes()).hexdigest()[:8]

# Modules that only carry types for editors and checkers; they never reach the game.
TYPE_ONLY_MODULES = ("typing", "__future__", "hwgw.ns")

ENTRY = "__hwgw_entry__"


@dataclass(frozen=True)
class Source:
    path: Path  # the file on disk
    module: str  # its dotted module name, e.g. "hwgw.game.workers.hack"
    text: str


def package_name(folder: Path) -> str:
    """The dotted package name of a folder, found by walking up through `__init__.py` files ('' if none)."""
    parts = []
    folder = folder.resolve()
    while (folder / "__init__.py").exists():
        parts.append(folder.name)
        folder = folder.parent
    return ".".join(reversed(parts))


def collect_sources(src: Path) -> list[Source]:
    base = package_name(src)
    sources = []
    for path in sorted(src.rglob("*.py")):
        rel = path.relative_to(src).with_suffix("")
        if any(part.startswith((".", "__pycache__")) for part in rel.parts) or rel.name == "__init__":
            continue
        module = ".".join(([base] if base else []) + list(rel.parts))
        sources.append(Source(path, module, path.read_text(encoding="utf-8")))
    return sources


def _write_if_changed(path: Path, text: str) -> None:
    """Keep the file's mtime when its text is the same, so Transcrypt's incremental mode skips it."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def stage(sources: list[Source], root: Path, cache: Path | None = None) -> None:
    wanted = {root / f"{ENTRY}.py", root / "hwgw" / "ns.py"}
    for source in sources:
        target = (root / Path(*source.module.split("."))).with_suffix(".py")
        _write_if_changed(target, memo(cache, "lower", source.text,
                                       lambda _, s=source: lower(s.text, s.path)))
        wanted.add(target)
        folder = target.parent
        while folder != root:
            _write_if_changed(folder / "__init__.py", "")
            wanted.add(folder / "__init__.py")
            folder = folder.parent
    for library in PYLIB.glob("*.py"):
        staged = root / library.name
        if not staged.exists() or staged.stat().st_mtime != library.stat().st_mtime:
            shutil.copy2(library, staged)  # its own mtime: a compiled copy from another work folder stays valid
        wanted.add(staged)
    _write_if_changed(root / "hwgw" / "__init__.py", "")
    wanted.add(root / "hwgw" / "__init__.py")
    if "hwgw.ns" not in {s.module for s in sources}:
        _write_if_changed(root / "hwgw" / "ns.py", "class NS:\n    pass\n")
    _write_if_changed(root / f"{ENTRY}.py", "".join(f"import {source.module}\n" for source in sources))
    for stale in root.rglob("*.py"):
        if stale not in wanted:
            stale.unlink()


_TRAIL = re.compile(r"File '([^']*)', line (\d+), namely:\s*\n\s*(.*)", re.S)


def _transcrypt_failure(output: str, sources: list[Source]) -> BuildError:
    match = _TRAIL.search(output)
    if not match:
        return BuildError([Finding(Path("<transcrypt>"), 0, 0, output.strip().splitlines()[-1] if output.strip()
                                   else "Transcrypt failed without a message")])
    module, line, message = match.group(1), int(match.group(2)), match.group(3).strip().splitlines()[0]
    by_module = {s.module: s for s in sources}
    path = by_module[module].path if module in by_module else Path(module)
    return BuildError([Finding(path, line, 0, f"Transcrypt cannot compile this: {message}")])


def transpile(sources: list[Source], workdir: Path, cache: Path | None = None) -> dict[str, str]:
    """Return the JavaScript of every module Transcrypt emitted, keyed by dotted module name.

    `workdir` persists between builds of the same sources: Transcrypt then recompiles only the modules whose
    staged source changed. The caller holds a lock on it.
    """
    stage(sources, workdir / "src", cache)
    target = workdir / TARGET
    shared = cache.parent / TARGET.replace("target", "library") if cache is not None else None
    if shared is not None:
        _copy_libraries(shared, target)
    _forget_deleted(workdir / "src", target)
    proc = subprocess.run(
        [sys.executable, str(RUNNER), *TRANSCRYPT_FLAGS, "-od", str(target),
         str(workdir / "src" / f"{ENTRY}.py")],
        capture_output=True, text=True, cwd=workdir,
    )
    output = proc.stdout + proc.stderr
    if "Error while compiling" in output or proc.returncode != 0 or not target.exists():
        shutil.rmtree(target, ignore_errors=True)  # a half-written target must not look up to date next time
        raise _transcrypt_failure(output, sources)
    if shared is not None:
        _copy_libraries(target, shared)
    modules = {}
    for js in sorted(target.glob("*.js")):
        name = js.name[: -len(".js")]
        if name == ENTRY or name in TYPE_ONLY_MODULES:
            continue
        modules[name] = _exported_once(_without_stamp(js.read_text(encoding="utf-8")))
    return modules


def _forget_deleted(staged: Path, target: Path) -> None:
    """Drop the JavaScript of modules whose source is gone: Transcrypt leaves it, and it would be linked."""
    for js in target.glob("*.js"):
        path = staged / Path(*js.stem.split("."))
        if not (path.with_suffix(".py").exists() or (path / "__init__.py").exists() or _library_module(js.stem)):
            js.unlink()


def _library_module(name: str) -> bool:
    """Transcrypt's runtime and modules, and hwgw's pylib: the same JavaScript whatever the player's sources."""
    return name == RUNTIME or (PYLIB / f"{name}.py").exists() or (TRANSCRYPT_MODULES / name).is_dir()


def _copy_libraries(source: Path, destination: Path) -> None:
    """Share compiled libraries between work folders, keeping modification times (Transcrypt judges by them): a
    new source folder then compiles only its own modules."""
    if not source.is_dir():
        return
    destination.mkdir(parents=True, exist_ok=True)
    for js in source.glob("*.js"):
        kept = destination / js.name
        if _library_module(js.stem) and (not kept.exists() or kept.stat().st_mtime < js.stat().st_mtime):
            partial = kept.with_suffix(f".{os.getpid()}.part")
            shutil.copy2(js, partial)
            os.replace(partial, kept)


_TOP_EXPORT = re.compile(r"^((?:/\* \d{6} \*/ )?)export (var (\w+) =)", re.M)


def _exported_once(text: str) -> str:
    """Transcrypt exports a module-level class each time it is defined (`class K` twice is valid Python, a second
    `export var K` invalid JavaScript): later definitions only assign."""
    seen = set()

    def once(match):
        if match.group(3) in seen:
            return match.group(1) + match.group(2)
        seen.add(match.group(3))
        return match.group(0)

    return _TOP_EXPORT.sub(once, text)


def _without_stamp(text: str) -> str:
    """Drop the compile-time stamp Transcrypt writes on the first line: the same source must give the same text."""
    first, _, rest = text.partition("\n")
    return rest if re.match(r"(/\* \d{6} \*/ )?// Transcrypt'ed from Python", first) else text
