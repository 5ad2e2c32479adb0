"""Scripts that start together and import the same modules in different orders all load.

Node refuses to link two module graphs that share a module at once ("request for '/lib/runtime.js' is not in
cache"); the emulator links them one after another."""

from simkit import run

MODULES = {
    "lib/runtime.js": "export const r = 1;\n",
    "core/message.js": "import { r } from '/lib/runtime.js';\nexport const m = r + 1;\n",
    "core/bus.js": "import { r } from '/lib/runtime.js';\nimport { m } from '/core/message.js';\nexport const b = m + r;\n",
    "requester.js": "import { r } from '/lib/runtime.js';\nimport { b } from '/core/bus.js';\n"
                    "export async function main(ns) { ns.tprint(`requester ${b}`); }\n",
    "subscriber.js": "import { r } from '/lib/runtime.js';\nimport { m } from '/core/message.js';\n"
                     "import { b } from '/core/bus.js';\nexport async function main(ns) { ns.tprint(`subscriber ${b}`); }\n",
}


def test_scripts_sharing_modules_start_together():
    em = run(MODULES, [{"script": "subscriber.js"}, {"script": "requester.js"}, {"script": "subscriber.js"}],
             hours=0.001)
    assert em.errors == []
    assert sorted(em.terminal) == ["requester.js: requester 3", "subscriber.js: subscriber 3",
                                   "subscriber.js: subscriber 3"]
