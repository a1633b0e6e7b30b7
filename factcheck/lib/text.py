"""What text the workbench keeps: the rule for characters that only ever hide or disguise text.

Stripped from every text field of the newsroom's data as it is saved (`normalise_fields`, on
`pre_save` of every model in this app), so that the admin, the API, article imports and
ClaimReview imports all keep the same text:

- C0 and C1 control characters (U+0000–U+001F, U+007F–U+009F) except tab, line feed and carriage
  return: nothing that a person writes, and NUL is refused by PostgreSQL.
- Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): an unclosed
  right-to-left override (U+202E) turns the rest of a line around ("Trojan Source"), so that a
  claim or a name reads as something else wherever it is shown.

Right-to-left and left-to-right marks (U+200E, U+200F, U+061C) stay: they close nothing and are
part of how Arabic and Hebrew text is written. Pages set each quote's direction themselves.
"""

from __future__ import annotations

import re

from django.db import models

_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean_text(value: str) -> str:
    """`value` without control characters (but tab, CR, LF) and bidirectional overrides."""
    return _HIDDEN.sub("", value)


def normalise_fields(sender: type[models.Model], instance: models.Model, **kwargs) -> None:
    """`pre_save`: every text field of `instance` through `clean_text`, in place, so that what
    is saved and what the caller goes on using (an article's offsets) are the same text."""
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField):
            value = getattr(instance, field.attname)
            if isinstance(value, str) and _HIDDEN.search(value):
                setattr(instance, field.attname, clean_text(value))
