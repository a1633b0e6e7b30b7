from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils import translation


def site(request: HttpRequest) -> dict:
    """The newsroom's name and address, this page's canonical address and, on the public site,
    its address in each language, for every template."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "ORGANIZATION_NAME": settings.ORGANIZATION_NAME,
        "CANONICAL_URL": f"{settings.SITE_URL}{request.path}",
        "TRANSLATIONS": _translations(request),
    }


def _translations(request: HttpRequest) -> list[dict]:
    """This public page in each of the site's languages: code, name, absolute address, and
    whether it is the one shown. Empty off the public site (the admin, the API)."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.namespace != "claims":
        return []
    here = translation.get_language()
    return [
        {
            "code": code,
            "name": name,
            "url": settings.SITE_URL + translate_url(request.get_full_path(), code),
            "current": code == here,
            "default": code == settings.LANGUAGE_CODE,
            "bidi": translation.get_language_info(code)["bidi"],
        }
        for code, name in settings.LANGUAGES
    ]
