"""`hwgw push` and `hwgw watch`: put the build into a running game over its Remote API.

hwgw listens; the game connects to it once the player enables the Remote API in the game's options.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import sys
from collections.abc import AsyncIterator, Callable, Mapping
from pathlib import Path

import click

from hwgw.remote.link import CannotListen, GameDisconnected, GameLink
from hwgw.remote.push import Price, check_ram, is_script, push_files
from hwgw.remote.report import failure_lines, ram_table, verdict

DEFAULT_PORT = 12525

Echo = Callable[[str], None]
Read = Callable[[Path], Mapping[str, str]]
Build = Callable[[Path, Path], object]


def how_to_connect(host: str, port: int) -> str:
    game_host = "localhost" if host in ("127.0.0.1", "::1", "localhost") else host
    return (
        f"In the game, open Options → Remote API, set Hostname to {game_host} and Port to {port}, "
        "then press Connect. Once a port is set, the game also connects by itself whenever it starts."
    )


def not_connected(host: str, port: int, timeout: float) -> str:
    return (
        f"the game did not connect to ws://{host}:{port} within {timeout:g} s.\n"
        + how_to_connect(host, port)
    )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_bind(host: str, allow_remote: bool) -> None:
    if not allow_remote and not is_loopback(host):
        raise click.UsageError(
            f"--host {host} is not a loopback address, so other machines could write files into your game; "
            "pass --allow-remote to listen there anyway"
        )


def mem_price(server: str, bitnode: int = 1, sf4: int = 0) -> Price:
    """hwgw's own RAM figure, from `hwgw mem`'s calculator, for the player's BitNode and Source-File 4 level (the
    game prices singularity functions by them)."""

    def price(files: Mapping[str, str], entry: str) -> float | None:
        from hwgw.mem import calculate_ram

        return calculate_ram(files, entry, server=server, bitnode=bitnode, sf4=sf4).ram

    return price


def read_build(folder: Path) -> Mapping[str, str]:
    from hwgw.mem import read_server

    return read_server(folder)


def build_sources(src: Path, out: Path) -> object:
    from hwgw.build import build

    return build(src, out)


async def push_build(link: GameLink, files: Mapping[str, str], server: str, price: Price, echo: Echo) -> bool:
    """Push every file, then compare RAM for each script that arrived. True when all went well."""
    failures = await push_files(link, files, server)
    failed = {f.path for f in failures}
    scripts = [path for path in sorted(files) if is_script(path) and path not in failed]
    checks = await check_ram(link, files, scripts, server, price)
    for line in failure_lines(failures) + ram_table(checks):
        echo(line)
    echo(verdict(len(files), server, failures, checks))
    return not failures and all(c.match for c in checks)


async def run_push(
    files: Mapping[str, str], host: str, port: int, server: str, timeout: float, price: Price, echo: Echo
) -> bool:
    link = GameLink()
    async with link.listen(host, port) as bound:
        echo(f"listening on ws://{host}:{bound}; waiting up to {timeout:g} s for the game")
        if not await link.wait_for_game(timeout):
            raise click.ClickException(not_connected(host, bound, timeout))
        try:
            return await push_build(link, files, server, price, echo)
        except GameDisconnected:
            raise click.ClickException("the game disconnected during the push: run `hwgw push` again") from None


class Syncer:
    """Keeps the game's copy of the build in step: everything after each (re)connect, then what changed."""

    def __init__(self, link: GameLink, server: str, price: Price, echo: Echo):
        self.link, self.server, self.price, self.echo = link, server, price, echo
        self.generation = -1
        self.pushed: dict[str, str] = {}
        self.game_ram: dict[str, float | None] = {}

    async def sync(self, files: Mapping[str, str]) -> None:
        if self.generation != self.link.generation:
            self.generation = self.link.generation
            self.pushed, self.game_ram = {}, {}
        changed = {path: code for path, code in files.items() if self.pushed.get(path) != code}
        if not changed:
            return
        failures = await push_files(self.link, changed, self.server)
        failed = {f.path for f in failures}
        self.pushed.update((path, code) for path, code in changed.items() if path not in failed)
        scripts = [path for path in sorted(files) if is_script(path) and path in self.pushed]
        checks = await check_ram(self.link, files, scripts, self.server, self.price)
        shown = [
            c for c in checks if c.script in changed or not c.match or self.game_ram.get(c.script) != c.game
        ]
        self.game_ram = {c.script: c.game for c in checks}
        for line in failure_lines(failures) + (ram_table(shown) if shown else []):
            self.echo(line)
        self.echo(verdict(len(changed), self.server, failures, checks))


