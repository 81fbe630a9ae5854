"""Open311 GeoReport v2: each endpoint, the spec's example POST, keys, jurisdictions, privacy."""

from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from lampio.feedback.models import (
    EventKind,
    Feedback,
    FeedbackCategory,
    FeedbackEvent,
    FeedbackPhoto,
    FeedbackState,
    Identity,
    Jurisdiction,
    Open311Client,
    Source,
    hash_api_key,
)
from lampio.feedback.open311 import POST_RATE_PER_IP
from lampio.feedback.services.setup import set_up_feedback
from lampio.feedback.tests.conftest import jpeg_bytes

pytestmark = pytest.mark.django_db

BASE = "/open311/v2"
# The spec's sample POST body, byte for byte (its api_key "xyz", jurisdiction "city.gov" and
# service "001" are set up in `spec_city`).
SPEC_POST = (
    "api_key=xyz&jurisdiction_id=city.gov&service_code=001&lat=37.76524078"
    "&long=-122.4212043&address_string=1234+5th+street&email=smit333%40sfgov.edu"
    "&device_id=tt222111&account_id=123456&first_name=john&last_name=smith&phone=111111111"
    "&description=A+large+sinkhole+is+destroying+the+street"
    "&media_url=http%3A%2F%2Fwww.example.com%2Fimage.jpg"
)
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def api_key(jurisdiction: Jurisdiction) -> str:
    client = Open311Client(name="Kaupunkisovellus")
    key = client.issue_key()
    client.save()
    return key


@pytest.fixture
def spec_city(jurisdiction: Jurisdiction, category: FeedbackCategory) -> Open311Client:
    """The names the spec's example uses: jurisdiction city.gov, service 001, key xyz."""
    Jurisdiction.objects.filter(pk=jurisdiction.pk).update(open311_id="city.gov")
    FeedbackCategory.objects.filter(pk=category.pk).update(code="001")
    return Open311Client.objects.create(name="Spec", key_hash=hash_api_key("xyz"), key_prefix="xyz")


def post(client: Any, **fields: str) -> Any:
    return client.post(f"{BASE}/requests.json", fields)


def publish(feedback: Feedback, *, answer: str = "", photos_public: bool = False) -> None:
    Feedback.objects.filter(pk=feedback.pk).update(
        wants_public=True, is_published=True, public_text="", photos_public=photos_public
    )
    if answer:
        FeedbackEvent.objects.create(feedback=feedback, kind=EventKind.REPLY, text=answer)


