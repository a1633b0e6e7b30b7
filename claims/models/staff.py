"""What a staff member chooses for themselves: the language the newsroom's pages speak to them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="staff_profile",
        verbose_name=_("user"),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_(
            "The language of the newsroom's pages, buttons and messages for this person; "
            "empty for the site's."
        ),
    )

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")

    def __str__(self) -> str:
        return f"{self.user}: {self.language}"

    @classmethod
    def language_of(cls, user) -> str:
        """The person's language: their profile's, else the site's."""
        chosen = cls.objects.filter(user=user).values_list("language", flat=True).first()
        return chosen or settings.LANGUAGE_CODE
