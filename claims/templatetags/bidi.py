"""Words in another script inside a page: `{% load bidi %}`.

Names, headlines and phrases come in any language. Inline, `<bdi>` keeps a right-to-left one from
reordering the punctuation, numbers and words next to it; these filters put it where a template
cannot (inside a stored sentence).
"""

from __future__ import annotations

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def isolate(text: str, part: str) -> SafeString:
    """`text`, escaped, with its first `part` isolated: '"خلال شهرين" → 15 January 2024' keeps
    its quotation marks and date where they belong."""
    before, found, after = str(text).partition(str(part)) if part else (text, "", "")
    if not found:
        return escape(text)
    return format_html("{}<bdi>{}</bdi>{}", before, found, after)
