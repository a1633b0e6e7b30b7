"""The newsroom's data and the invariants the database itself keeps, a module per aggregate.

State changes of a claim are not made here but in `claims.workflow`; the querysets are the reads
every part of the site shares (`Claim.objects.public()`, `.due()`, `.watching()`).
"""

from claims.models import guards  # noqa: F401  (registers the delete guards)
from claims.models.claim import RTL_LANGUAGES, Claim, ClaimQuerySet
from claims.models.dates import DatePrecision, format_deadline, format_partial_date
from claims.models.evidence import Evidence, EvidenceSnapshot, LinkCheck
from claims.models.intake import ArticleImport, Suggestion
from claims.models.monitoring import FollowUp, MonitoredFeed
from claims.models.newsroom import Article, Claimant, ClaimantAlias, Source, Topic
from claims.models.notes import Note
from claims.models.proposal import ChangeProposal
from claims.models.search import ClaimSearchDocument, ClaimSearchEntry
from claims.models.staff import StaffProfile
from claims.models.timeline import ClaimEvent, Notification
from claims.models.verdict import Correction, Rating, RatingScale, Verdict, VerdictQuerySet

__all__ = [
    "RTL_LANGUAGES",
    "Article",
    "ArticleImport",
    "ChangeProposal",
    "Claim",
    "ClaimEvent",
    "ClaimQuerySet",
    "ClaimSearchDocument",
    "ClaimSearchEntry",
    "Claimant",
    "ClaimantAlias",
    "Correction",
    "DatePrecision",
    "Evidence",
    "EvidenceSnapshot",
    "FollowUp",
    "LinkCheck",
    "MonitoredFeed",
    "Note",
    "Notification",
    "Rating",
    "RatingScale",
    "Source",
    "StaffProfile",
    "Suggestion",
    "Topic",
    "Verdict",
    "VerdictQuerySet",
    "format_deadline",
    "format_partial_date",
]

# simple-history names the module of its history models after the app ("claims") when the models
# live in a package; they are kept here, where Django's shell and pickle look them up.
for _tracked in (Source, Claimant, Article, Claim, Verdict, Evidence, ChangeProposal, Note):
    _history = _tracked.history.model
    _history.__module__ = __name__
    globals()[_history.__name__] = _history
