"""The API's request parser: DRF's JSON parser, reading with a depth limit (jsonlimits)."""

from __future__ import annotations

import codecs
from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser, get_encoding
from rest_framework.utils import json

from factcheck.lib import jsonlimits


class LimitedJSONParser(JSONParser):
    """A body nested too deeply is a 400 that says so, as any other malformed body is."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context=None) -> Any:
        encoding = get_encoding(parser_context or {})  # text encodings only, as DRF's own
        parse_constant = json.strict_constant if self.strict else None
        try:
            text = codecs.getreader(encoding)(stream).read()
            return jsonlimits.loads(text, parse_constant=parse_constant)
        except ValueError as error:  # TooDeep is one
            raise ParseError(f"JSON parse error - {error}") from error
