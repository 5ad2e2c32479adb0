"""Test-wide setup: one fresh build cache for the whole run, outside the player's own ~/.cache/hwgw."""

import os
import tempfile

import pytest


@pytest.fixture(scope="session", autouse=True)
def build_cache():
    with tempfile.TemporaryDirectory(prefix="hwgw-test-cache-") as cache:
        previous = os.environ.get("HWGW_CACHE")
        os.environ["HWGW_CACHE"] = cache
        yield cache
        if previous is None:
            os.environ.pop("HWGW_CACHE", None)
        else:
            os.environ["HWGW_CACHE"] = previous
