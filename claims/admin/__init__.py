"""The staff side, made for a newsroom's day: a module per part of the admin. Thin: each view
parses its input and calls the workflow or intake, which hold the rules."""

from claims.admin import (  # noqa: F401  (they register the ModelAdmins)
    claim,
    imports,
    monitoring,
    newsroom,
    records,
)
