"""Every word a template shows a reader is marked for translation.

A template is read as Django's lexer reads it: text outside `{% blocktranslate %}` and
`{% comment %}` is parsed as HTML, and any text node or reader-facing attribute (title, alt,
aria-label, placeholder) holding a letter is an unmarked string.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType

TEMPLATES = Path(settings.BASE_DIR) / "templates"
READER_ATTRIBUTES = {"title", "alt", "aria-label", "placeholder"}
HIDDEN_ELEMENTS = {"script", "style"}
# An input of these types shows its value as the button's label.
BUTTONS = {"submit", "button", "reset"}
# Stands for a template tag or variable in the HTML that is parsed: never a letter.
SLOT = "\x00"
# Blocks whose text is translated as one message, or never shown.
UNREAD_BLOCKS = {"blocktranslate", "blocktrans", "comment"}


class _Unmarked(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_ELEMENTS:
            self._hidden += 1
        shown = dict(attrs)
        for name, value in attrs:
            if name in READER_ATTRIBUTES and value:
                self._check(value)
        if tag == "input" and shown.get("type") in BUTTONS and shown.get("value"):
            self._check(shown["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_ELEMENTS:
            self._hidden = max(0, self._hidden - 1)

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._check(data)

    def _check(self, text: str) -> None:
        for piece in text.split(SLOT):
            if any(character.isalpha() for character in piece):
                self.found.append(piece.strip())


def template_html(source: str) -> str:
    """The template's HTML with every tag and variable a slot, translated blocks and comments
    dropped: what is left is text a reader would see untranslated."""
    html: list[str] = []
    skipping = None
    for token in Lexer(source).tokenize():
        if skipping:
            if token.token_type is TokenType.BLOCK and token.contents.split()[0] == skipping:
                skipping = None
                html.append(f" {SLOT} ")
            continue
        if token.token_type is TokenType.TEXT:
            html.append(token.contents)
            continue
        tag = token.contents.split()[0] if token.contents else ""
        if token.token_type is TokenType.BLOCK and tag in UNREAD_BLOCKS:
            skipping = "end" + tag
        html.append(f" {SLOT} ")
    return "".join(html)


def unmarked(source: str) -> list[str]:
    parser = _Unmarked()
    parser.feed(template_html(source))
    parser.close()
    return parser.found


def templates() -> list[Path]:
    return sorted(path for path in TEMPLATES.rglob("*.html"))


@pytest.mark.parametrize("path", templates(), ids=lambda path: str(path.relative_to(TEMPLATES)))
def test_template_has_no_unmarked_text(path):
    assert unmarked(path.read_text()) == []


def test_the_scanner_finds_text_and_attributes_and_passes_over_marked_ones():
    source = (
        '{% load i18n %}<h1 title="Plain title">Hello {{ name }}</h1>'
        '<p>{% translate "Marked" %}</p>{% blocktranslate %}Also marked{% endblocktranslate %}'
        "{% comment %}A note{% endcomment %}<script>let word = 1;</script>"
        '<img alt="{% translate "Marked too" %}" src="x.png"> &middot; 12'
    )
    assert unmarked(source) == ["Plain title", "Hello"]
