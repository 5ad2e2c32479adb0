"""`hwgw watch`: rebuild on change, push what changed, push everything again after the game reconnects."""

import asyncio
import re
import threading

from fake_game import FakeGame
from hwgw.remote.cli import run_watch


def fake_build(src, out):
    """Stands in for `hwgw build`: one module per source file, its text carried as a comment."""
    for source in sorted(src.glob("*.py")):
        text = source.read_text()
        if "syntax error" in text:
            raise ValueError(f"{source}:1:1: invalid syntax")
        target = out / "hwgw" / (source.stem + ".js")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"// {text}\nexport async function main(ns) {{}}\n")


def read_tree(out):
    return {p.relative_to(out).as_posix(): p.read_text() for p in sorted(out.rglob("*")) if p.is_file()}


def flat_ram(files, name):
    return 1.6


class Changes:
    """A change feed the test drives by hand."""

    def __init__(self):
        self.queue = asyncio.Queue()

    def __aiter__(self):
        return self

    async def __anext__(self):
        return await self.queue.get()


async def until(condition, timeout=3.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.01)


async def start_watch(src, out, lines, changes=None, build=fake_build):
    task = asyncio.create_task(
        run_watch(src, out, "127.0.0.1", 0, "home", build=build, read=read_tree, price=flat_ram,
                  echo=lines.append, changes=changes)
    )
    await until(lambda: any(line.startswith("listening on") for line in lines))
    port = int(re.search(r"ws://127\.0\.0\.1:(\d+)", lines[0])[1])
    return task, port


def pushed_paths(game):
    return [r["params"]["filename"] for r in game.requests if r["method"] == "pushFile"]


def test_watch_pushes_changes_and_everything_again_after_a_reload(tmp_path):
    src, out = tmp_path / "src", tmp_path / "build"
    src.mkdir()
    (src / "hack.py").write_text("v1")
    (src / "grow.py").write_text("g1")

    async def scenario():
        lines, changes = [], Changes()
        task, port = await start_watch(src, out, lines, changes)
        first = await FakeGame(flat_ram).connect(port)
        await until(lambda: len(first.files["home"]) == 2)
        assert sorted(pushed_paths(first)) == ["hwgw/grow.js", "hwgw/hack.js"]

        (src / "hack.py").write_text("v2")
        changes.queue.put_nowait({"hack.py"})
        await until(lambda: "v2" in first.files["home"].get("hwgw/hack.js", ""))
        await until(lambda: lines[-1].startswith("pushed 1 of 1 files"))
        assert sorted(pushed_paths(first)) == ["hwgw/grow.js", "hwgw/hack.js", "hwgw/hack.js"]

        # The player reloads the game: the old connection goes, a new one comes and gets the whole build.
        await first.close()
        second = await FakeGame(flat_ram).connect(port)
        await until(lambda: len(second.files["home"]) == 2)
        assert "v2" in second.files["home"]["hwgw/hack.js"]

        # A broken source is reported and the watch goes on.
        (src / "grow.py").write_text("syntax error")
        changes.queue.put_nowait({"grow.py"})
        await until(lambda: any(line.startswith("build failed") for line in lines))
        (src / "grow.py").write_text("g2")
        changes.queue.put_nowait({"grow.py"})
        await until(lambda: "g2" in second.files["home"]["hwgw/grow.js"])

        assert not task.done()
        task.cancel()
        await second.close()
        return lines

    lines = asyncio.run(asyncio.wait_for(scenario(), 8))
    assert "build failed:\n" + str(src / "grow.py") + ":1:1: invalid syntax" in lines
    assert "pushed 2 of 2 files to home, checked 2 scripts: all RAM figures match the game" in lines


