"""Ratings and the newsroom's roles are data: this migration writes them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

RATINGS = [
    # slug, label, scale, ClaimReview value (1 worst … 5 best), final, order, description
    ("true", "True", "accuracy", 5, True, 1, "Accurate, with nothing significant missing."),
    ("mostly-true", "Mostly true", "accuracy", 4, True, 2, "Accurate but needs context."),
    (
        "half-true",
        "Half true",
        "accuracy",
        3,
        True,
        3,
        "Partly accurate, leaves out important parts.",
    ),
    ("mostly-false", "Mostly false", "accuracy", 2, True, 4, "Contains some truth but misleads."),
    ("false", "False", "accuracy", 1, True, 5, "Not accurate."),
    ("unproven", "Unproven", "accuracy", None, True, 6, "The evidence available cannot settle it."),
    ("pending", "Pending", "promise", None, False, 1, "Its deadline has not passed yet."),
    ("fulfilled", "Fulfilled", "promise", 5, True, 2, "Kept in full, by the deadline."),
    ("partly-fulfilled", "Partly fulfilled", "promise", 3, True, 3, "Kept in part, or late."),
    ("not-fulfilled", "Not fulfilled", "promise", 1, True, 4, "Not kept by the deadline."),
    (
        "unverifiable",
        "Unverifiable",
        "promise",
        None,
        True,
        5,
        "Whether it was kept cannot be known.",
    ),
]

VIEW_ALL = [
    "view_source",
    "view_claimant",
    "view_claimantalias",
    "view_article",
    "view_claim",
    "view_rating",
    "view_verdict",
    "view_evidence",
    "view_claimevent",
]
EDITORS = [
    *VIEW_ALL,
    "add_source",
    "change_source",
    "add_claimant",
    "change_claimant",
    "add_claimantalias",
    "change_claimantalias",
    "delete_claimantalias",
    "add_article",
    "change_article",
    "add_claim",
    "change_claim",
    "delete_claim",
]
REVIEWERS = [
    *VIEW_ALL,
    "change_claim",
    "add_evidence",
    "change_evidence",
    "delete_evidence",
    "add_verdict",
    "change_verdict",
    "submit_claim",
    "resolve_claim",
    "extend_deadline",
]
PUBLISHERS = sorted(
    set(EDITORS + REVIEWERS + ["publish_claim", "retract_claim", "view_notification"])
)
ROLES = {"Editors": EDITORS, "Reviewers": REVIEWERS, "Publishers": PUBLISHERS}


def forwards(apps, schema_editor):
    Rating = apps.get_model("claims", "Rating")
    for slug, label, scale, value, final, order, description in RATINGS:
        Rating.objects.update_or_create(
            slug=slug,
            defaults={
                "label": label,
                "scale": scale,
                "claimreview_value": value,
                "is_final": final,
                "order": order,
                "description": description,
            },
        )

    # Permissions are normally made after all migrations; the groups need them now.
    app_config = apps.get_app_config("claims")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        perms = Permission.objects.filter(content_type__app_label="claims", codename__in=codenames)
        missing = set(codenames) - set(perms.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"permissions missing for {name}: {sorted(missing)}")
        group.permissions.set(perms)


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()
    apps.get_model("claims", "Rating").objects.filter(slug__in=[r[0] for r in RATINGS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
