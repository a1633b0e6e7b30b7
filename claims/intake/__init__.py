"""Articles in: imported from an address or pasted, read for claims worth checking (extraction,
attribution, names; pure Python), and the suggestions decided on by an editor."""

from claims.intake.dedupe import canonical_url, find_duplicate, find_running, pasted_text
from claims.intake.errors import AlreadyImported, ImportNotAllowed, ImportRunning, IntakeError
from claims.intake.imports import (
    check_size,
    extract_again,
    log_article,
    queue_import,
    resume_stalled_imports,
    retry_import,
    run_import,
    stalled_imports,
    start_after_commit,
    store_suggestions,
)
from claims.intake.suggestions import (
    ClaimantMatch,
    accept,
    claimant_matches,
    reject,
    similar_claim,
)

__all__ = [
    "AlreadyImported",
    "ClaimantMatch",
    "ImportNotAllowed",
    "ImportRunning",
    "IntakeError",
    "accept",
    "canonical_url",
    "check_size",
    "claimant_matches",
    "extract_again",
    "find_duplicate",
    "find_running",
    "log_article",
    "pasted_text",
    "queue_import",
    "reject",
    "resume_stalled_imports",
    "retry_import",
    "run_import",
    "similar_claim",
    "stalled_imports",
    "start_after_commit",
    "store_suggestions",
]
