"""Kill the logged broker after `at=MS` and start a new one `after=MS` later."""

from hwgw.game.brokertest.options import options
from hwgw.ns import NS

BROKER = "hwgw/brokertest/logged_broker.js"


async def main(ns: NS) -> None:
    opts = options(ns.args, {"at": 0, "after": 0})
    await ns.sleep(opts["at"])
    ns.kill(BROKER, "home")
    ns.tprint("broker killed")
    await ns.sleep(opts["after"])
    ns.run(BROKER)
