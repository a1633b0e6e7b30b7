"""The claim's admin page reads its claim once, however many parts of the page show it."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def test_the_claim_page_reads_its_claim_once(client, publisher, watching_claim):
    client.force_login(publisher)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/admin/claims/claim/{watching_claim.pk}/change/")
    assert response.status_code == 200
    reads = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith("SELECT")
        and 'FROM "claims_claim"' in query["sql"]
        and '"claims_claim"."id" =' in query["sql"]
    ]
    assert len(reads) == 1
