"""Staff pages of the questionnaire engine: scoping (another organisation's questionnaire or round
is 404), what a participating organisation sees, and forms that keep their input."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from lampio.core.multilingual import Translated
from lampio.surveys.engine import rounds
from lampio.surveys.engine.rounds import RoundData
from lampio.surveys.models import Question, Round, Submission
from lampio.surveys.tests.engine_factories import draft_questionnaire, published_questionnaire
from lampio.tenancy.models import Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_mfa(settings):
    settings.LAMPIO_STAFF_MFA_REQUIRED = False
    settings.LAMPIO_INSIGHTS_THRESHOLD = 5


@pytest.fixture
def org_a(make_organisation):
    return make_organisation()


@pytest.fixture
def org_b(make_organisation):
    return make_organisation()


@pytest.fixture
def staff_a(make_member, org_a):
    return make_member(org_a, role=Role.STAFF)


@pytest.fixture
def staff_b(make_member, org_b):
    return make_member(org_b, role=Role.STAFF)


def round_of(actor, organiser, participants, version):
    today = timezone.localdate()
    return rounds.create_round(
        actor=actor,
        organiser=organiser,
        participants=participants,
        data=RoundData(
            version=version,
            title=Translated("Kysely"),
            opens_on=today,
            closes_on=today + timedelta(days=7),
        ),
    )


def test_another_organisations_questionnaire_and_round_are_not_found(
    client, staff_a, staff_b, org_b
):
    version = published_questionnaire(staff_b, org_b)
    round = round_of(staff_b, org_b, [org_b], version)
    client.force_login(staff_a)
    for url in (
        reverse(
            "surveys_engine:questionnaire", kwargs={"questionnaire_id": version.questionnaire_id}
        ),
        reverse("surveys_engine:version", kwargs={"version_id": version.pk}),
        reverse("surveys_engine:round", kwargs={"survey_round_id": round.pk}),
    ):
        assert client.get(url).status_code == 404, url
    listing = client.get(reverse("surveys_engine:questionnaires")).content.decode()
    assert "Digitaidot työssä" not in listing


def test_participant_sees_only_its_own_link_and_suppressed_counts(
    client, make_user, staff_a, org_a, org_b
):
    admin = make_user(is_network_admin=True)
    version = published_questionnaire(admin, None)
    round = round_of(admin, None, [org_a, org_b], version)
    today = timezone.localdate()
    for _ in range(2):
        Submission.objects.create(
            round=round, organisation=org_a, submitted_on=today, language="fi"
        )
    client.force_login(staff_a)
    with translation.override("en"):
        page = client.get(reverse("surveys_engine:round", kwargs={"survey_round_id": round.pk}))
    html = page.content.decode()
    assert page.status_code == 200
    own = round.participants.get(organisation=org_a)
    other = round.participants.get(organisation=org_b)
    assert own.token in html and other.token not in html
    assert "fewer than 5" in html
    assert "<svg" in html
    # No actions for a participant: the organiser (the network) runs the round.
    assert "Close the round now" not in html
    response = client.post(
        reverse("surveys_engine:round_close", kwargs={"survey_round_id": round.pk})
    )
    assert response.status_code == 403


def test_organiser_sees_every_link_and_can_extend(client, staff_a, org_a, make_member):
    version = published_questionnaire(make_member(org_a, role=Role.ADMIN), org_a)
    round = round_of(staff_a, org_a, [org_a], version)
    client.force_login(staff_a)
    page = client.get(reverse("surveys_engine:round", kwargs={"survey_round_id": round.pk}))
    assert round.participants.get().token in page.content.decode()
    new_day = round.closes_on + timedelta(days=5)
    response = client.post(
        reverse("surveys_engine:round_dates", kwargs={"survey_round_id": round.pk}),
        {
            "opens_on": round.opens_on.isoformat(),
            "closes_on": new_day.isoformat(),
            "reminder_days_before": "2",
        },
    )
    assert response.status_code == 302
    round.refresh_from_db()
    assert round.closes_on == new_day and round.reminder_days_before == 2
    # Dates out of order come back with the input kept and the reason next to the field.
    with translation.override("en"):
        response = client.post(
            reverse("surveys_engine:round_dates", kwargs={"survey_round_id": round.pk}),
            {"opens_on": "2030-05-10", "closes_on": "2030-05-01", "reminder_days_before": "2"},
        )
    html = response.content.decode()
    assert response.status_code == 200
    assert "must close on or after" in html and 'value="2030-05-10"' in html


def test_new_round_form_creates_links_and_keeps_input_on_error(client, staff_a, org_a, make_user):
    version = published_questionnaire(make_user(is_network_admin=True), None)
    client.force_login(staff_a)
    url = reverse("surveys_engine:round_new")
    assert client.get(url).status_code == 200
    today = timezone.localdate()
    post = {
        "version": str(version.pk),
        "organiser": str(org_a.pk),
        "title_fi": "Kevään digikysely",
        "opens_on": today.isoformat(),
        "closes_on": (today + timedelta(days=10)).isoformat(),
        "reminder_days_before": "3",
    }
    with translation.override("en"):  # the page's language comes from its address
        response = client.post(reverse("surveys_engine:round_new"), post)
    assert response.status_code == 200
    assert "Choose at least one organisation." in response.content.decode()
    assert 'value="Kevään digikysely"' in response.content.decode()
    response = client.post(url, {**post, "organisations": [str(org_a.pk)]})
    created = Round.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "surveys_engine:round", kwargs={"survey_round_id": created.pk}
    )
    assert created.organiser == org_a and created.participants.count() == 1


def test_question_form_adds_options_and_reports_bad_lines(client, staff_a, org_a):
    version = draft_questionnaire(staff_a, org_a)
    client.force_login(staff_a)
    url = reverse("surveys_engine:question_new", kwargs={"version_id": version.pk})
    post = {
        "kind": "multiple",
        "theme": "skills",
        "text_fi": "Mitä osaat?",
        "scale_min": "1",
        "scale_max": "5",
        "choices": "video | Videoneuvottelu | Videomöte | Video meetings\nbroken line",
    }
    with translation.override("en"):  # the page's language comes from its address
        response = client.post(
            reverse("surveys_engine:question_new", kwargs={"version_id": version.pk}), post
        )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Line 2: write the value and the Finnish label" in html
    assert "Videoneuvottelu" in html
    post["choices"] = "video | Videoneuvottelu | Videomöte | Video meetings\ncloud | Pilvipalvelut"
    assert client.post(url, post).status_code == 302
    question = Question.objects.get(version=version, key="mita-osaat")
    assert list(question.choices.values_list("value", "label_sv")) == [
        ("video", "Videomöte"),
        ("cloud", ""),
    ]


def test_published_version_offers_no_edit_and_refuses_changes(client, staff_a, org_a):
    version = published_questionnaire(staff_a, org_a)
    client.force_login(staff_a)
    with translation.override("en"):
        html = client.get(
            reverse("surveys_engine:version", kwargs={"version_id": version.pk})
        ).content.decode()
    assert "Start a new version" in html and "Add a question" not in html
    question = version.questions.first()
    url = reverse("surveys_engine:question_edit", kwargs={"question_id": question.pk})
    assert client.get(url).status_code == 403


def test_network_questionnaire_is_read_only_to_organisation_staff(client, staff_a, make_user):
    version = draft_questionnaire(make_user(is_network_admin=True), None)
    client.force_login(staff_a)
    page = client.get(reverse("surveys_engine:version", kwargs={"version_id": version.pk}))
    assert page.status_code == 200
    response = client.post(reverse("surveys_engine:publish", kwargs={"version_id": version.pk}))
    assert response.status_code == 403
