"""Imports between a player's modules, as Python allows them and the built JavaScript must honour them."""

from hwgw.build import build
from test_build_link import run_node


def test_a_name_imported_through_a_module_that_imports_it_itself(tmp_path):
    src = tmp_path / "play"
    src.mkdir()
    (src / "limits.py").write_text('LATE = "late"\n')
    (src / "model.py").write_text("from limits import LATE\n\nFAILED = 'failed'\n")
    (src / "use.py").write_text("from model import FAILED, LATE\n\n\ndef both():\n    return [LATE, FAILED]\n")
    build(src, tmp_path / "out")
    out = run_node(tmp_path / "out", "import {both} from '/play/use.js'; console.log(both().join(','));")
    assert out.strip() == "late,failed"
