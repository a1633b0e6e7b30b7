"""The one registry of a claim's transitions: for each, its name, the workflow function that makes
it, the permission it needs, its label and help, its inputs, and when the claim's state allows it.

The admin's buttons and list actions, the API's actions and their OpenAPI descriptions, and
`available_transitions` are all built from `TRANSITIONS`; a transition or an input is named the
same everywhere. The functions check again when called: what is offered is a courtesy, the
function is the guard.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims.models import Claim, Verdict
from claims.workflow.common import User, current_verdict, open_verdict
from claims.workflow.editorial import (
    assign,
    correct,
    publish,
    retract,
    send_back,
    submit,
    withdraw,
)
from claims.workflow.outcomes import extend, resolve
from claims.workflow.proposals import approve_changes, open_proposals, refuse_changes


class Kind(StrEnum):
    """What an input holds; each door turns it into its own field."""

    TEXT = "text"
    DATE = "date"
    OUTCOME = "outcome"  # a final rating of the promise scale, by its slug in the API
    CONFIRM = "confirm"  # a yes the step needs in some states, no by default
    REVIEWER = "reviewer"  # a user who may review, by id in the API


@dataclass(frozen=True)
class Input:
    name: str
    kind: Kind
    help: str
    required: bool = True
    max_length: int | None = None  # for text
    asked_in_bulk: bool | None = None  # on a list action's page; by default, when required

    @property
    def asked(self) -> bool:
        return self.required if self.asked_in_bulk is None else self.asked_in_bulk


@dataclass
class State:
    """What the claim's state allows, read once for all the transitions."""

    claim: Claim
    open_verdict: Verdict | None

    @cached_property
    def has_current_verdict(self) -> bool:
        return current_verdict(self.claim) is not None

    @cached_property
    def proposers(self) -> set[int]:
        """Who proposed the changes to the claim's page that wait for a decision."""
        return set(open_proposals(self.claim).values_list("proposed_by", flat=True))

    def waits_for(self, user: User) -> bool:
        """Whether a change to the page waits for `user` (someone else's proposal)."""
        return bool(self.proposers - {user.pk})

    def wrote(self, user: User) -> bool:
        """Whether `user` wrote the verdict in the works, or changed its words."""
        return self.open_verdict is not None and self.open_verdict.wrote(user)

    @property
    def drafted(self) -> bool:
        return self.open_verdict is not None and self.open_verdict.status == Verdict.Status.DRAFT

    @property
    def submitted(self) -> bool:
        verdict = self.open_verdict
        return verdict is not None and verdict.status == Verdict.Status.SUBMITTED

    @property
    def published(self) -> bool:
        return self.claim.status == Claim.Status.PUBLISHED

    @property
    def tracked(self) -> bool:
        tracking = self.claim.tracking
        return self.published and tracking in (Claim.Tracking.WATCHING, Claim.Tracking.DUE)


@dataclass(frozen=True)
class Transition:
    name: str
    label: str  # lazy, like `done` and `help`: each door shows them in its reader's language
    done: str  # what it did, for a message: "submitted"
    help: str
    permission: str  # a codename of the claims app
    run: Callable[..., Any]  # run(claim, by=user, **inputs)
    applies: Callable[[State, User], bool]
    inputs: tuple[Input, ...] = ()
    # Why it does not apply to the claim for this user now, in a few plain words.
    not_now: Callable[[State, User], str] = lambda s, user: gettext(
        "it does not apply to the claim as it is now."
    )
    bulk: bool = False  # also offered on a list of claims
    confirm: bool = False  # shown on a page of its own before it happens, even without inputs
    rank: int = 9  # which comes first when several are offered: the likely next step, lowest
    direct_label: str = ""  # its label when taken at once, without its page

    def allowed(self, user: User) -> bool:
        return user.has_perm(f"claims.{self.permission}")

    def asks_first(self, user: User) -> bool:
        """Whether it needs its page before it happens: a confirmation, a required input, or a
        reviewer to choose for someone who cannot review themselves."""
        return (
            self.confirm
            or any(spec.required for spec in self.inputs)
            or any(
                spec.kind == Kind.REVIEWER and not user.has_perm("claims.submit_claim")
                for spec in self.inputs
            )
        )


