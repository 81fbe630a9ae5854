"""The client's address behind nginx: believed only from a trusted proxy (core.forwarded)."""

from __future__ import annotations

from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory

from lampio.core.forwarded import ForwardedClientMiddleware, client_address, trusted_networks
from lampio.core.ratelimit import client_ip

LOOPBACK = trusted_networks(("127.0.0.1", "::1", "10.0.0.0/8"))


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        # nginx on the same machine names the resident.
        ("127.0.0.1", "203.0.113.7", "203.0.113.7"),
        ("::1", "2001:db8::5", "2001:db8::5"),
        # A chain through two of our proxies: the nearest hop that is not ours.
        ("10.0.0.2", "203.0.113.7, 10.0.0.9", "203.0.113.7"),
        # Whatever a client wrote left of the real hop is ignored.
        ("127.0.0.1", "198.51.100.1, 203.0.113.7", "203.0.113.7"),
        # A connection from outside may not name anyone else.
        ("203.0.113.50", "198.51.100.1", "203.0.113.50"),
        # No header, garbage, or nothing but our own proxies: the connection's address.
        ("127.0.0.1", "", "127.0.0.1"),
        ("127.0.0.1", "unknown", "127.0.0.1"),
        ("127.0.0.1", "10.0.0.3", "127.0.0.1"),
    ],
)
def test_client_address_reads_the_chain_from_the_right(
    remote: str, forwarded: str, expected: str
) -> None:
    assert client_address(remote, forwarded, LOOPBACK) == expected


def test_rate_limits_count_residents_apart_only_behind_a_trusted_proxy(
    settings: Any,
) -> None:
    """Two residents behind nginx are two rate-limit keys; from an untrusted peer the header
    changes nothing."""
    keys: list[str] = []

    def view(request: HttpRequest) -> HttpResponse:
        keys.append(client_ip("group", request))
        return HttpResponse()

    middleware = ForwardedClientMiddleware(view)
    factory = RequestFactory()
    settings.LAMPIO_TRUSTED_PROXIES = ["127.0.0.1"]
    for resident in ("203.0.113.7", "203.0.113.8"):
        middleware(factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=resident))
    middleware(factory.get("/", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR="203.0.113.9"))
    settings.LAMPIO_TRUSTED_PROXIES = []
    middleware(factory.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9"))

    assert keys == ["ip:203.0.113.7", "ip:203.0.113.8", "ip:198.51.100.4", "ip:127.0.0.1"]


@pytest.mark.django_db
def test_the_stack_sees_the_residents_address(settings: Any) -> None:
    """Installed in the middleware stack, ahead of everything that reads the address."""
    settings.LAMPIO_TRUSTED_PROXIES = ["127.0.0.1"]
    response = Client(REMOTE_ADDR="127.0.0.1").get("/healthz", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert response.status_code == 200
    assert response.wsgi_request.META["REMOTE_ADDR"] == "203.0.113.7"
