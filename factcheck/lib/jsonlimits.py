"""JSON from outside, read with a limit on how deeply it nests.

Python's parser gives up with a RecursionError at about a thousand levels, and the code that walks
what it parsed can fail sooner; no document we take (an API request, a ClaimReview file, a line of
extract_deadlines) needs more than a few levels. Every door that reads JSON reads it here, and
too deep a document is refused with a plain message (a 400 in the API).
"""

from __future__ import annotations

import json
from typing import Any

MAX_DEPTH = 64


class TooDeep(ValueError):
    """The document nests more deeply than MAX_DEPTH."""

    def __init__(self) -> None:
        super().__init__(
            f"the JSON nests more than {MAX_DEPTH} levels deep; no document needs that."
        )


def loads(text: str | bytes, *, max_depth: int = MAX_DEPTH, **options: Any) -> Any:
    """`json.loads` (with its `options`), refusing (TooDeep) a document nested deeper than
    `max_depth`."""
    try:
        data = json.loads(text, **options)
    except RecursionError as error:
        raise TooDeep() from error
    if depth(data, stop=max_depth + 1) > max_depth:
        raise TooDeep()
    return data


def depth(data: Any, *, stop: int) -> int:
    """How deeply `data` nests (a scalar is 0, `[]` is 1), counting no further than `stop`;
    without recursion, so that depth itself cannot break it."""
    deepest, pending = 0, [(data, 1)]
    while pending:
        value, level = pending.pop()
        if isinstance(value, dict):
            children = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, level)
        if deepest >= stop:
            return deepest
        pending.extend((child, level + 1) for child in children)
    return deepest
