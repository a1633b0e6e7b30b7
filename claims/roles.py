"""The newsroom's roles. Their permissions are set by migration 0002 (data, not code)."""

from __future__ import annotations

from functools import reduce

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

EDITORS = "Editors"
REVIEWERS = "Reviewers"
PUBLISHERS = "Publishers"
ALL = (EDITORS, REVIEWERS, PUBLISHERS)
# The roles' names as the reader's language says them; the groups keep the English ones, which
# migrations and code look them up by. A group an administrator adds is named as they wrote it.
NAMES = {EDITORS: _("Editors"), REVIEWERS: _("Reviewers"), PUBLISHERS: _("Publishers")}


def shown_name(group_name: str) -> str:
    """A role's name in the language being spoken."""
    return str(NAMES.get(group_name, group_name))


def who_may(permission: str) -> str:
    """The roles given `permission` (a codename of the claims app), in words for a refusal:
    "Reviewers or Publishers"; an administrator where no role has it."""
    from django.contrib.auth.models import Group

    names = Group.objects.filter(
        permissions__codename=permission, permissions__content_type__app_label="claims"
    ).values_list("name", flat=True)
    order = {name: index for index, name in enumerate(ALL)}
    ranked = [shown_name(name) for name in sorted(names, key=lambda n: (order.get(n, len(ALL)), n))]
    if not ranked:
        return gettext("an administrator")
    return reduce(_either, ranked)


def _either(first: str, then: str) -> str:
    return gettext("%(first)s or %(then)s") % {"first": first, "then": then}


def refusal(user: object, doing: str, permission: str) -> str:
    """Why `user` may not do something (`doing`, already in the reader's language: "publish
    verdicts"), in the newsroom's words rather than the permission's."""
    return gettext("%(user)s may not %(doing)s: that is for %(roles)s.") % {
        "user": user,
        "doing": doing,
        "roles": who_may(permission),
    }
