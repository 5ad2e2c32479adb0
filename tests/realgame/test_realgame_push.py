"""`hwgw push` into the real game over its Remote API."""


def test_push_succeeds_and_says_every_file_arrived(push_run):
    assert push_run["exit"] == 0, "\n".join(push_run["output"])
    assert push_run["output"][-1].startswith(f"pushed {push_run['files']} of {push_run['files']} files to home")


def test_every_file_in_the_game_is_the_built_one(push_run):
    assert push_run["files"] > 0
    assert push_run["different"] == []


def test_every_ram_figure_matches_the_game(push_run):
    assert push_run["game_ram"] == push_run["hwgw_ram"]
    assert not [line for line in push_run["output"] if line.rstrip().endswith(" NO")]
