"""How a delivery is signed: HMAC-SHA256, with the webhook's secret, of "<timestamp>.<raw body>".

The timestamp (X-Factcheck-Timestamp, Unix seconds) is part of what is signed, so a receiver that
refuses old timestamps cannot be made to accept a recorded delivery sent again later. How a
receiver checks it is in docs/webhooks.md.
"""

from __future__ import annotations

import hashlib
import hmac

SIGNATURE_PREFIX = "sha256="


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The X-Factcheck-Signature header's value: 'sha256=' and the hex HMAC."""
    signed = f"{timestamp}.".encode() + body
    return SIGNATURE_PREFIX + hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
