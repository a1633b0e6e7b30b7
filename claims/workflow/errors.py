"""The workflow's refusals. Each says why, in words an editor can act on, and a refused
transition changes nothing."""

from __future__ import annotations


class WorkflowError(Exception):
    """A transition was refused; nothing was changed."""


class NotAllowed(WorkflowError):
    """The user's role does not allow this transition."""


class InvalidTransition(WorkflowError):
    """The claim is not in a state from which this transition can be made."""


class FourEyesViolation(NotAllowed):
    """Nobody publishes a verdict they wrote."""


class DeadlineBeforeArticle(WorkflowError):
    """A deadline cannot fall before the day the claim was made."""


class AlreadyImported(WorkflowError):
    """A fact-check with this review URL has been imported before."""
