"""Publishers manage webhooks and see their deliveries; superusers have every permission anyway.
Editors and reviewers get none: a webhook sends the newsroom's events out of the building."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PUBLISHERS = [
    "add_webhook",
    "change_webhook",
    "delete_webhook",
    "view_webhook",
    "view_delivery",
    "redeliver_delivery",
    "view_attempt",
]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations; the group needs them now.
    app_config = apps.get_app_config("webhooks")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Publishers")
    perms = Permission.objects.filter(content_type__app_label="webhooks", codename__in=PUBLISHERS)
    missing = set(PUBLISHERS) - set(perms.values_list("codename", flat=True))
    if missing:
        raise RuntimeError(f"webhook permissions missing: {sorted(missing)}")
    group.permissions.add(*perms)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    perms = Permission.objects.filter(content_type__app_label="webhooks", codename__in=PUBLISHERS)
    for group in Group.objects.filter(name="Publishers"):
        group.permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("webhooks", "0001_initial"),
        ("claims", "0002_ratings_and_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
