"""Every change of a claim's state goes through here, each written once.

Editorial life:  draft → in review → published → (retracted)
Time-bound life: watching → due → resolved, or extended back to watching with a new deadline.

Each transition checks who may make it and whether it is allowed now. A refused one raises a
`WorkflowError` whose message says why, and changes nothing. The admin, the API, the commands
and the tasks call these functions and nothing else to change a claim.
"""

from claims.workflow.articles import check_article_date, edit_article, redate_article
from claims.workflow.common import open_verdict
from claims.workflow.create import (
    DEADLINE_INPUTS,
    check_deadline,
    create_claim,
    edit_claim,
    editable_fields,
    fill_deadline,
    read_deadline,
    set_deadline,
    set_language,
)
from claims.workflow.deadline_sweep import (
    SWEEP_BATCH_SIZE,
    SweepResult,
    mark_due,
    queue_reminders,
    sweep,
)
from claims.workflow.editorial import (
    assign,
    check_can_draft,
    correct,
    pending_past_deadline,
    publish,
    retract,
    reviewers,
    send_back,
    submit,
    withdraw,
)
from claims.workflow.errors import (
    AlreadyImported,
    DeadlineBeforeArticle,
    FourEyesViolation,
    InvalidTransition,
    NotAllowed,
    WorkflowError,
)
from claims.workflow.follow_ups import accept_follow_up, dismiss_follow_up
from claims.workflow.imports import (
    IMPORT_AUTHOR,
    ImportedReview,
    check_may_import_reviews,
    import_review,
)
from claims.workflow.notes import add_note
from claims.workflow.outcomes import extend, resolve
from claims.workflow.proposals import (
    approve_change,
    approve_changes,
    open_proposals,
    refuse_change,
    refuse_changes,
)
from claims.workflow.research import (
    add_evidence,
    change_evidence,
    draft_verdict,
    remove_evidence,
    revise_verdict,
)
from claims.workflow.transitions import (
    TRANSITIONS,
    available_transitions,
    run_transition,
    why_not_now,
)

__all__ = [
    "DEADLINE_INPUTS",
    "IMPORT_AUTHOR",
    "SWEEP_BATCH_SIZE",
    "TRANSITIONS",
    "AlreadyImported",
    "DeadlineBeforeArticle",
    "FourEyesViolation",
    "ImportedReview",
    "InvalidTransition",
    "NotAllowed",
    "SweepResult",
    "WorkflowError",
    "accept_follow_up",
    "add_evidence",
    "add_note",
    "approve_change",
    "approve_changes",
    "assign",
    "available_transitions",
    "change_evidence",
    "check_article_date",
    "check_can_draft",
    "check_deadline",
    "check_may_import_reviews",
    "correct",
    "create_claim",
    "dismiss_follow_up",
    "draft_verdict",
    "edit_article",
    "edit_claim",
    "editable_fields",
    "extend",
    "fill_deadline",
    "import_review",
    "mark_due",
    "open_proposals",
    "open_verdict",
    "pending_past_deadline",
    "publish",
    "queue_reminders",
    "read_deadline",
    "redate_article",
    "refuse_change",
    "refuse_changes",
    "remove_evidence",
    "resolve",
    "retract",
    "reviewers",
    "revise_verdict",
    "run_transition",
    "send_back",
    "set_deadline",
    "set_language",
    "submit",
    "sweep",
    "why_not_now",
    "withdraw",
]
