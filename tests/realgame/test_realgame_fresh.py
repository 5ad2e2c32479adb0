"""Fresh save (8 GB home, hacking 1), fake clock: the system starts cleanly and out-earns the baseline."""


def test_control_plane_up_within_two_game_minutes(fresh_run):
    assert fresh_run["control_plane_s"] is not None, f"broker, initiator and orchestrator never ran together: {fresh_run['echo']}"
    assert fresh_run["control_plane_s"] <= 120


def test_no_error_or_deprecation_line(fresh_run):
    assert fresh_run["bad_lines"] == []


def test_more_money_than_the_baseline_after_30_game_minutes(fresh_run, fresh_baseline_run):
    assert fresh_run["samples"][-1][0] >= 1800 and fresh_baseline_run["samples"][-1][0] >= 1800
    assert fresh_run["money"] > fresh_baseline_run["money"]
