"""The game's own calculator results (ram-testvectors.json) for both game versions."""

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from hwgw.mem import calculate_ram

DATA = Path(__file__).resolve().parent / "data" / "ram-testvectors.json"
SHARED = Path(__file__).resolve().parents[2] / "shared" / "reference" / "ram-testvectors.json"
VECTORS = json.loads(DATA.read_text(encoding="utf-8"))
TYPESCRIPT = (".ts", ".tsx")


def _cases():
    for case in VECTORS["cases"]:
        for version in case["result"]:
            player = case["player"]
            name = f"{case['dir']}/{case['entry']}-v{version}-bn{player['bitNodeN']}-sf{player['sf4']}"
            yield pytest.param(case, version, id=name)


def _price(case, version):
    return calculate_ram(
        VECTORS["servers"][case["dir"]],
        case["entry"],
        version=version,
        bitnode=case["player"]["bitNodeN"],
        sf4=case["player"]["sf4"],
    )


@pytest.mark.parametrize("case, version", list(_cases()))
def test_vector(case, version):
    expected = case["result"][version]
    result = _price(case, version)
    if case["entry"].endswith(TYPESCRIPT):
        assert result.error_code == -1
        assert result.error.startswith(f"Unsupported extension: {case['entry']}.")
        return
    if "errorCode" in expected:
        assert (result.error_code, result.error) == (expected["errorCode"], expected["errorMessage"])
        assert result.cost is None and result.ram is None
        return
    assert result.error is None
    assert result.cost == expected["cost"]
    assert result.ram == float(Decimal(expected["cost"]).quantize(Decimal("0.01"), ROUND_HALF_UP))
    assert [(e.type, e.name, e.cost) for e in result.entries] == [
        (e["type"], e["name"], e["cost"]) for e in expected["entries"]
    ]


def test_vector_count_covers_both_versions():
    versions = {version for case in VECTORS["cases"] for version in case["result"]}
    assert versions == {"3.0", "2.8.1"}
    assert len(VECTORS["cases"]) == 55


@pytest.mark.skipif(not SHARED.exists(), reason="shared reference folder not beside the repository")
def test_copy_matches_shared_reference():
    assert json.loads(SHARED.read_text(encoding="utf-8")) == VECTORS
