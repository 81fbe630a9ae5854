"""GatewayAPI (gatewayapi.com), written against its public REST documentation.

One request per message: ``POST /rest/mtsms`` with a JSON body
``{"sender": "...", "message": "...", "recipients": [{"msisdn": 358401234567}]}`` and the
header ``Authorization: Token <token>``; a success answers 200 with ``{"ids": [...]}``.

Errors are sorted for the outbox: the gateway being down, slow or overloaded (timeouts,
connection errors, 5xx, 429) and refused credentials (401/403, fixed by an operator) are
worth retrying; a message the gateway refuses as such (other 4xx, e.g. an invalid number) is
not. The stored detail never contains the token or the message text.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from lampio.core.sms import SmsNotSent, TextMessage

logger = logging.getLogger(__name__)

DEFAULT_URL = "https://gatewayapi.com/rest/mtsms"
RETRY_STATUSES = {401, 403, 408, 425, 429}


def msisdn(number: str) -> int:
    """E.164 without the plus, as the gateway wants it: +358401234567 → 358401234567."""
    digits = number.strip().removeprefix("+").replace(" ", "")
    if not digits.isdigit():
        raise SmsNotSent("invalid number", transient=False)
    return int(digits)


class GatewayApiBackend:
    def __init__(self) -> None:
        self.url = getattr(settings, "LAMPIO_SMS_GATEWAY_URL", "") or DEFAULT_URL
        self.token = getattr(settings, "LAMPIO_SMS_GATEWAY_TOKEN", "")
        self.sender = getattr(settings, "LAMPIO_SMS_SENDER", "") or "Lampio"
        self.timeout = float(getattr(settings, "LAMPIO_SMS_GATEWAY_TIMEOUT", 10))
        if not self.token:
            raise ImproperlyConfigured("LAMPIO_SMS_GATEWAY_TOKEN is required for gatewayapi")
        if not self.url.startswith(("https://", "http://")):
            raise ImproperlyConfigured("LAMPIO_SMS_GATEWAY_URL must be an http(s) address")

    def send(self, message: TextMessage) -> None:
        body = json.dumps(
            {
                "sender": self.sender,
                "message": message.text,
                "recipients": [{"msisdn": msisdn(message.to)}],
            }
        ).encode()
        # The scheme is checked in __init__: only http(s) addresses reach urlopen.
        request = urllib.request.Request(  # noqa: S310
            self.url,
            data=body,
            method="POST",
            headers={
                "Authorization": f"Token {self.token}",
                "Content-Type": "application/json",
                "Accept": "application/json",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                answer = json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            raise _refusal(error) from None
        except TimeoutError:
            raise SmsNotSent("SMS gateway timed out") from None
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise SmsNotSent("SMS gateway timed out") from None
            raise SmsNotSent("SMS gateway unreachable") from None
        except (OSError, ValueError):
            raise SmsNotSent("SMS gateway answered unreadably") from None
        if not isinstance(answer, dict) or not answer.get("ids"):
            raise SmsNotSent("SMS gateway gave no message id")
        logger.info("SMS handed to the gateway, id %s", answer["ids"][0])


def _refusal(error: urllib.error.HTTPError) -> SmsNotSent:
    status = error.code
    code = ""
    try:
        detail = json.loads(error.read() or b"{}")
        code = str(detail.get("code", ""))[:20] if isinstance(detail, dict) else ""
    except (OSError, ValueError):
        pass
    text = f"SMS gateway answered {status}" + (f" ({code})" if code else "")
    return SmsNotSent(text, transient=status >= 500 or status in RETRY_STATUSES)
