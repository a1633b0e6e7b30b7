"""Per-language deadline vocabularies and rule templates, keyed by ISO 639-1 code."""

from claims.deadlines.lang import ar, de, en, es, fr
from claims.deadlines.lang.base import Language

LANGUAGES: dict[str, Language] = {m.LANGUAGE.code: m.LANGUAGE for m in (en, es, fr, de, ar)}
