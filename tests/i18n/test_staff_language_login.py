"""A staff member's language is put in their session at login, in any process: the receiver is
connected when the apps are ready, not when something happens to import the admin's URLs."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.contrib.auth.signals import user_logged_in

from claims.admin import language
from claims.models import StaffProfile
from tests.support.workers import ROOT, worker_database_url

# Logs the editor in, in a process that has imported nothing but the apps (no URLconf), and
# says the session's language and whether the admin's URLs were ever loaded.
FIRST_LOGIN = """
import sys
from django.contrib.auth.models import User
from django.test import Client
client = Client()
client.force_login(User.objects.get(username="edna"))
print(client.session.get("staff_language"), "factcheck.urls" in sys.modules)
"""


@pytest.mark.slow
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_fresh_processs_first_login_puts_the_staff_members_language_in_the_session(editor):
    StaffProfile.objects.create(user=editor, language="fr")
    env = {**os.environ, "DATABASE_URL": worker_database_url()}
    run = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", FIRST_LOGIN],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["fr", "False"]


def test_the_receiver_is_connected_once_however_often_the_apps_get_ready():
    from django.apps import apps

    apps.get_app_config("claims").ready()  # as a second ready() would
    receivers = [entry[1]() for entry in user_logged_in.receivers]  # (key, weakref, is_async)
    assert receivers.count(language.remember_language) == 1
