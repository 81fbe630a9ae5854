"""A local stand-in for Paytrail that speaks its protocol: signed requests are verified,
answers are signed, the person gets a payment page, and the result comes back both as a
browser redirect and as a server-to-server callback, each signed.

It runs in tests (in a thread) and in the demo (`manage.py run_fake_paytrail`), so the real
adapter is exercised end to end without the internet. No Django here: it is a plain WSGI app.
"""

from __future__ import annotations

import html
import json
import logging
import threading
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from lampio.payments.providers import paytrail_protocol as protocol

logger = logging.getLogger(__name__)
StartResponse = Callable[..., Any]


@dataclass
class FakePayment:
    transaction_id: str
    stamp: str
    reference: str
    amount: int
    redirect_urls: dict[str, str]
    callback_urls: dict[str, str]
    status: str = "new"
    refunded: int = 0
    refund_stamps: set[str] = field(default_factory=set)


class FakePaytrail:
    # Paytrail's public test merchant, as in its documentation.
    def __init__(self, *, account: str = "375917", secret: str = "SAIPPUAKAUPPIAS") -> None:  # noqa: S107
        self.account = account
        self.secret = secret
        self.base_url = ""
        self.payments: dict[str, FakePayment] = {}
        self.down = False  # answer 503 to every API call
        self.send_callbacks = True  # False: the server-to-server callback gets lost
        self.refuse_refunds = False
        self.lock = threading.Lock()

    # --- signing helpers ---------------------------------------------------------------------

    def signed_params(self, payment: FakePayment, status: str) -> dict[str, str]:
        params = {
            "checkout-account": self.account,
            "checkout-algorithm": "sha256",
            "checkout-amount": str(payment.amount),
            "checkout-stamp": payment.stamp,
            "checkout-reference": payment.reference,
            "checkout-transaction-id": payment.transaction_id,
            "checkout-status": status,
            "checkout-provider": "osuuspankki",
        }
        params["signature"] = protocol.signature(self.secret, params)
        return params

    def _answer(self, start: StartResponse, status: str, payload: Any, tx: str = "") -> list[bytes]:
        body = json.dumps(payload)
        headers = {
            "checkout-account": self.account,
            "checkout-algorithm": "sha256",
            "checkout-method": "POST",
            "checkout-nonce": uuid.uuid4().hex,
            "checkout-timestamp": datetime.now(UTC).isoformat(),
            "checkout-request-id": uuid.uuid4().hex,
        }
        if tx:
            headers["checkout-transaction-id"] = tx
        headers["signature"] = protocol.signature(self.secret, headers, body)
        start(status, [("Content-Type", "application/json; charset=utf-8"), *headers.items()])
        return [body.encode()]

    def _verified(self, environ: dict[str, Any]) -> tuple[bool, str]:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length).decode() if length else ""
        headers = {
            key[5:].lower().replace("_", "-"): value
            for key, value in environ.items()
            if key.startswith("HTTP_CHECKOUT_") or key == "HTTP_SIGNATURE"
        }
        checkout = {k: v for k, v in headers.items() if k.startswith("checkout-")}
        ok = checkout.get("checkout-account") == self.account and protocol.is_signed(
            self.secret, checkout, headers.get("signature", ""), body
        )
        return ok, body

    # --- the WSGI app --------------------------------------------------------------------------

    def __call__(self, environ: dict[str, Any], start: StartResponse) -> Iterable[bytes]:
        method, path = environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")
        parts = [p for p in path.split("/") if p]
        if parts[:1] == ["pay"] and len(parts) == 2:
            return self._pay_page(environ, start, parts[1])
        if self.down:
            start("503 Service Unavailable", [("Content-Type", "application/json")])
            return [b'{"status":"error","message":"maintenance"}']
        ok, body = self._verified(environ)
        if not ok:
            start("401 Unauthorized", [("Content-Type", "application/json")])
            return [b'{"status":"error","message":"Invalid signature"}']
        if method == "POST" and parts == ["payments"]:
            return self._create(start, body)
        if method == "GET" and len(parts) == 2 and parts[0] == "payments":
            return self._status(start, parts[1])
        if method == "POST" and len(parts) == 3 and parts[0] == "payments" and parts[2] == "refund":
            return self._refund(start, parts[1], body)
        start("404 Not Found", [("Content-Type", "application/json")])
        return [b'{"status":"error","message":"Not found"}']

    def _bad(self, start: StartResponse, message: str) -> list[bytes]:
        return self._answer(start, "400 Bad Request", {"status": "error", "message": message})

    def _create(self, start: StartResponse, body: str) -> list[bytes]:
        try:
            data = json.loads(body)
            amount = int(data["amount"])
            stamp = str(data["stamp"])
            items = data.get("items") or []
            redirect, callback = data["redirectUrls"], data.get("callbackUrls") or {}
            if data.get("currency") != "EUR" or amount <= 0 or not data["customer"]["email"]:
                raise ValueError("currency, amount or customer")
            if items and sum(int(i["unitPrice"]) * int(i["units"]) for i in items) != amount:
                raise ValueError("items do not add up to the amount")
        except (KeyError, TypeError, ValueError) as error:
            return self._bad(start, f"Invalid request: {error}")
        with self.lock:
            if any(p.stamp == stamp for p in self.payments.values()):
                return self._bad(start, "Duplicate stamp")
            tx = str(uuid.uuid4())
            self.payments[tx] = FakePayment(
                transaction_id=tx,
                stamp=stamp,
                reference=str(data.get("reference", "")),
                amount=amount,
                redirect_urls=redirect,
                callback_urls=callback,
            )
        href = f"{self.base_url}/pay/{tx}"
        payload = {
            "transactionId": tx,
            "href": href,
            "reference": data.get("reference"),
            "terms": "",
            "groups": [],
            "providers": [],
        }
        return self._answer(start, "201 Created", payload, tx)

    def _status(self, start: StartResponse, tx: str) -> list[bytes]:
        payment = self.payments.get(tx)
        if payment is None:
            return self._bad(start, "Unknown transaction")
        payload = {
            "transactionId": tx,
            "status": payment.status,
            "amount": payment.amount,
            "stamp": payment.stamp,
            "reference": payment.reference,
            "provider": "osuuspankki",
        }
        return self._answer(start, "200 OK", payload, tx)

    def _refund(self, start: StartResponse, tx: str, body: str) -> list[bytes]:
        payment = self.payments.get(tx)
        try:
            data = json.loads(body)
            amount, stamp = int(data["amount"]), str(data["refundStamp"])
        except (KeyError, TypeError, ValueError):
            return self._bad(start, "Invalid refund")
        with self.lock:
            if payment is None or payment.status != "ok":
                return self._bad(start, "Payment not paid")
            if self.refuse_refunds:
                return self._answer(start, "201 Created", {"status": "fail"}, tx)
            if stamp not in payment.refund_stamps:
                if amount <= 0 or payment.refunded + amount > payment.amount:
                    return self._bad(start, "Refund amount too large")
                payment.refunded += amount
                payment.refund_stamps.add(stamp)
        payload = {"provider": "osuuspankki", "status": "ok", "transactionId": tx}
        return self._answer(start, "201 Created", payload, tx)

    def _pay_page(self, environ: dict[str, Any], start: StartResponse, tx: str) -> list[bytes]:
        payment = self.payments.get(tx)
        if payment is None:
            start("404 Not Found", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"Unknown payment"]
        if environ["REQUEST_METHOD"] == "POST":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            form = urllib.parse.parse_qs(environ["wsgi.input"].read(length).decode())
            status = "ok" if form.get("action") == ["pay"] else "fail"
            payment.status = status
            params = self.signed_params(payment, status)
            which = "success" if status == "ok" else "cancel"
            if self.send_callbacks and payment.callback_urls.get(which):
                self._callback(payment.callback_urls[which], params)
            target = payment.redirect_urls[which] + "?" + urllib.parse.urlencode(params)
            start("303 See Other", [("Location", target)])
            return [b""]
        euros = f"{payment.amount / 100:.2f}".replace(".", ",")
        page = f"""<!doctype html><html lang="fi"><head><meta charset="utf-8">
<title>Maksu – testipankki</title><meta name="viewport" content="width=device-width">
<style>body{{font-family:sans-serif;max-width:30rem;margin:2rem auto;color:#111}}
button{{font-size:1.1rem;padding:.6rem 1.2rem;margin-right:1rem}}</style></head>
<body><main><h1>Testipankki (Paytrail-testipalvelu)</h1>
<p>Maksun saaja: Lämpiö, viite {html.escape(payment.reference)}</p>
<p>Summa: <strong>{euros} €</strong></p>
<form method="post"><button name="action" value="pay">Maksa</button>
<button name="action" value="cancel">Peruuta maksu</button></form></main></body></html>"""
        start("200 OK", [("Content-Type", "text/html; charset=utf-8")])
        return [page.encode()]

    def _callback(self, url: str, params: dict[str, str]) -> None:
        try:
            target = url + "?" + urllib.parse.urlencode(params)
            urllib.request.urlopen(target, timeout=10).read()  # noqa: S310 (loopback, tests/demo)
        except OSError as error:
            logger.warning("fake paytrail: callback to %s failed: %s", url, error)


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        logger.debug(format, *args)


def serve(fake: FakePaytrail, host: str = "127.0.0.1", port: int = 0) -> _ThreadingServer:
    """Start `fake` on a thread; returns the server (its URL is in `fake.base_url`)."""
    server = make_server(
        host, port, fake, server_class=_ThreadingServer, handler_class=_QuietHandler
    )
    fake.base_url = f"http://{host}:{server.server_port}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
