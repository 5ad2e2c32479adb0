"""The game-side scripts: Python that `hwgw build` turns into the Netscript modules players run."""
