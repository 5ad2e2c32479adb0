"""The hack worker (hack only, so it costs the game's minimum for a hack script)."""

# hwgw: lean
from hwgw.game.core.worker import work
from hwgw.ns import NS


async def main(ns: NS) -> None:
    await work(ns, lambda target, delay: ns.hack(target, {"additionalMsec": delay}))