REASON = Input("reason", Kind.TEXT, _("Why; shown on the claim's timeline."), max_length=2000)
TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition(
            "assign",
            _("Assign"),
            _("assigned"),
            _(
                "A reviewer (you, if you name none) researches the claim and is told of its "
                "deadline."
            ),
            "change_claim",
            assign,
            lambda s, user: (
                s.claim.status != Claim.Status.RETRACTED and s.claim.reviewer_id != user.pk
            ),
            (
                Input(
                    "reviewer",
                    Kind.REVIEWER,
                    _("Who reviews it; you, if left empty."),
                    False,
                    asked_in_bulk=True,
                ),
            ),
            not_now=lambda s, user: (
                gettext("the claim is retracted.")
                if s.claim.status == Claim.Status.RETRACTED
                else gettext("it is assigned to you already.")
            ),
            bulk=True,
            rank=5,
            direct_label=_("Assign to me"),
        ),
        Transition(
            "submit",
            _("Submit for review"),
            _("submitted"),
            _("A publisher will approve the verdict."),
            "submit_claim",
            submit,
            lambda s, user: (
                s.drafted and s.claim.status in (Claim.Status.DRAFT, Claim.Status.PUBLISHED)
            ),
            not_now=lambda s, user: gettext(
                "there is no draft verdict to submit: write one first."
            ),
            bulk=True,
            rank=4,
        ),
        Transition(
            "publish",
            _("Publish verdict"),
            _("published"),
            _("The verdict goes public now; nobody publishes a verdict they wrote."),
            "publish_claim",
            publish,
            lambda s, user: s.submitted and not s.wrote(user),
            (
                Input(
                    "confirm_past_deadline",
                    Kind.CONFIRM,
                    _(
                        "The claim's deadline has passed: publish this pending verdict anyway "
                        "(record the outcome instead where you can)."
                    ),
                    False,
                ),
            ),
            not_now=lambda s, user: (
                gettext(
                    "you wrote this verdict, or changed its words; another publisher approves it."
                )
                if s.submitted
                else gettext("there is no submitted verdict to publish.")
            ),
            bulk=True,
            confirm=True,
            rank=1,
        ),
        Transition(
            "withdraw",
            _("Withdraw to draft"),
            _("withdrawn"),
            _("The submitted verdict comes back to you as a draft, to change and submit again."),
            "submit_claim",
            withdraw,
            lambda s, user: s.submitted and s.wrote(user),
            not_now=lambda s, user: (
                gettext(
                    "only its author withdraws a submitted verdict; a publisher sends it back "
                    "with a reason."
                )
                if s.submitted
                else gettext("there is no submitted verdict to withdraw.")
            ),
        ),
        Transition(
            "send_back",
            _("Send back"),
            _("sent back"),
            _("The verdict returns to its author as a draft, with your reason."),
            "publish_claim",
            send_back,
            lambda s, user: s.submitted,
            (REASON,),
            not_now=lambda s, user: gettext("there is no submitted verdict to send back."),
        ),
        Transition(
            "resolve",
            _("Record outcome"),
            _("outcome recorded"),
            _("The outcome of a watched or due claim becomes a verdict that a publisher approves."),
            "resolve_claim",
            resolve,
            lambda s, user: s.tracked and s.open_verdict is None,
            (
                Input(
                    "rating", Kind.OUTCOME, _("What became of the promise once its deadline came.")
                ),
                Input(
                    "note",
                    Kind.TEXT,
                    _("What happened, in a sentence or two: the verdict's summary."),
                    max_length=500,
                ),
                Input(
                    "happened_on",
                    Kind.DATE,
                    _("The day the promised thing happened; empty if it had not happened."),
                    False,
                ),
                Input("checked_on", Kind.DATE, _("The day you checked, if not today."), False),
            ),
            not_now=lambda s, user: gettext(
                "an outcome is recorded for a watched or due claim with no verdict in the works."
            ),
            rank=3,
        ),
        Transition(
            "extend",
            _("Extend deadline"),
            _("deadline extended"),
            _("The claim is watched again until its new, later deadline."),
            "extend_deadline",
            extend,
            lambda s, user: s.tracked,
            (
                Input("deadline", Kind.DATE, _("The new deadline, after the current one.")),
                Input(
                    "reason",
                    Kind.TEXT,
                    _("Why, e.g. 'the ministry announced a new date'."),
                    max_length=300,
                ),
            ),
            not_now=lambda s, user: gettext("only a watched or due claim's deadline is extended."),
        ),
        Transition(
            "retract",
            _("Retract"),
            _("retracted"),
            _("The claim leaves the lists; its page says it was retracted, and why."),
            "retract_claim",
            retract,
            lambda s, user: s.published,
            (REASON,),
            not_now=lambda s, user: gettext("only a published claim is retracted."),
            bulk=True,
        ),
        Transition(
            "approve_changes",
            _("Approve proposed changes"),
            _("changes approved"),
            _(
                "The changes proposed to the claim's public page (evidence, its article, its "
                "words) go live, with a dated note saying what changed."
            ),
            "publish_claim",
            approve_changes,
            lambda s, user: s.waits_for(user),
            not_now=lambda s, user: gettext(
                "no change to this claim's page waits for your decision."
            ),
            bulk=True,
            confirm=True,
            rank=2,
        ),
        Transition(
            "refuse_changes",
            _("Refuse proposed changes"),
            _("changes refused"),
            _(
                "The changes proposed to the claim's public page are refused; the page stays as "
                "it is, and whoever proposed them is told why."
            ),
            "publish_claim",
            refuse_changes,
            lambda s, user: s.waits_for(user),
            (
                Input(
                    "reason", Kind.TEXT, _("Why; whoever proposed them reads it."), max_length=500
                ),
            ),
            not_now=lambda s, user: gettext(
                "no change to this claim's page waits for your decision."
            ),
        ),
        Transition(
            "correct",
            _("Issue a correction"),
            _("corrected"),
            _(
                "The note is shown, dated, with the current verdict, which stays as it was "
                "published, and is announced in the feeds."
            ),
            "correct_verdict",
            correct,
            lambda s, user: s.claim.is_public and s.has_current_verdict,
            (
                Input(
                    "note",
                    Kind.TEXT,
                    _("What the verdict got wrong and what is right; readers see it, dated."),
                    max_length=5000,
                ),
            ),
            not_now=lambda s, user: gettext(
                "only the published verdict of a public claim is corrected."
            ),
        ),
    ]
}


def available_transitions(claim: Claim, user: User) -> list[str]:
    """The transitions `user` may make on `claim` now, in the registry's order."""
    state = State(claim, open_verdict(claim))
    return [name for name, t in TRANSITIONS.items() if t.allowed(user) and t.applies(state, user)]


def why_not_now(name: str, claim: Claim, user: User) -> str | None:
    """Why `user`, whose role takes the step `name`, may not take it on `claim` now, in plain
    words; None when they may."""
    transition, state = TRANSITIONS[name], State(claim, open_verdict(claim))
    return None if transition.applies(state, user) else transition.not_now(state, user)


def run_transition(name: str, claim: Claim, *, by: User, **inputs: Any) -> Any:
    """Make the transition `name` on `claim` as `by`, with its inputs (the door's parsed values)."""
    return TRANSITIONS[name].run(claim, by=by, **inputs)
