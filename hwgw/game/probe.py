"""The probe: runs once at every start, after the researcher and before the broker, then exits.

It learns the BitNode's multipliers of hacking money, grow and weaken. The game's analysis calls include them and
the local formulas leave them out, so each is the ratio of the two on n00dles, a server every BitNode has and
every hacking level can hack. It writes them to `BITNODE_FILE` as JSON under their `getBitNodeMultipliers` names,
for the initiator (reading a file costs no RAM), then a line on the report port, which the runner waits for.

Its analysis calls cost 3 GB, so it runs alone beside the runner, where a fresh 8 GB home holds the two, and the
long-running scripts pay nothing for them.

Arguments: the settings (`--port` ...).
"""

import json
import math

from hwgw.game.core import formulas, topics
from hwgw.ns import NS

PROBED = "n00dles"
PROBED_LEVEL = 1  # n00dles' required hacking level: its hack percent is then the same at every skill


def learn(ns: NS):
    """The BitNode's ScriptHackMoney, ServerGrowthRate and ServerWeakenRate. At security 100 n00dles is hacked for
    nothing and tells nothing of the hacking money: it is then taken as 1."""
    security = ns.getServerSecurityLevel(PROBED)
    mults = ns.getHackingMultipliers()
    percent = formulas.hack_percent(PROBED_LEVEL, PROBED_LEVEL, security, mults.money)
    grow_log = formulas.grow_log(security, ns.getServerGrowth(PROBED), 1, mults.growth)
    return {"ScriptHackMoney": ns.hackAnalyze(PROBED) / percent if percent > 0 else 1.0,
            "ServerGrowthRate": math.log(2) / grow_log / ns.growthAnalyze(PROBED, 2, 1),
            "ServerWeakenRate": ns.weakenAnalyze(1, 1) / formulas.WEAKEN_PER_THREAD}


async def main(ns: NS) -> None:
    ns.disableLog("ALL")
    settings = topics.settings_from_args(ns.args)
    learned = learn(ns)
    ns.write(topics.BITNODE_FILE, json.dumps(learned), "w")
    ns.tprint(f"hwgw: BitNode multipliers: hacking money {learned['ScriptHackMoney']:.3g}, "
              f"grow {learned['ServerGrowthRate']:.3g}, weaken {learned['ServerWeakenRate']:.3g}")
    ns.writePort(topics.report_port(settings), "probe done")
