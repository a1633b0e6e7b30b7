from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, str]:
    """The newsroom's name and address, and this page's canonical address, for every template."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "ORGANIZATION_NAME": settings.ORGANIZATION_NAME,
        "CANONICAL_URL": f"{settings.SITE_URL}{request.path}",
    }
