"""The newsroom's roles. Their permissions are set by migration 0002 (data, not code)."""

from __future__ import annotations

EDITORS = "Editors"
REVIEWERS = "Reviewers"
PUBLISHERS = "Publishers"
ALL = (EDITORS, REVIEWERS, PUBLISHERS)


def who_may(permission: str) -> str:
    """The roles given `permission` (a codename of the claims app), in words for a refusal:
    "Reviewers or Publishers"; an administrator where no role has it."""
    from django.contrib.auth.models import Group

    names = Group.objects.filter(
        permissions__codename=permission, permissions__content_type__app_label="claims"
    ).values_list("name", flat=True)
    order = {name: index for index, name in enumerate(ALL)}
    ranked = sorted(names, key=lambda name: (order.get(name, len(ALL)), name))
    return " or ".join(ranked) if ranked else "an administrator"


def refusal(user: object, doing: str, permission: str) -> str:
    """Why `user` may not do something, in the newsroom's words rather than the permission's."""
    return f"{user} may not {doing}: that is for {who_may(permission)}."
