"""Mid-game save (hacking 500, 12 TB), fake clock, 45 game minutes: income against the plan and the baseline."""


def test_income_minutes_15_to_30_reaches_90_percent_of_the_plan(midgame_run):
    planned = midgame_run["plannedIncome_15-30"]
    assert planned, f"no planned income in the status file: {midgame_run['status']}"
    assert midgame_run["income"]["15-30"]["per_s"] >= 0.9 * planned


def test_late_or_skipped_jobs_at_most_1_percent_after_prep(midgame_run):
    after = midgame_run["after_prep"]
    assert after and after["jobs"] > 0, f"prep never finished: {midgame_run['status']}"
    assert after["late_or_skipped"] <= 0.01 * after["jobs"]


def test_income_minutes_30_to_45_ten_times_the_baseline(midgame_run, midgame_baseline_run):
    baseline = midgame_baseline_run["income"]["30-45"]["per_s"]
    assert midgame_run["income"]["30-45"]["per_s"] >= 10 * baseline
    assert midgame_run["income"]["30-45"]["per_s"] > 0