def test_edits_during_a_build_lead_to_one_more_build(tmp_path):
    src, out = tmp_path / "src", tmp_path / "build"
    src.mkdir()
    (src / "hack.py").write_text("v1")
    started, release, builds = threading.Event(), threading.Event(), []

    def slow_build(src, out):
        builds.append(src)
        started.set()
        release.wait(2)
        fake_build(src, out)

    async def scenario():
        lines, changes = [], Changes()
        task, port = await start_watch(src, out, lines, changes, build=slow_build)
        await until(started.is_set)
        (src / "hack.py").write_text("v2")
        changes.queue.put_nowait({"hack.py"})
        changes.queue.put_nowait({"hack.py"})
        await asyncio.sleep(0.05)
        release.set()
        game = await FakeGame(flat_ram).connect(port)
        await until(lambda: "v2" in game.files["home"].get("hwgw/hack.js", ""))
        await asyncio.sleep(0.1)
        task.cancel()
        await game.close()

    asyncio.run(asyncio.wait_for(scenario(), 5))
    assert len(builds) == 2


def test_watch_follows_the_file_system(tmp_path):
    src, out = tmp_path / "src", tmp_path / "build"
    src.mkdir()
    (src / "hack.py").write_text("v1")

    async def scenario():
        lines = []
        task, port = await start_watch(src, out, lines)
        game = await FakeGame(flat_ram).connect(port)
        await until(lambda: "v1" in game.files["home"].get("hwgw/hack.js", ""))
        # The watcher may start a moment after the first build: write until a rebuild is seen.
        for attempt in range(40):
            (src / "hack.py").write_text(f"edit {attempt}")
            try:
                await until(lambda: "edit" in game.files["home"]["hwgw/hack.js"], timeout=0.25)
                break
            except AssertionError:
                continue
        task.cancel()
        await game.close()
        return game

    game = asyncio.run(asyncio.wait_for(scenario(), 15))
    assert "edit" in game.files["home"]["hwgw/hack.js"]


WORKER = '''\
from hwgw.ns import NS


async def main(ns: NS) -> None:
    await ns.{call}(str(ns.args[0]))
'''


def worker_sizes(files, name):
    """The game's figures for one-call workers (hack 1.70 GB, grow 1.75 GB); other modules priced by hwgw mem,
    since only the workers have an independent figure here."""
    code = files[name]
    if "export async function main" in code and "ns.hack(" in code:
        return 1.7
    if "export async function main" in code and "ns.grow(" in code:
        return 1.75
    from hwgw.mem import calculate_ram

    return calculate_ram(files, name).ram


def test_watch_with_the_real_build_and_calculator(tmp_path):
    """The first build and push through `hwgw build` and `hwgw mem`; edits are covered above."""
    from hwgw.remote.cli import build_sources, mem_price, read_build

    src, out = tmp_path / "scripts", tmp_path / "build"
    src.mkdir()
    (src / "hack.py").write_text(WORKER.format(call="hack"))
    (src / "grow.py").write_text(WORKER.format(call="grow"))

    async def scenario():
        lines = []
        task = asyncio.create_task(
            run_watch(src, out, "127.0.0.1", 0, "home", build=build_sources, read=read_build,
                      price=mem_price("home"), echo=lines.append, changes=Changes())
        )
        await until(lambda: any(line.startswith("listening on") for line in lines))
        port = int(re.search(r"ws://127\.0\.0\.1:(\d+)", lines[0])[1])
        game = await FakeGame(worker_sizes).connect(port)
        await until(lambda: any(line.startswith("pushed") for line in lines), timeout=15)
        task.cancel()
        await game.close()
        return lines, game

    lines, game = asyncio.run(asyncio.wait_for(scenario(), 20))
    workers = {path.rsplit("/", 1)[-1]: path for path in game.files["home"]}
    assert "ns.hack(" in game.files["home"][workers["hack.js"]]
    assert any(re.fullmatch(rf"{workers['hack.js']}\s+1\.70 GB\s+1\.70 GB\s+yes", line) for line in lines), lines
    assert any(re.fullmatch(rf"{workers['grow.js']}\s+1\.75 GB\s+1\.75 GB\s+yes", line) for line in lines), lines
