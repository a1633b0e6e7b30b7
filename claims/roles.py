"""The newsroom's roles. Their permissions are set by migration 0002 (data, not code)."""

EDITORS = "Editors"
REVIEWERS = "Reviewers"
PUBLISHERS = "Publishers"
ALL = (EDITORS, REVIEWERS, PUBLISHERS)
