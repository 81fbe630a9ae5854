"""A small questionnaire of every kind and answers made in bulk, for the survey-results tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from lampio.accounts.models import User
from lampio.surveys.models import (
    Answer,
    Choice,
    MatrixRow,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    Round,
    RoundParticipant,
    Submission,
)
from lampio.tenancy.models import Municipality, Organisation, Role

_tokens = iter(range(10**6))


def questionnaire(key: str = "test-capability") -> QuestionnaireVersion:
    q = Questionnaire.objects.create(key=key, title_fi="Testikysely")
    version = QuestionnaireVersion.objects.create(
        questionnaire=q, number=1, published_at=timezone.now()
    )

    def ask(position: int, key: str, kind: str, theme: str, **fields: Any) -> Question:
        return Question.objects.create(
            version=version,
            position=position,
            key=key,
            kind=kind,
            theme=theme,
            text_fi=f"Kysymys {key}",
            text_en=f"Question {key}",
            **fields,
        )

    role = ask(1, "role", "single", "background")
    needs = ask(2, "needs", "multiple", "training")
    ask(3, "confident", "likert", "skills")
    ask(4, "overall", "scale", "skills", scale_min=1, scale_max=10)
    skills = ask(5, "skills", "matrix", "skills")
    ask(6, "comments", "text", "other")
    for question, values in ((role, "abc"), (needs, "wxyz"), (skills, "12345")):
        Choice.objects.bulk_create(
            Choice(question=question, position=i, value=v, label_fi=f"Vaihtoehto {v}")
            for i, v in enumerate(values)
        )
    MatrixRow.objects.bulk_create(
        MatrixRow(question=skills, position=i, key=k, label_fi=f"Väite {k}")
        for i, k in enumerate(("email", "video"))
    )
    return version


def make_round(
    version: QuestionnaireVersion,
    organisations: list[Organisation],
    *,
    title: str = "Kierros",
    closes_on: date | None = None,
    days: int = 30,
) -> Round:
    closes_on = closes_on or timezone.localdate() - timedelta(days=1)
    round_ = Round.objects.create(
        version=version,
        title_fi=title,
        opens_on=closes_on - timedelta(days=days),
        closes_on=closes_on,
    )
    RoundParticipant.objects.bulk_create(
        RoundParticipant(round=round_, organisation=o, token=f"t{next(_tokens)}-{round_.pk}")
        for o in organisations
    )
    return round_


def answer(round_: Round, organisation: Organisation, count: int, **values: Any) -> None:
    """`count` submissions from `organisation`, each answering as `values` says: a question
    key to a value, a list of values (multiple choice), a dict of row → value (matrix) or,
    for `comments`, a text."""
    if not count:
        return
    questions = {q.key: q for q in Question.objects.filter(version_id=round_.version_id)}
    submissions = Submission.objects.bulk_create(
        Submission(
            round=round_, organisation=organisation, submitted_on=round_.opens_on, language="fi"
        )
        for _ in range(count)
    )
    answers = []
    for submission in submissions:
        for key, value in values.items():
            question = questions[key]
            if key == "comments":
                answers.append(Answer(submission=submission, question=question, text=value))
            elif isinstance(value, dict):
                answers += [
                    Answer(submission=submission, question=question, row_key=row, value=v)
                    for row, v in value.items()
                ]
            elif isinstance(value, list):
                answers += [
                    Answer(submission=submission, question=question, value=v) for v in value
                ]
            else:
                answers.append(Answer(submission=submission, question=question, value=str(value)))
    Answer.objects.bulk_create(answers)


@dataclass
class World:
    version: QuestionnaireVersion
    oulu: Municipality
    lahti: Municipality
    library: Organisation
    museum: Organisation
    hall: Organisation
    theatre: Organisation
    spring: Round
    autumn: Round
    librarian: User
    hall_staff: User
    admin: User


def build_world(
    make_municipality: Any, make_organisation: Any, make_member: Any, make_user: Any
) -> World:
    """Oulu (library, museum) and Lahti (hall, theatre) in a spring and an autumn round. The
    museum is small in both (2, then 3), so Oulu and the network are hidden where it answered.
    """
    oulu, lahti = make_municipality(slug="oulu"), make_municipality(slug="lahti")
    library = make_organisation(municipality=oulu, slug="library")
    museum = make_organisation(municipality=oulu, slug="museum")
    hall = make_organisation(municipality=lahti, slug="hall")
    theatre = make_organisation(municipality=lahti, slug="theatre")
    version = questionnaire()
    today = timezone.localdate()
    orgs = [library, museum, hall, theatre]
    spring = make_round(version, orgs, title="Kevät", closes_on=today - timedelta(days=200))
    autumn = make_round(version, orgs, title="Syksy", closes_on=today - timedelta(days=2))
    low = {"role": "a", "needs": ["w", "x"], "confident": 2, "overall": 4}
    high = {"role": "b", "needs": ["x"], "confident": 4, "overall": 8}
    answer(spring, library, 10, **low, skills={"email": "3", "video": "1"})
    answer(spring, museum, 2, **low)
    answer(spring, hall, 8, **low)
    answer(spring, theatre, 6, **low)
    answer(autumn, library, 6, **high, skills={"email": "5", "video": "3"}, comments="Hyvä")
    answer(autumn, library, 4, **low, skills={"email": "3"})
    answer(autumn, museum, 3, **high, comments="Pieni ryhmä")
    answer(autumn, hall, 9, **{**high, "needs": ["y", "z"]}, comments="Lahden teksti")
    answer(autumn, theatre, 7, **high)
    admin = make_user(is_network_admin=True)
    return World(
        version,
        oulu,
        lahti,
        library,
        museum,
        hall,
        theatre,
        spring,
        autumn,
        make_member(library, role=Role.VIEWER),
        make_member(hall, role=Role.STAFF),
        admin,
    )