async def run_watch(
    src: Path,
    out: Path,
    host: str,
    port: int,
    server: str,
    *,
    build: Build,
    read: Read,
    price: Price,
    echo: Echo,
    changes: AsyncIterator[object] | None = None,
) -> None:
    """Rebuild when sources change and push what changed, until cancelled.

    `changes` yields once per batch of source changes; by default watchfiles watches `src`. It is followed
    from the start, so an edit made during a build is not lost: it triggers one more build afterwards.
    """
    stale = asyncio.Event()  # sources changed since the last build started
    dirty = asyncio.Event()  # a build finished or the game (re)connected: bring the game up to date
    stale.set()
    link = GameLink(on_connect=dirty.set)
    build_lock = asyncio.Lock()

    async def follow_sources() -> None:
        async for _ in changes if changes is not None else source_changes(src, out):
            stale.set()

    async def rebuild_when_stale() -> None:
        while True:
            await stale.wait()
            stale.clear()
            async with build_lock:
                try:
                    await asyncio.to_thread(build, src, out)
                except Exception as e:  # a broken source must not end the watch
                    echo(f"build failed:\n{e}")
                    continue
            echo(f"built {src} -> {out}")
            dirty.set()

    async with link.listen(host, port) as bound:
        echo(f"listening on ws://{host}:{bound}")
        echo(how_to_connect(host, bound))
        tasks = [asyncio.create_task(follow_sources()), asyncio.create_task(rebuild_when_stale())]
        for task in tasks:
            task.add_done_callback(lambda _: dirty.set())
        syncer = Syncer(link, server, price, echo)
        try:
            while True:
                await dirty.wait()
                dirty.clear()
                for task in tasks:
                    if task.done():
                        return task.result()
                if not link.connected or not out.is_dir():
                    continue
                async with build_lock:
                    files = read(out)
                try:
                    await syncer.sync(files)
                except GameDisconnected:
                    echo("the game disconnected; waiting for it to connect again")
        finally:
            for task in tasks:
                task.cancel()


def source_changes(src: Path, out: Path) -> AsyncIterator[object]:
    from watchfiles import Change, PythonFilter, awatch

    out = out.resolve()

    class SourceFilter(PythonFilter):
        """Python files only, and none from the build output, in case it lies inside the sources."""

        def __call__(self, change: Change, path: str) -> bool:
            return super().__call__(change, path) and not Path(path).resolve().is_relative_to(out)

    return awatch(src, watch_filter=SourceFilter())


def setup_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("hwgw: %(message)s"))
    logger = logging.getLogger("hwgw.remote")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


SHARED_OPTIONS = [
    click.option(
        "--build", "build_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("build"),
        show_default=True, help="Folder of built scripts, laid out as on the game server.",
    ),
    click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on."),
    click.option(
        "--port", type=click.IntRange(0, 65535), default=DEFAULT_PORT, show_default=True,
        help="Port to listen on: the port set in the game's Remote API options.",
    ),
    click.option("--server", default="home", show_default=True, help="Game server that receives the files."),
    click.option("--allow-remote", is_flag=True, help="Allow a --host that is not a loopback address."),
    click.option("--bitnode", type=click.IntRange(min=1), default=1, show_default=True,
                 help="Your current BitNode, for hwgw's RAM figures."),
    click.option("--sf4", type=click.IntRange(0, 3), default=0, show_default=True,
                 help="Your Source-File 4 level, for hwgw's RAM figures of singularity calls."),
]


def shared_options(command: Callable[..., None]) -> Callable[..., None]:
    for option in reversed(SHARED_OPTIONS):
        command = option(command)
    return command


@click.command()
@shared_options
@click.option(
    "--timeout", type=click.FloatRange(min=0), default=60.0, show_default=True,
    help="Seconds to wait for the game to connect.",
)
def push(build_dir: Path, host: str, port: int, server: str, allow_remote: bool, bitnode: int, sf4: int,
         timeout: float) -> None:
    """Push the build into the running game and check each script's RAM against the game's."""
    check_bind(host, allow_remote)
    if not build_dir.is_dir():
        raise click.ClickException(f"{build_dir} does not exist: run `hwgw build` first, or pass --build DIR")
    files = read_build(build_dir)
    if not files:
        raise click.ClickException(f"{build_dir} holds no scripts or text files: run `hwgw build` first")
    setup_logging()
    try:
        ok = asyncio.run(run_push(files, host, port, server, timeout, mem_price(server, bitnode, sf4), click.echo))
    except CannotListen as e:
        raise click.ClickException(str(e)) from None
    if not ok:
        sys.exit(1)


@click.command()
@shared_options
@click.option(
    "--src", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
    help="Folder of Python sources to build. Default: the shipped game scripts.",
)
def watch(build_dir: Path, host: str, port: int, server: str, allow_remote: bool, bitnode: int, sf4: int,
          src: Path | None) -> None:
    """Rebuild whenever a source changes and push what changed; stays connected across game reloads."""
    check_bind(host, allow_remote)
    setup_logging()
    if src is None:
        from hwgw.build import default_source

        src = default_source()
    run = run_watch(
        src, build_dir, host, port, server,
        build=build_sources, read=read_build, price=mem_price(server, bitnode, sf4), echo=click.echo,
    )
    try:
        asyncio.run(run)
    except CannotListen as e:
        raise click.ClickException(str(e)) from None
    except KeyboardInterrupt:
        pass