def test_services_list_the_active_categories(client, jurisdiction):
    FeedbackCategory.objects.filter(code="other").update(is_active=False)
    response = client.get(f"{BASE}/services.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    services = response.json()
    codes = [service["service_code"] for service in services]
    assert codes == ["spaces", "bookings", "events", "digital", "accessibility", "praise"]
    assert services[0] == {
        "service_code": "spaces",
        "service_name": "Spaces and equipment",  # English without an Accept-Language
        "description": "",
        "metadata": False,
        "type": "realtime",
        "keywords": "",
        "group": "",
    }


def test_texts_follow_accept_language(client, jurisdiction):
    finnish = client.get(f"{BASE}/services.json", HTTP_ACCEPT_LANGUAGE="fi")
    assert finnish.json()[0]["service_name"] == "Tilat ja laitteet"
    assert finnish["Content-Language"] == "fi"
    swedish = client.get(f"{BASE}/services.json", HTTP_ACCEPT_LANGUAGE="sv-FI,sv;q=0.9")
    assert swedish.json()[0]["service_name"] == "Lokaler och utrustning"


def test_service_definition_and_unknown_service(client, jurisdiction):
    response = client.get(f"{BASE}/services/spaces.json")
    assert response.json() == {"service_code": "spaces", "attributes": []}
    missing = client.get(f"{BASE}/services/potholes.json")
    assert missing.status_code == 404
    assert missing.json() == [{"code": 404, "description": "service_code was not found."}]


def test_xml_is_not_offered(client, jurisdiction):
    response = client.get(f"{BASE}/services.xml")
    assert response.status_code == 404
    assert response.json()[0]["code"] == 404


def test_jurisdiction_is_optional_with_one_and_required_with_several(
    client, jurisdiction, make_municipality, make_organisation
):
    assert client.get(f"{BASE}/services.json?jurisdiction_id=oulu.fi").status_code == 200
    unknown = client.get(f"{BASE}/services.json?jurisdiction_id=nowhere.fi")
    assert unknown.status_code == 404
    other = make_municipality(slug="kemi")
    set_up_feedback(
        municipality=other, fallback_organisation=make_organisation(other), open311_id="kemi.fi"
    )
    missing = client.get(f"{BASE}/services.json")
    assert missing.status_code == 400
    assert missing.json() == [{"code": 400, "description": "jurisdiction_id was not provided."}]
    assert client.get(f"{BASE}/services.json?jurisdiction_id=kemi.fi").status_code == 200


def test_the_specs_example_post_as_a_client_sends_it(client, spec_city):
    response = client.post(f"{BASE}/requests.json", SPEC_POST, content_type=FORM)
    assert response.status_code == 201
    [answer] = response.json()
    assert set(answer) == {"service_request_id", "service_notice", "account_id"}
    assert answer["account_id"] is None
    assert "working days" in answer["service_notice"]
    feedback = Feedback.objects.get(pk=int(answer["service_request_id"]))
    assert feedback.text == "A large sinkhole is destroying the street"
    assert (feedback.identity, feedback.contact_name) == (Identity.NAMED, "john smith")
    assert (feedback.contact_email, feedback.contact_phone) == ("smit333@sfgov.edu", "111111111")
    assert feedback.wants_contact
    assert (feedback.latitude, feedback.longitude) == (Decimal("37.765241"), Decimal("-122.421204"))
    assert feedback.address == "1234 5th street"
    assert (feedback.source, feedback.client) == (Source.OPEN311, spec_city)
    assert feedback.language == "en"
    assert not feedback.photos.exists()  # media_url is never fetched
    spec_city.refresh_from_db()
    assert spec_city.last_used_at is not None


def test_post_without_contact_details_is_anonymous(client, api_key, category):
    response = post(
        client, api_key=api_key, service_code="spaces", lat="65.01", long="25.47",
        description="Salin ovi ei aukea pyörätuolilla.",
    )  # fmt: skip
    assert response.status_code == 201
    feedback = Feedback.objects.get()
    assert feedback.identity == Identity.ANONYMOUS
    assert (feedback.contact_name, feedback.contact_email, feedback.wants_contact) == (
        "",
        "",
        False,
    )


@pytest.mark.parametrize(
    ("fields", "status", "says"),
    [
        ({"api_key": None}, 403, "api_key was not provided or is not valid."),
        ({"api_key": "wrong"}, 403, "api_key was not provided or is not valid."),
        ({"service_code": ""}, 400, "service_code was not provided."),
        ({"service_code": "potholes"}, 404, "service_code was not found."),
        ({"lat": "", "long": ""}, 400, "Give lat and long, or address_string."),
        ({"long": ""}, 400, "Give lat and long, or address_string."),
        ({"lat": "95"}, 400, "lat is not a valid coordinate."),
        ({"long": "east"}, 400, "long is not a valid coordinate."),
        ({"email": "not-an-address"}, 400, "email is not a valid email address."),
        ({"description": "<b></b>"}, 400, "Write a few words about your feedback."),
        ({"jurisdiction_id": "nowhere.fi"}, 404, "jurisdiction_id was not found."),
    ],
)
def test_post_errors_in_the_specs_format(client, api_key, category, fields, status, says):
    data = {
        "api_key": api_key,
        "service_code": "spaces",
        "lat": "65.01",
        "long": "25.47",
        "description": "Projektori ei toimi.",
    }
    data.update(fields)
    response = post(client, **{key: value for key, value in data.items() if value is not None})
    assert response.status_code == status
    assert response.json() == [{"code": status, "description": says}]
    assert not Feedback.objects.exists()


def test_errors_are_translated(client, jurisdiction):
    response = client.post(f"{BASE}/requests.json", {}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.json()[0]["description"] == "api_key was not provided or is not valid."
    with_finnish = client.post(f"{BASE}/requests.json", {}, HTTP_ACCEPT_LANGUAGE="fi")
    assert with_finnish["Content-Language"] == "fi"


def test_inactive_key_and_key_of_another_municipality_are_refused(
    client, api_key, category, make_municipality
):
    fields = {"service_code": "spaces", "address_string": "Kirkkokatu 1", "description": "Kylmä"}
    Open311Client.objects.update(is_active=False)
    assert post(client, api_key=api_key, **fields).status_code == 403
    Open311Client.objects.update(is_active=True, municipality=make_municipality())
    refused = post(client, api_key=api_key, **fields)
    assert refused.status_code == 403
    assert "jurisdiction" in refused.json()[0]["description"]
    Open311Client.objects.update(municipality=category.municipality)
    assert post(client, api_key=api_key, **fields).status_code == 201


def test_post_is_rate_limited_per_address(client, api_key, category):
    limit = int(POST_RATE_PER_IP.split("/")[0])
    for _attempt in range(limit):
        post(client, api_key="wrong")
    response = post(client, api_key=api_key, service_code="spaces", address_string="Tori 1")
    assert response.status_code == 429
    assert response.json()[0]["code"] == 429


def test_get_requests_lists_only_published_feedback_newest_first(client, make_feedback):
    older, hidden, newer = make_feedback(), make_feedback(), make_feedback()
    Feedback.objects.filter(pk=older.pk).update(submitted_at=timezone.now() - timedelta(days=3))
    publish(older, answer="Projektori on vaihdettu.")
    publish(newer)
    response = client.get(f"{BASE}/requests.json")
    assert response.status_code == 200
    items = response.json()
    assert [item["service_request_id"] for item in items] == [str(newer.pk), str(older.pk)]
    assert hidden.pk not in {int(item["service_request_id"]) for item in items}
    assert items[1]["status_notes"] == "Projektori on vaihdettu."
    assert items[0]["status_notes"] is None


def test_published_item_shows_the_public_fields_and_no_personal_data(
    client, make_feedback, desk, settings
):
    feedback = make_feedback(
        identity=Identity.NAMED,
        contact_name="Aino Virtanen",
        contact_email="aino@example.fi",
        contact_phone="0401234567",
        wants_contact=True,
        latitude=Decimal("65.012345"),
        longitude=Decimal("25.471234"),
        address="Kulttuuritalo Valve",
    )
    publish(feedback, answer="Korjattu.")
    Feedback.objects.filter(pk=feedback.pk).update(public_text="Projektori ei käynnisty salissa.")
    [item] = client.get(f"{BASE}/requests/{feedback.pk}.json").json()
    assert item["description"] == "Projektori ei käynnisty salissa."
    assert (item["lat"], item["long"], item["address"]) == (
        65.012345,
        25.471234,
        "Kulttuuritalo Valve",
    )
    assert item["agency_responsible"] == desk.name
    assert item["status"] == "open"
    assert item["status_notes"] == "Korjattu."
    assert item["media_url"] is None
    assert item["requested_datetime"].endswith(("+02:00", "+03:00"))
    assert item["expected_datetime"] > item["requested_datetime"]
    text = json.dumps(item, ensure_ascii=False)
    for personal in ("Aino", "aino@example.fi", "0401234567", feedback.tracking_token):
        assert personal not in text


def test_unpublished_item_found_by_id_shows_no_content(client, make_feedback):
    feedback = make_feedback(latitude=Decimal("65.01"), longitude=Decimal("25.47"), address="Valve")
    FeedbackEvent.objects.create(feedback=feedback, kind=EventKind.REPLY, text="Hei Aino")
    [item] = client.get(f"{BASE}/requests/{feedback.pk}.json").json()
    assert set(item) == {
        "service_request_id",
        "status",
        "service_code",
        "service_name",
        "agency_responsible",
        "requested_datetime",
        "updated_datetime",
        "expected_datetime",
    }
    listed = client.get(f"{BASE}/requests.json?service_request_id={feedback.pk}").json()
    assert listed == [item]


def test_unknown_request_and_request_of_another_jurisdiction(
    client, make_feedback, make_municipality, make_organisation
):
    feedback = make_feedback()
    assert client.get(f"{BASE}/requests/{feedback.pk + 100}.json").status_code == 404
    other = make_municipality(slug="kemi")
    set_up_feedback(
        municipality=other, fallback_organisation=make_organisation(other), open311_id="kemi.fi"
    )
    elsewhere = client.get(f"{BASE}/requests/{feedback.pk}.json?jurisdiction_id=kemi.fi")
    assert elsewhere.status_code == 404


def test_answered_and_closed_states_are_closed_to_open311(client, make_feedback):
    received, answered, closed = make_feedback(), make_feedback(), make_feedback()
    for feedback, slug in ((answered, "answered"), (closed, "closed")):
        state = FeedbackState.objects.get(municipality=feedback.municipality, slug=slug)
        Feedback.objects.filter(pk=feedback.pk).update(state=state)
    for feedback in (received, answered, closed):
        publish(feedback)
    by_status = {
        status: {item["service_request_id"] for item in client.get(
            f"{BASE}/requests.json?status={status}"
        ).json()}
        for status in ("open", "closed", "open,closed")
    }  # fmt: skip
    assert by_status["open"] == {str(received.pk)}
    assert by_status["closed"] == {str(answered.pk), str(closed.pk)}
    assert len(by_status["open,closed"]) == 3


def test_filters_by_service_code_and_dates(client, make_feedback, jurisdiction):
    praise = FeedbackCategory.objects.get(municipality=jurisdiction.municipality, code="praise")
    old, recent, thanks = make_feedback(), make_feedback(), make_feedback(category=praise)
    Feedback.objects.filter(pk=old.pk).update(submitted_at=timezone.now() - timedelta(days=120))
    for feedback in (old, recent, thanks):
        publish(feedback)

    def ids(query: str) -> set[str]:
        response = client.get(f"{BASE}/requests.json?{query}")
        assert response.status_code == 200, response.json()
        return {item["service_request_id"] for item in response.json()}

    assert ids("") == {str(recent.pk), str(thanks.pk)}  # the last 90 days by default
    assert ids("service_code=praise") == {str(thanks.pk)}
    assert ids("service_code=praise,spaces") == {str(recent.pk), str(thanks.pk)}
    start = (timezone.now() - timedelta(days=150)).isoformat()
    end = (timezone.now() - timedelta(days=100)).isoformat()
    assert ids(f"start_date={start.replace('+', '%2B')}&end_date={end.replace('+', '%2B')}") == {
        str(old.pk)
    }
    # An unencoded "+" arrives as a space; the offset is still understood.
    assert ids(f"start_date={start}&end_date={end}") == {str(old.pk)}
    assert ids(f"start_date={start[:19]}Z") == {str(old.pk)}
    assert ids(f"service_request_id={old.pk},{recent.pk}") == {str(old.pk), str(recent.pk)}


@pytest.mark.parametrize(
    "query",
    [
        "start_date=yesterday",
        "start_date=2025-05-01T08:00:00",  # no time zone
        "start_date=2025-05-02T00:00:00Z&end_date=2025-05-01T00:00:00Z",
        "start_date=2025-01-01T00:00:00Z&end_date=2025-05-01T00:00:00Z",  # over 90 days
        "status=pending",
        "service_request_id=1,abc",
    ],
)
def test_malformed_filters_are_refused(client, jurisdiction, query):
    response = client.get(f"{BASE}/requests.json?{query}")
    assert response.status_code == 400
    assert response.json()[0]["code"] == 400


def test_media_url_only_for_published_photos(client, make_feedback):
    feedback = make_feedback(photos=[jpeg_bytes()])
    publish(feedback)
    [item] = client.get(f"{BASE}/requests/{feedback.pk}.json").json()
    assert item["media_url"] is None
    Feedback.objects.filter(pk=feedback.pk).update(photos_public=True)
    [item] = client.get(f"{BASE}/requests/{feedback.pk}.json").json()
    photo = FeedbackPhoto.objects.get(feedback=feedback)
    assert item["media_url"].startswith("http://testserver/")
    assert item["media_url"].endswith(f"/feedback/photos/{photo.pk}/")
    assert client.get(item["media_url"]).status_code == 200
