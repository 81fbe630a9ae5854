"""The anonymous answer page of a survey round, opened with an organisation's link.

No account is needed and nothing links an answer to a person: the page writes nothing to the
session and a submission keeps only the organisation, the day and the language. An unknown
link is not found (404); a round that has not opened or has closed says so with its dates.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language

from lampio.core.errors import DomainError
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.surveys.engine import answer_selectors
from lampio.surveys.engine.answer_forms import RoundAnswerForm
from lampio.surveys.engine.answering import (
    InvalidAnswers,
    RoundClosed,
    RoundNotOpenYet,
    submit_answers,
)
from lampio.surveys.models import RoundParticipant
from lampio.tenancy.access import found


def _private(response: HttpResponse) -> HttpResponse:
    # The link is the key to answering for a whole organisation: keep it out of shared caches.
    response["Cache-Control"] = "private, no-store"
    return response


def _context(participant: RoundParticipant) -> dict[str, object]:
    survey_round = participant.round
    return {
        "participant": participant,
        "survey_round": survey_round,
        "version": survey_round.version,
        "questionnaire": survey_round.version.questionnaire,
        "organisation": participant.organisation,
        # The smallest group shown; insights may raise it, never lower it.
        "threshold": settings.LAMPIO_INSIGHTS_THRESHOLD,
    }


def _unavailable(request: HttpRequest, participant: RoundParticipant, reason: str) -> HttpResponse:
    context = {**_context(participant), "reason": reason}
    status = 410 if reason == "closed" else 200
    return _private(render(request, "surveys/round/unavailable.html", context, status=status))


# Many colleagues may answer at once from one office address after a meeting, so the limit
# allows a room full of people; it stops floods, not people.
@rate_limit_posts(group="survey-round-answer", rate="20/m")
def round_answer(request: HttpRequest, round_token: str) -> HttpResponse:
    participant = found(answer_selectors.participant_by_token, token=round_token)
    survey_round = participant.round
    today = timezone.localdate()
    if today < survey_round.opens_on:
        return _unavailable(request, participant, "not_open")
    if today > survey_round.closes_on:
        return _unavailable(request, participant, "closed")
    questions = answer_selectors.questions_of(version=survey_round.version)
    if request.method == "POST":
        form = RoundAnswerForm(request.POST, questions=questions)
        if form.is_valid():
            try:
                submit_answers(
                    participant=participant,
                    answers=form.answers(),
                    language=(get_language() or settings.LANGUAGE_CODE)[:2],
                    today=today,
                )
            except InvalidAnswers as error:
                form.add_problems(error.problems)
            except RoundNotOpenYet:
                return _unavailable(request, participant, "not_open")
            except RoundClosed:
                return _unavailable(request, participant, "closed")
            except DomainError as error:
                add_domain_error(form, error)
            else:
                return redirect("surveys:round_thanks", round_token=round_token)
    else:
        form = RoundAnswerForm(questions=questions)
    context = {**_context(participant), "form": form, "sections": form.sections()}
    return _private(render(request, "surveys/round/answer.html", context))


def round_thanks(request: HttpRequest, round_token: str) -> HttpResponse:
    participant = found(answer_selectors.participant_by_token, token=round_token)
    return _private(render(request, "surveys/round/thanks.html", _context(participant)))
