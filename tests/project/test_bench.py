"""`make bench` measures, it does not pass or fail; these check only that its measurements run
and leave the database as they found it (the benchmark itself runs outside the suite)."""

from __future__ import annotations

import pytest

from bench import measure
from claims.models import Claim, ClaimEvent, Notification

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_sweep_benchmark_runs_on_scratch_claims_and_removes_them(watching_claim):
    """Its scratch claims are published (to be swept), which the deletion guard protects: the
    benchmark must remove them itself, every round."""
    before = (Claim.objects.count(), ClaimEvent.objects.count(), Notification.objects.count())
    (result,) = measure.sweep_vs_bulk_update(n=30)
    assert result["name"] == "sweep_vs_bulk_update" and result["value"] > 0
    assert "sweep of 30 claims" in result["detail"]
    assert "UPDATE of 30 rows" in result["detail"]
    # The claim that fell due meanwhile (the watching one) was swept; the scratch ones are gone.
    assert Claim.objects.count() == before[0]
    assert not Claim.objects.filter(article__url="https://bench.invalid/sweep").exists()
