"""Issue #14's survey journey through the web, as the people involved go through it: the network
runs a round of the capability survey in two cities, each city's staff find their own link on
the round page, colleagues answer it anonymously, and once the round has closed both cities'
staff see the comparison, with a group of fewer than five hidden (and, as rule 2 requires, the
others of its city, whose total still shows)."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD
from lampio.core.multilingual import Translated
from lampio.surveys.engine.rounds import RoundData, close_now, create_round
from lampio.surveys.engine.seed import ensure_capability_questionnaire
from lampio.surveys.models import Round, RoundParticipant, Submission
from lampio.surveys.tests.round_answer_helpers import as_post, complete_answers
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db

# Answers per organisation: Jyväskylä's theatre is too small a group to show.
ANSWERS = {
    "oulu-library": 7,
    "oulu-museum": 6,
    "jkl-culture": 8,
    "jkl-library": 6,
    "jkl-theatre": 3,
}


@pytest.fixture
def world(make_municipality: Any, make_organisation: Any, make_member: Any, make_user: Any):
    oulu, jyvaskyla = make_municipality(slug="oulu"), make_municipality(slug="jyvaskyla")
    orgs = {
        "oulu-library": make_organisation(municipality=oulu, slug="kirjasto"),
        "oulu-museum": make_organisation(municipality=oulu, slug="museo"),
        "jkl-culture": make_organisation(municipality=jyvaskyla, slug="kulttuuri"),
        "jkl-library": make_organisation(municipality=jyvaskyla, slug="kirjasto"),
        "jkl-theatre": make_organisation(municipality=jyvaskyla, slug="teatteri"),
    }
    staff = {
        "oulu": make_member(orgs["oulu-library"], role=Role.ADMIN),
        "jyvaskyla": make_member(orgs["jkl-culture"], role=Role.ADMIN),
    }
    admin = make_user(is_network_admin=True)
    return orgs, staff, admin


def _client_of(user: Any) -> Client:
    client = Client()
    assert client.login(email=user.email, password=PASSWORD)
    return client


def _link_on_round_page(client: Client, round_: Round, participant: RoundParticipant) -> str:
    page = client.get(reverse("surveys_engine:round", kwargs={"survey_round_id": round_.pk}))
    assert page.status_code == 200
    link = reverse("surveys:round_answer", kwargs={"round_token": participant.token})
    assert link in page.content.decode()
    return link


def test_two_cities_run_a_round_answer_anonymously_and_compare(world: Any, settings: Any) -> None:
    settings.LAMPIO_INSIGHTS_THRESHOLD = 5
    settings.LAMPIO_STAFF_MFA_REQUIRED = False  # the second factor has tests of its own
    orgs, staff, admin = world
    today = timezone.localdate()
    version = ensure_capability_questionnaire().versions.get(number=1)
    round_ = create_round(
        actor=admin,
        organiser=None,
        data=RoundData(
            version=version,
            title=Translated("Syyskysely", "Höstenkät", "Autumn survey"),
            opens_on=today - timedelta(days=7),
            closes_on=today + timedelta(days=7),
        ),
        participants=list(orgs.values()),
    )
    participants = {p.organisation_id: p for p in round_.participants.all()}

    # Each city's staff see their own organisation's link on the round page, and not the other's.
    oulu_client, jkl_client = _client_of(staff["oulu"]), _client_of(staff["jyvaskyla"])
    oulu_link = _link_on_round_page(oulu_client, round_, participants[orgs["oulu-library"].pk])
    round_page = oulu_client.get(
        reverse("surveys_engine:round", kwargs={"survey_round_id": round_.pk})
    ).content.decode()
    assert participants[orgs["jkl-culture"].pk].token not in round_page
    jkl_link = _link_on_round_page(jkl_client, round_, participants[orgs["jkl-culture"].pk])
    assert oulu_link != jkl_link

    # Colleagues answer anonymously, each on their own device: no login, nothing about them kept.
    devices = iter(range(1, 255))
    for key, count in ANSWERS.items():
        link = reverse(
            "surveys:round_answer", kwargs={"round_token": participants[orgs[key].pk].token}
        )
        for _ in range(count):
            device = Client(REMOTE_ADDR=f"10.0.0.{next(devices)}")
            response = device.post(link, as_post(complete_answers()))
            assert response.status_code == 302, response.content.decode()[:500]
    assert Submission.objects.filter(round=round_).count() == sum(ANSWERS.values())
    submission_fields = {field.name for field in Submission._meta.get_fields()}
    assert submission_fields == {
        "id",
        "round",
        "organisation",
        "submitted_on",
        "language",
        "answers",
    }

    # Results wait for the close; then both cities compare.
    results_url = reverse("insights_staff:survey_results", kwargs={"survey_round_id": round_.pk})
    assert oulu_client.get(results_url, {"format": "json"}).status_code == 404
    close_now(actor=admin, round=round_, today=today)
    for city, client in (("oulu", oulu_client), ("jyvaskyla", jkl_client)):
        data = json.loads(client.get(results_url, {"format": "json"}).content)
        overall = next(q for q in data["questions"] if q["key"] == "skills-overall")
        groups = {(g["level"], g["name"]): g for g in overall["groups"]}
        levels = {level for level, _name in groups}
        # Their own organisation, each city as a whole and the network; no other organisation.
        assert levels == {"organisation", "municipality", "network"}
        assert [name for level, name in groups if level == "organisation"] == [
            staff[city].memberships.get().organisation.name
        ]
        network = groups[next(k for k in groups if k[0] == "network")]
        assert network["respondents"] == sum(ANSWERS.values())
        cities = {name: g for (level, name), g in groups.items() if level == "municipality"}
        assert cities["Oulu"]["respondents"] == 13
        # Jyväskylä's theatre (3) is hidden, and so are the city's two other organisations:
        # with one shown, the other's staff could take it and their own figure from the city's
        # total and be left with the theatre. The city's total and the network still show.
        assert cities["Jyvaskyla"]["respondents"] == 17
    own = json.loads(jkl_client.get(results_url, {"format": "json"}).content)
    overall = next(q for q in own["questions"] if q["key"] == "skills-overall")
    mine = next(g for g in overall["groups"] if g["level"] == "organisation")
    assert mine["suppressed"] and mine["respondents"] is None and mine["rows"] == []
    # A network admin sees every organisation: the small theatre is hidden from them too.
    every = json.loads(_client_of(admin).get(results_url, {"format": "json"}).content)
    overall = next(q for q in every["questions"] if q["key"] == "skills-overall")
    by_name = {g["name"]: g for g in overall["groups"] if g["level"] == "organisation"}
    assert by_name[orgs["jkl-theatre"].name]["suppressed"]
    assert by_name[orgs["oulu-library"].name]["respondents"] == 7
