"""Paytrail's HMAC signing, shared by the adapter and the local fake that speaks the protocol.

Per Paytrail's API documentation: the signed text is every `checkout-` header (or query
parameter) as `name:value`, sorted by name, one per line, then the body (empty for a redirect
or callback), joined by newlines; the signature is its HMAC in hex with the merchant secret.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping

ALGORITHMS = {"sha256": hashlib.sha256, "sha512": hashlib.sha512}


def signed_text(params: Mapping[str, str], body: str = "") -> str:
    lines = [f"{name}:{params[name]}" for name in sorted(params) if name.startswith("checkout-")]
    return "\n".join([*lines, body])


def signature(secret: str, params: Mapping[str, str], body: str = "") -> str:
    algorithm = ALGORITHMS[params.get("checkout-algorithm", "sha256")]
    text = signed_text(params, body).encode()
    return hmac.new(secret.encode(), text, algorithm).hexdigest()


def is_signed(secret: str, params: Mapping[str, str], given: str, body: str = "") -> bool:
    if params.get("checkout-algorithm", "sha256") not in ALGORITHMS or not given:
        return False
    return hmac.compare_digest(signature(secret, params, body), given)
