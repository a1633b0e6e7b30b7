"""Admin mixins shared by the apps."""

from __future__ import annotations

from django.http import HttpRequest


class ReadOnly:
    """For a ModelAdmin of records that are written elsewhere (by the workflow, a task) and
    never added, changed or deleted in the admin, by anyone."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
