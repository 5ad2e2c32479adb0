"""Mid-game save on the browser's own clock, as a player's game runs (about 32 minutes)."""


def test_first_money_within_one_weaken_time(realclock_run):
    weaken_s = realclock_run["weaken_s"]
    assert weaken_s, f"no weaken time in the status file: {realclock_run['status']}"
    assert realclock_run["first_money_s"] is not None, "no money arrived"
    assert realclock_run["first_money_s"] <= weaken_s + 60


def test_income_last_five_minutes_at_least_80_percent_of_the_fake_clock(realclock_run, midgame_run):
    last_five = realclock_run["income"][realclock_run["window"]]["per_s"]
    assert last_five >= 0.8 * midgame_run["income"]["25-30"]["per_s"]


def test_late_or_skipped_jobs_at_most_1_percent(realclock_run):
    run = realclock_run["whole_run"]
    assert run and run["jobs"] > 0, f"no jobs in the status file: {realclock_run['status']}"
    assert run["late_or_skipped"] <= 0.01 * run["jobs"]
