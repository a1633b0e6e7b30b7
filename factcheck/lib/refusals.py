"""A write the database refused, in words an editor can act on.

Forms and serializers check the rules first; the database refuses what slips past them (two
editors saving the same address at the same moment, a rule only the database knows). Whoever
catches the IntegrityError rolls the whole change back and shows `explain(error)`.
"""

from __future__ import annotations

import re

from django.apps import apps
from django.db import IntegrityError, models
from django.utils.translation import gettext as _

# SQLite names what failed in its message; PostgreSQL in the error's diagnostics.
_SQLITE_UNIQUE = re.compile(r"UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)")
_SQLITE_CHECK = re.compile(r"CHECK constraint failed: (\w+)")


def _model_for_table(table: str) -> type[models.Model] | None:
    return next((m for m in apps.get_models() if m._meta.db_table == table), None)


def _unique_columns(error: IntegrityError, name: str) -> tuple[str, list[str]] | None:
    """(table, columns) of the unique key the write collided with, where the database says."""
    found = _SQLITE_UNIQUE.search(str(error))
    if found:
        pairs = [item.split(".") for item in found.group(1).split(", ")]
        return pairs[0][0], [column for _, column in pairs]
    diag = getattr(error.__cause__, "diag", None)
    if diag is not None and diag.table_name and name.endswith("_key"):
        # PostgreSQL names a column's own unique constraint <table>_<column>_key.
        return diag.table_name, [name[len(diag.table_name) + 1 : -len("_key")]]
    return None


def _constraint_name(error: IntegrityError) -> str:
    diag = getattr(error.__cause__, "diag", None)
    if diag is not None and diag.constraint_name:
        return diag.constraint_name
    found = _SQLITE_CHECK.search(str(error))
    if found:
        return found.group(1)
    unique = _unique_columns(error, "")
    model = _model_for_table(unique[0]) if unique else None
    for constraint in model._meta.constraints if model else []:
        fields = getattr(constraint, "fields", ())
        if sorted(model._meta.get_field(f).column for f in fields) == sorted(unique[1]):
            return constraint.name
    return ""


def _named_rule(name: str) -> str | None:
    for model in apps.get_models():
        for constraint in model._meta.constraints:
            if constraint.name == name:
                message = constraint.get_violation_error_message()
                default = constraint.default_violation_error_message % {"name": name}
                return (
                    message
                    if message != default
                    else _("the rule “%(name)s” was broken.") % {"name": name}
                )
    return None


def explain(error: IntegrityError) -> str:
    """What the database refused, e.g. "Another article already has this canonical URL."."""
    name = _constraint_name(error)
    rule = _named_rule(name) if name else None
    if rule is not None:
        return _("The database refused the change: %(rule)s") % {"rule": rule}
    unique = _unique_columns(error, name)
    model = _model_for_table(unique[0]) if unique and len(unique[1]) == 1 else None
    if model is not None:
        field = next((f for f in model._meta.concrete_fields if f.column == unique[1][0]), None)
        if field is not None:
            return _("Another %(model)s already has this %(field)s.") % {
                "model": model._meta.verbose_name,
                "field": field.verbose_name,
            }
    return _("The database refused the change, which conflicts with data saved meanwhile.")
