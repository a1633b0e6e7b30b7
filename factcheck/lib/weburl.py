"""Web addresses: the newsroom's data holds http(s) addresses only, since the public pages make
links of them (an article, a piece of evidence, an imported review) or publish them in ClaimReview
(a claimant's sameAs, a publisher's homepage). A `javascript:` or `data:` address would run in a
reader's browser when followed; `ftp:` and `file:` ones are no pages for a reader or a link check.

`WebURLField` is the model field: its form field (the admin) and its validator (model validation,
the API's `WebURLSerializerField`) refuse any other scheme with a message that names it.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext as _

SCHEMES = ("http", "https")
_valid_url = URLValidator(schemes=list(SCHEMES))


def validate_web_url(value: str) -> None:
    """Refuse an address that is not http(s), saying which scheme it has."""
    try:
        scheme = urlsplit(value).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme and scheme not in SCHEMES:
        raise ValidationError(
            _("Only http:// and https:// addresses are accepted, not “%(scheme)s:” ones."),
            code="scheme",
            params={"scheme": scheme},
        )
    _valid_url(value)


class WebURLFormField(forms.URLField):
    default_validators = [validate_web_url]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**{"assume_scheme": "https", **kwargs})


class WebURLField(models.URLField):
    """A URLField for http(s) addresses only."""

    default_validators = [validate_web_url]

    def formfield(self, **kwargs: Any) -> forms.Field:
        return super().formfield(**{"form_class": WebURLFormField, **kwargs})

    def deconstruct(self) -> tuple:
        # Migrations see a plain URLField: which schemes are valid is validation, not schema.
        name, _, args, kwargs = super().deconstruct()
        return name, "django.db.models.URLField", args, kwargs
