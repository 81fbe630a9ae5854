"""Permission-matrix entries of the questionnaire builder and survey rounds (helper B's staff
pages under /staff/surveys/; test_permission_matrix).

`objects(organisation)` gives B a questionnaire with a published version (`questionnaire_id`:
"Start a new version" makes a draft), another questionnaire's draft (`version_id`) with a
question (`question_id`), and an open round organised by B (`survey_round_id`) with B taking part
(`participant_id`). Lists and the new-round form are for all staff; everything of B's is B's
only (other staff: 404). B's staff go through the forms in order: forms sent empty come back
with the reason (200); the draft is published last, after its question pages.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone

from lampio.accounts.models import User
from lampio.core.multilingual import Translated
from lampio.surveys.engine import rounds
from lampio.surveys.engine.rounds import RoundData
from lampio.surveys.tests.engine_factories import draft_questionnaire, published_questionnaire
from tests.matrix_cases import ANON, OTHER_STAFF, OWN_STAFF, RESIDENT, STAFF_OF_B_ONLY, Case

ALL_STAFF = {ANON: 302, RESIDENT: 403, OTHER_STAFF: 200, OWN_STAFF: 200}
B_POST = {ANON: 302, RESIDENT: 403, OTHER_STAFF: 404, OWN_STAFF: 302}
B_FORM_BACK = {**B_POST, OWN_STAFF: 200}

PAGES: dict[str, Case] = {
    "surveys_engine:questionnaires": Case(ALL_STAFF),
    "surveys_engine:questionnaire": Case(STAFF_OF_B_ONLY),
    "surveys_engine:new_version": Case(B_POST, "post"),
    "surveys_engine:version": Case(STAFF_OF_B_ONLY),
    "surveys_engine:question_new": Case(STAFF_OF_B_ONLY),
    "surveys_engine:question_edit": Case(STAFF_OF_B_ONLY),
    "surveys_engine:question_move": Case(B_POST, "post", {"direction": "up"}),
    "surveys_engine:question_delete": Case(STAFF_OF_B_ONLY),
    "surveys_engine:publish": Case(B_POST, "post"),
    "surveys_engine:rounds": Case(ALL_STAFF),
    "surveys_engine:round_new": Case(ALL_STAFF),
    "surveys_engine:round": Case(STAFF_OF_B_ONLY),
    "surveys_engine:round_dates": Case(B_FORM_BACK, "post"),
    "surveys_engine:participant_add": Case(B_FORM_BACK, "post"),
    "surveys_engine:round_remind": Case(B_POST, "post"),
    "surveys_engine:participant_new_link": Case(B_POST, "post"),
    "surveys_engine:participant_remove": Case(B_POST, "post"),
    "surveys_engine:round_close": Case(B_POST, "post"),
}
API: dict[tuple[str, str], Case] = {}


def objects(organisation: Any) -> dict[str, Any]:
    """B's questionnaires, draft, question, round and participant, as URL keyword arguments."""
    builder = User.objects.create_user(
        email=f"survey-builder-{organisation.slug}@example.fi", is_network_admin=True
    )
    published = published_questionnaire(builder, organisation, key=f"{organisation.slug}-valmis")
    draft = draft_questionnaire(builder, organisation, key=f"{organisation.slug}-luonnos")
    today = timezone.localdate()
    round = rounds.create_round(
        actor=builder,
        organiser=organisation,
        participants=[organisation],
        data=RoundData(
            version=published,
            title=Translated("Matriisin kysely"),
            opens_on=today - timedelta(days=1),
            closes_on=today + timedelta(days=7),
        ),
    )
    return {
        "questionnaire_id": published.questionnaire_id,
        "version_id": draft.pk,
        "question_id": draft.questions.get(key="why-not").pk,
        "survey_round_id": round.pk,
        "participant_id": round.participants.get().pk,
    }
