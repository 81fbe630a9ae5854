"""Signed links: they verify, carry no readable visit number, and the two kinds never mix."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import signing

from lampio.core.errors import NotFound
from lampio.surveys.invitations import (
    INVITATION_SALT,
    Invitation,
    invitation_from_token,
    used_hash,
    visit_key,
    visit_link_from_token,
    visit_link_token,
)


def test_an_invitation_round_trips(invitation: Invitation, token: str) -> None:
    assert invitation_from_token(token) == invitation


def test_the_key_does_not_show_the_visit() -> None:
    key = visit_key("booking", 12345)
    assert "12345" not in key and len(key) == 32
    assert key == visit_key("booking", 12345) != visit_key("enrolment", 12345)
    assert used_hash(key) != key and len(used_hash(key)) == 64


def test_a_tampered_token_is_not_found(token: str) -> None:
    with pytest.raises(NotFound):
        invitation_from_token(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    with pytest.raises(NotFound):
        invitation_from_token("nonsense")


def test_links_of_one_kind_do_not_pass_as_the_other(token: str) -> None:
    poster = visit_link_token(organisation_id=1, venue_id=None)
    with pytest.raises(NotFound):
        invitation_from_token(poster)
    with pytest.raises(NotFound):
        visit_link_from_token(token)


def test_a_visit_link_is_stable_and_open() -> None:
    first = visit_link_token(organisation_id=7, venue_id=3)
    assert first == visit_link_token(organisation_id=7, venue_id=3)
    link = visit_link_from_token(first)
    assert (link.organisation_id, link.venue_id, link.context) == (7, 3, "visit")
    assert not link.is_personal and not link.expired(date(2100, 1, 1))


def test_a_signed_payload_of_the_wrong_shape_is_not_found() -> None:
    bad = signing.Signer(salt=INVITATION_SALT).sign_object({"o": 1, "c": "party", "k": "x"})
    with pytest.raises(NotFound):
        invitation_from_token(bad)
