"""One real game, headless, driven through ../shared/realgame's daemon.

Every game lives in its own REALGAME_HOME (a temporary folder whose `app` and `node` point at the driver's one
installation) and on its own ports, so that games can run side by side and next to other people's.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(os.environ.get("HWGW_REALGAME_DRIVER", ROOT.parent / "shared" / "realgame" / "realgame.py"))
INSTALL = Path(os.environ.get("REALGAME_HOME", Path.home() / ".cache" / "realgame"))
MIDGAME_SAVE = DRIVER.parent / "saves" / "midgame-hack500.json.gz"
STATUS_FILE = "hwgw/status.txt"


class GameError(RuntimeError):
    """The game could not start, or the daemon refused an operation."""


@dataclass(frozen=True)
class Ports:
    static: int
    ctl: int
    rfa: int


def setup() -> None:
    """Unpack the game and install the driver's npm packages into INSTALL (once), or raise why not."""
    if not DRIVER.is_file():
        raise GameError(f"no driver at {DRIVER}: set HWGW_REALGAME_DRIVER to realgame.py")
    if not Path("/usr/bin/chromium").exists():
        raise GameError("/usr/bin/chromium is missing: apt-get update && apt-get install -y chromium")
    done = subprocess.run([sys.executable, str(DRIVER), "setup"], env=dict(os.environ, REALGAME_HOME=str(INSTALL)),
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise GameError(f"realgame.py setup failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")


class Game:
    def __init__(self, name: str, ports: Ports, save: Path | None = None, real_clock: bool = False):
        self.name = name
        self.ports = ports
        self.save = save
        self.real_clock = real_clock
        self.home = Path(tempfile.mkdtemp(prefix=f"hwgw-realgame-{name}-"))
        self.url = f"http://127.0.0.1:{ports.ctl}/"
        self.env = dict(os.environ, REALGAME_HOME=str(self.home), REALGAME_CTL=self.url)

    def _driver(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, str(DRIVER), *args], env=self.env, capture_output=True, text=True,
                              timeout=timeout)

    def start(self) -> None:
        for part in ("app", "node"):
            (self.home / part).symlink_to(INSTALL / part)
        flags = ["--static-port", str(self.ports.static), "--rfa-port", str(self.ports.rfa),
                 "--ctl-port", str(self.ports.ctl)]
        flags += ["--save", str(self.save)] if self.save else []
        flags += ["--no-clock"] if self.real_clock else []
        try:
            done = self._driver("start", "--restart", *flags)
        except subprocess.TimeoutExpired:
            raise GameError(f"{self.name}: the daemon did not become ready in 300 s\n{self.log_tail()}") from None
        if done.returncode != 0:
            raise GameError(f"{self.name}: realgame.py start failed (exit {done.returncode}):\n"
                            f"{done.stdout}{done.stderr}\n{self.log_tail()}")
        health = self.op("health")
        if not health.get("rfa"):
            raise GameError(f"{self.name}: the game did not connect to the driver's Remote API\n{self.log_tail()}")

    def processes(self) -> list[int]:
        """The daemon and every process below it (Chromium and its helpers)."""
        pid_file = self.home / "run" / "bbd.pid"
        found = [int(pid_file.read_text())] if pid_file.exists() else []
        parents = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        for pid in found:
            found.extend(parents.get(pid, []))
        return found

    def yield_cpu(self) -> None:
        """Let every other program come first for the CPU: nice 19 for the game's processes and for their
        autogroups, between which Linux shares the CPU first (Chromium starts sessions of its own)."""
        for pid in self.processes():
            try:
                os.setpriority(os.PRIO_PROCESS, pid, 19)
                Path(f"/proc/{pid}/autogroup").write_text("19")
            except OSError:
                pass

    def log_tail(self, lines: int = 30) -> str:
        log = self.home / "run" / "bbd.log"
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.exists() else "(no daemon log)"

    def stop(self) -> None:
        """Stop the daemon (and its browser) of this game only, and remove its folder."""
        pid_file = self.home / "run" / "bbd.pid"
        pid = int(pid_file.read_text().strip() or 0) if pid_file.exists() else 0
        try:
            self._driver("stop", timeout=60)
        except subprocess.TimeoutExpired:
            pass
        if pid and _alive(pid):
            os.kill(pid, signal.SIGTERM)
            for _ in range(50):
                if not _alive(pid):
                    break
                time.sleep(0.2)
            else:
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(self.home, ignore_errors=True)

    def op(self, name: str, timeout: float = 900, **fields):
        request = urllib.request.Request(self.url, json.dumps(dict(op=name, **fields)).encode(),
                                         {"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as answer:
                result = json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as error:
            raise GameError(f"{self.name}: op {name} failed: {error.read().decode(errors='replace')}") from None
        except (urllib.error.URLError, ConnectionError) as error:
            raise GameError(f"{self.name}: the daemon does not answer op {name}: {error}\n{self.log_tail()}") from None
        if isinstance(result, dict) and set(result) == {"error"}:
            raise GameError(f"{self.name}: op {name}: {result['error']}")
        return result

    def push_tree(self, tree: Path) -> None:
        files = [{"filename": p.relative_to(tree).as_posix(), "content": p.read_text(), "server": "home"}
                 for p in sorted(tree.rglob("*.js"))]
        bad = [r for r in self.op("push", files=files)["results"] if r.get("error") or not r.get("result")]
        if bad:
            raise GameError(f"{self.name}: files not pushed: {bad}")

    def command(self, line: str, wait: float = 0.5) -> dict:
        """Type `line` into the terminal; the terminal's new lines, and the texts of dialogs it opened."""
        return self.op("cmd", command=line, waitMs=int(wait * 1000), settleMs=400)

    def advance(self, seconds: float) -> dict:
        return self.op("advance", ms=int(seconds * 1000))["state"]

    def state(self) -> dict:
        return self.op("state")

    def clock(self) -> float:
        """The page's Date.now() in ms: game time on the fake clock, wall time on the real one."""
        return self.op("eval", js="Date.now()")

    def running(self) -> list[str]:
        """The scripts running on home (read from the page, without their logs)."""
        return self.op("eval", js="[...new Set([...window.__bb.Player.getHomeComputer().runningScriptMap.values()]"
                                  ".flatMap((byPid) => [...byPid.values()].map((script) => script.filename)))].sort()")

    def terminal(self) -> list[str]:
        """Every terminal line since the game started (the driver keeps them all)."""
        return [line["text"] for line in self.op("terminalLog", since=0)]

    def alerts(self) -> list[str]:
        return [alert["text"] for alert in self.op("alerts", since=0)]

    def read_file(self, filename: str, server: str = "home") -> str | None:
        answer = self.op("rfa", method="getFile", params={"filename": filename, "server": server})
        return answer.get("result") if isinstance(answer, dict) else None

    def status(self) -> dict | None:
        """The system's status file (see STATUS_CONTRACT), or None while it has not written one."""
        text = self.read_file(STATUS_FILE)
        return json.loads(text) if text else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True
