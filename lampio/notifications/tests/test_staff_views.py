"""Staff pages: message texts with validation and preview, restore, and the delivery log."""

from __future__ import annotations

from html import unescape

import pytest
from auditlog.models import LogEntry
from django.core import mail

from lampio.notifications import services
from lampio.notifications.models import Delivery, DeliveryStatus, MessageTemplate

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(settings, make_organisation, make_member, client):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    org = make_organisation()
    staff = make_member(org)
    client.force_login(staff)
    base = f"/en/staff/{org.municipality.slug}/{org.slug}/messages/"
    return {"org": org, "staff": staff, "base": base, "client": client}


def texts(**fields):
    data = {
        f"{part}_{lang}": "" for part in ("subject", "body", "sms") for lang in ("fi", "sv", "en")
    }
    data.update(language="en", action="save")
    data.update(fields)
    return data


def test_the_list_shows_every_kind_and_which_are_customised(desk):
    MessageTemplate.objects.create(organisation=desk["org"], key="test.offer", subject_fi="Oma")
    page = desk["client"].get(desk["base"]).content.decode()
    assert "Test offer" in page and "Test reminder" in page
    assert "Your own text" in page and "Default text" in page
    assert "Essential: always sent" in page


def test_saving_texts_stores_them_with_the_actor_in_the_audit_log(desk):
    response = desk["client"].post(
        f"{desk['base']}test.offer/", texts(subject_en="Free: {{ space }}", sms_fi="{{ time }}")
    )
    assert response.status_code == 302
    own = MessageTemplate.objects.get(organisation=desk["org"], key="test.offer")
    assert (own.subject_en, own.sms_fi, own.body_en) == ("Free: {{ space }}", "{{ time }}", "")
    entry = LogEntry.objects.get_for_object(own).get()
    assert entry.actor == desk["staff"]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        (
            "Hello {{ name }}",
            "This message has no {{ name }}. You can use: {{ space }}, {{ time }}.",
        ),
        ("Hello {{ space", "without its end"),
        ("{% if space %}x", "The text has an error"),
        ("{% load static %}{{ space }}", "The tag {% load %} cannot be used in messages."),
        ("{% if secret %}x{% endif %}", "This message has no {{ secret }}."),
    ],
)
def test_an_invalid_text_is_refused_and_the_input_kept(desk, text, error):
    response = desk["client"].post(
        f"{desk['base']}test.offer/", texts(body_sv=text, subject_en="Kept subject")
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert error in unescape(page)
    assert "Kept subject" in page
    assert not MessageTemplate.objects.exists()


def test_the_preview_renders_the_sample_without_saving(desk):
    response = desk["client"].post(
        f"{desk['base']}test.offer/",
        texts(action="preview", language="sv", subject_sv="Ledigt: {{ space }} kl. {{ time }}"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ledigt: Sali 1 kl. 18:00" in page
    assert 'id="preview-sms"' in page  # the default SMS, rendered
    assert not MessageTemplate.objects.exists()


def test_conditions_on_known_variables_are_allowed(desk):
    response = desk["client"].post(
        f"{desk['base']}test.offer/",
        texts(action="preview", body_en="{% if time %}At {{ time|upper }}{% else %}-{% endif %}"),
    )
    assert "At 18:00" in response.content.decode()


def test_restoring_the_default_deletes_the_own_texts(desk):
    MessageTemplate.objects.create(organisation=desk["org"], key="test.offer", subject_fi="Oma")
    edit = desk["client"].get(f"{desk['base']}test.offer/").content.decode()
    assert "Restore the default texts" in edit and 'value="Oma"' in edit
    response = desk["client"].post(f"{desk['base']}test.offer/restore/")
    assert response.status_code == 302
    assert not MessageTemplate.objects.exists()


def test_an_unknown_kind_is_not_found(desk):
    assert desk["client"].get(f"{desk['base']}no.such/").status_code == 404


def test_another_organisations_staff_get_404(desk, make_organisation, make_member, client):
    other = make_member(make_organisation())
    client.force_login(other)
    for path in ("", "test.offer/", "log/"):
        assert client.get(f"{desk['base']}{path}").status_code == 404
    assert client.post(f"{desk['base']}test.offer/", texts(subject_en="x")).status_code == 404
    assert not MessageTemplate.objects.exists()


def test_the_log_masks_addresses_filters_and_sends_again(desk, make_user, make_organisation):
    person = make_user(email="aino.asukas@example.fi", phone="+358401234567")
    rows = services.notify(
        recipient=person,
        key="test.offer",
        context={"space": "Sali", "time": "18"},
        organisation_id=desk["org"].pk,
    )
    services.notify(
        recipient=make_user(email="someone@else.fi"),
        key="test.offer",
        context={"space": "Other", "time": "1"},
        organisation_id=make_organisation().pk,
    )
    Delivery.objects.filter(pk=rows[0].pk).update(
        status=DeliveryStatus.FAILED, attempts=5, last_error="SMTPServerDisconnected: closed"
    )
    page = desk["client"].get(f"{desk['base']}log/").content.decode()
    assert "a***@example.fi" in page and "+358 40 *** **67" in page
    assert "aino.asukas" not in page and "someone" not in page
    assert "SMTPServerDisconnected: closed" in page
    failed = desk["client"].get(f"{desk['base']}log/?status=failed").content.decode()
    assert "a***@example.fi" in failed and "+358 40" not in failed
    response = desk["client"].post(f"{desk['base']}log/{rows[0].pk}/retry/")
    assert response.status_code == 302
    assert Delivery.objects.get(pk=rows[0].pk).status in {"queued", "sent"}
    again = desk["client"].post(f"{desk['base']}log/{rows[0].pk}/retry/", follow=True)
    assert "Only a message that failed can be sent again." in again.content.decode()
    assert mail.outbox == []  # sent after commit: not in this transaction-wrapped test
