"""The demo newsroom: the seed article's claims with their whole life, and fictional claims so
that every state is on screen. Built through `claims.workflow`, as a newsroom would build it.

Loading is idempotent: what exists is left alone, so a second run adds nothing.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone

from claims import roles
from claims.demo.build import Cast
from claims.demo.fictional import load_fictional
from claims.demo.seed import load_seed

DEMO_USERS = {
    # username: (group, password, is_superuser)
    "editor": (roles.EDITORS, "editor-demo-2019", False),
    "reviewer": (roles.REVIEWERS, "reviewer-demo-2019", False),
    "publisher": (roles.PUBLISHERS, "publisher-demo-2019", False),
    "admin": (None, "admin-demo-2019", True),
}


def load(*, today: dt.date | None = None) -> dict[str, str]:
    """Load the demo; return the demo users' passwords."""
    today = today or timezone.localdate()
    with transaction.atomic():
        cast = _users()
        load_seed(cast)
        load_fictional(cast, today)
    return {name: password for name, (_, password, _) in DEMO_USERS.items()}


def _users() -> Cast:
    users = {}
    for name, (group, password, superuser) in DEMO_USERS.items():
        user, created = User.objects.get_or_create(
            username=name,
            defaults={
                "email": f"{name}@demo.invalid",
                "is_staff": True,
                "is_superuser": superuser,
                "first_name": name.capitalize(),
            },
        )
        if created:
            user.set_password(password)
            user.save()
            if group:
                user.groups.add(Group.objects.get(name=group))
        users[name] = user
    return Cast(users["editor"], users["reviewer"], users["publisher"])
