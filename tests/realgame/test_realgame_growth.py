"""Mid-game save, fake clock: five 1 TB servers bought while the system runs join its pool, without a restart."""

from conftest import GROWTH_BUY_S

BOUGHT_GB = 5 * 1024


def test_the_bought_servers_join_the_pool_within_two_game_minutes(growth_run):
    assert growth_run["pool_joined_gb"] >= growth_run["pool_before_gb"] + BOUGHT_GB, growth_run["bought"]


def test_nothing_restarts(growth_run):
    assert growth_run["started_after"] == growth_run["started_before"]
    assert growth_run["bad_lines"] == []
    assert growth_run["desynced"] == 0, growth_run["notes"]
    assert growth_run["execFailures"] == 0


def test_income_rises_to_90_percent_of_the_new_plan(growth_run):
    before = growth_run["income"][f"10-{GROWTH_BUY_S // 60}"]["per_s"]
    after = growth_run["income"]["20-25"]["per_s"]
    assert after > before > 0
    assert after >= 0.9 * growth_run["plannedIncome"]
