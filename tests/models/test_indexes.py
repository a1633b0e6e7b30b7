"""Every filter and sort of the public list is answered from its index (PostgreSQL plans)."""

from __future__ import annotations

import pytest
from django.db import connection

from claims.filters import ClaimFilter
from claims.models import Claim
from tests.support.servers import ON_POSTGRES, needs

pytestmark = needs(ON_POSTGRES, "query plans are PostgreSQL's (set DATABASE_URL)")

# query string → the index its plan must use (and, for a sort, no Sort step: the index is in order)
QUERIES = [
    ({}, "claim_public_newest_idx", True),
    ({"sort": "oldest"}, "claim_public_newest_idx", True),
    ({"sort": "deadline"}, "claim_public_deadline_idx", True),
    ({"sort": "said"}, "claim_public_said_idx", True),
    ({"said_from": "2024-01-01", "sort": "said"}, "claim_public_said_idx", True),
    (
        {"deadline_from": "2024-01-01", "deadline_to": "2024-12-31", "sort": "deadline"},
        "claim_public_deadline_idx",
        True,
    ),
    # Filters: which index a planner prefers on a near-empty table varies; none may scan.
    ({"tracking": "watching"}, None, False),
    ({"rating": "false"}, None, False),
    # The search's GIN index:
    # tests/site/test_filters.py::test_search_uses_the_gin_index_on_postgresql
]


def plan(params: dict, ordered: bool) -> str:
    listed = Claim.objects.public().order_by("-first_published_at", "-pk")
    queryset = ClaimFilter(params, queryset=listed).qs
    with connection.cursor() as cursor:
        # Scans and sorts priced out, as on a large table (a small one is cheaper to scan): the
        # plan shows which index serves, and a Sort remains only where no index is in order.
        cursor.execute("SET LOCAL enable_seqscan = off")
        if ordered:
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("SET LOCAL enable_bitmapscan = off")
        return queryset[:25].explain()


@pytest.mark.parametrize(("query", "expected", "ordered"), QUERIES)
def test_each_filter_and_sort_of_the_public_list_has_its_index(db, query, expected, ordered):
    text = plan(query, ordered)
    assert "Seq Scan on claims_claim" not in text, text
    assert "Seq Scan on claims_verdict" not in text, text
    if expected:
        assert expected in text, text
    if ordered:
        assert "Sort" not in text.replace("Sort Key", ""), text
