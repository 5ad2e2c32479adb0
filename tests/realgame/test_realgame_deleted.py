"""Mid-game save, fake clock: a purchased server the player deletes while the system runs leaves its pool; its jobs
are written off and batching goes on, without a restart."""

import re

DELETED_GB = 1024


def test_the_deleted_server_leaves_the_pool_within_two_game_minutes(deleted_run):
    assert any("deleted pserv-3: true" in line for line in deleted_run["deleted"]), deleted_run["deleted"]
    assert deleted_run["pool_after_gb"] == deleted_run["pool_before_gb"] - DELETED_GB
    assert any(re.search(r"pserv-3 gone: \d+ job\(s\) on phantasy written off", line)
               for line in deleted_run["written_off"]), deleted_run["written_off"]


def test_nothing_restarts_and_batching_goes_on_at_90_percent_of_the_new_plan(deleted_run):
    assert deleted_run["started_after"] == deleted_run["started_before"]
    assert deleted_run["bad_lines"] == []
    planned = deleted_run["status"]["planned"][-1]
    assert planned[1] == deleted_run["pool_after_gb"]
    after = deleted_run["income"]["15-20"]["per_s"]
    assert after >= 0.9 * planned[2], (after, planned)
