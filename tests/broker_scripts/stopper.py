"""End the run: once `done=N` subscribers wrote to the done port, kill every other script on home."""

from hwgw.game.brokertest.options import options
from hwgw.ns import NS

DONE_PORT = 77


async def main(ns: NS) -> None:
    opts = options(ns.args, {"done": 1})
    done = 0
    while done < opts["done"]:
        if ns.readPort(DONE_PORT) == "NULL PORT DATA":
            await ns.nextPortWrite(DONE_PORT)
        else:
            done += 1
    ns.killall("home", True)
