"""Staff pages of the questionnaire builder: questionnaires, versions and questions.

Reads go through the engine's selectors (another organisation's questionnaire is 404); every
change through the building services, whose refusals land on the form with the input kept.
Changing a network questionnaire, or one of an organisation where one may not MANAGE, is 403.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError
from lampio.core.forms import add_domain_error
from lampio.core.multilingual import translated_from, translated_initial
from lampio.core.ratelimit import rate_limit_posts
from lampio.surveys.engine import building, selectors
from lampio.surveys.engine.errors import NotPublishable
from lampio.surveys.engine.staff_forms import (
    NETWORK,
    MoveForm,
    QuestionForm,
    QuestionnaireForm,
    options_text,
)
from lampio.surveys.models import Question, Questionnaire, QuestionnaireVersion
from lampio.tenancy.access import found, staff_required
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import is_network_admin

RATE = "60/m"
RATE_GROUP = "staff-survey-builder"


def _require_change(request: HttpRequest, questionnaire: Questionnaire) -> None:
    if not building.may_change(acting_user(request), questionnaire):
        raise DjangoPermissionDenied


def _require_draft_change(request: HttpRequest, version: QuestionnaireVersion) -> None:
    _require_change(request, version.questionnaire)
    if version.is_published:
        raise DjangoPermissionDenied


# --- Questionnaires -----------------------------------------------------------------------------


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def questionnaires(request: HttpRequest) -> HttpResponse:
    """The list, with the form to create one for those who may."""
    user = acting_user(request)
    owners = selectors.owner_choices(actor=user)
    network = is_network_admin(user)
    may_create = network or bool(owners)
    form = QuestionnaireForm(request.POST or None, owners=owners, network=network)
    if request.method == "POST":
        if not may_create:
            raise DjangoPermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            owner_id = data["owner"]
            owner = None if owner_id == NETWORK else Organisation.objects.get(pk=int(owner_id))
            try:
                created = building.create_questionnaire(
                    actor=user,
                    owner=owner,
                    key=data["key"] or "",
                    title=translated_from(data, "title"),
                    description=translated_from(data, "description"),
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("The questionnaire was created."))
                return redirect("surveys_engine:questionnaire", questionnaire_id=created.pk)
    return render(
        request,
        "surveys/engine/questionnaires.html",
        {
            "section": "questionnaires",
            "questionnaires": list(selectors.questionnaires_for(actor=user)),
            "form": form if may_create else None,
        },
    )


@staff_required
def questionnaire(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    user = acting_user(request)
    found_questionnaire = found(
        selectors.questionnaire_for, actor=user, questionnaire_id=questionnaire_id
    )
    versions = list(selectors.versions_of(found_questionnaire))
    return render(
        request,
        "surveys/engine/questionnaire.html",
        {
            "section": "questionnaires",
            "questionnaire": found_questionnaire,
            "versions": versions,
            "may_change": building.may_change(user, found_questionnaire),
            "has_draft": any(not version.is_published for version in versions),
        },
    )


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def new_version(request: HttpRequest, questionnaire_id: int) -> HttpResponse:
    user = acting_user(request)
    target = found(selectors.questionnaire_for, actor=user, questionnaire_id=questionnaire_id)
    _require_change(request, target)
    try:
        draft = building.start_new_version(actor=user, questionnaire=target)
    except DomainError as error:
        messages.error(request, str(error.message))
        return redirect("surveys_engine:questionnaire", questionnaire_id=target.pk)
    messages.success(request, _("A new draft version was started as a copy of the latest one."))
    return redirect("surveys_engine:version", version_id=draft.pk)


# --- Versions -----------------------------------------------------------------------------------


def _version_page(
    request: HttpRequest, version: QuestionnaireVersion, problems: list[str] | None = None
) -> HttpResponse:
    user = acting_user(request)
    may_change = building.may_change(user, version.questionnaire)
    has_draft = version.questionnaire.versions.filter(published_at__isnull=True).exists()
    return render(
        request,
        "surveys/engine/version.html",
        {
            "section": "questionnaires",
            "version": version,
            "questionnaire": version.questionnaire,
            "questions": selectors.questions_of(version),
            "editable": may_change and not version.is_published,
            "may_start_version": may_change and version.is_published and not has_draft,
            "problems": problems or [],
        },
    )


@staff_required
def version(request: HttpRequest, version_id: int) -> HttpResponse:
    found_version = found(selectors.version_for, actor=acting_user(request), version_id=version_id)
    return _version_page(request, found_version)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def publish(request: HttpRequest, version_id: int) -> HttpResponse:
    user = acting_user(request)
    found_version = found(selectors.version_for, actor=user, version_id=version_id)
    _require_draft_change(request, found_version)
    try:
        building.publish_version(actor=user, version=found_version, now=timezone.now())
    except NotPublishable as error:
        return _version_page(request, found_version, problems=error.problems)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The version was published. Rounds can now use it."))
    return redirect("surveys_engine:version", version_id=found_version.pk)


# --- Questions ----------------------------------------------------------------------------------


def _question_initial(question: Question) -> dict[str, Any]:
    return {
        "key": question.key,
        "kind": question.kind,
        "theme": question.theme,
        "required": question.required,
        "scale_min": question.scale_min,
        "scale_max": question.scale_max,
        "choices": options_text(question.choices.all()),
        "rows": options_text(question.rows.all()),
        "show_if_question": question.show_if_question_id,
        "show_if_values": ", ".join(question.show_if_values or []),
        **translated_initial(question, "text", "help_text", "min_label", "max_label"),
    }


def _question_form_page(
    request: HttpRequest,
    version: QuestionnaireVersion,
    question: Question | None,
) -> HttpResponse:
    user = acting_user(request)
    targets = selectors.condition_targets(question, version)
    if question is not None:
        targets = [target for target in targets if target.pk != question.pk]
    initial = _question_initial(question) if question is not None else None
    form = QuestionForm(request.POST or None, initial=initial, targets=targets)
    if request.method == "POST" and form.is_valid():
        try:
            saved = building.save_question(
                actor=user, version=version, data=form.data_for_service(), question=question
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                _("The question was saved.") if question else _("The question was added."),
            )
            return redirect(f"{_version_url(version)}#question-{saved.pk}")
    return render(
        request,
        "surveys/engine/question_form.html",
        {
            "section": "questionnaires",
            "version": version,
            "questionnaire": version.questionnaire,
            "question": question,
            "form": form,
        },
    )


def _version_url(version: QuestionnaireVersion) -> str:
    return reverse("surveys_engine:version", kwargs={"version_id": version.pk})


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def question_new(request: HttpRequest, version_id: int) -> HttpResponse:
    found_version = found(selectors.version_for, actor=acting_user(request), version_id=version_id)
    _require_draft_change(request, found_version)
    return _question_form_page(request, found_version, None)


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def question_edit(request: HttpRequest, question_id: int) -> HttpResponse:
    question = found(selectors.question_for, actor=acting_user(request), question_id=question_id)
    _require_draft_change(request, question.version)
    return _question_form_page(request, question.version, question)


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def question_delete(request: HttpRequest, question_id: int) -> HttpResponse:
    """A confirmation page; the POST deletes."""
    user = acting_user(request)
    question = found(selectors.question_for, actor=user, question_id=question_id)
    _require_draft_change(request, question.version)
    error_message = ""
    if request.method == "POST":
        try:
            building.delete_question(actor=user, question=question)
        except DomainError as error:
            error_message = str(error.message)
        else:
            messages.success(request, _("The question was deleted."))
            return redirect("surveys_engine:version", version_id=question.version_id)
    return render(
        request,
        "surveys/engine/question_delete.html",
        {
            "section": "questionnaires",
            "question": question,
            "version": question.version,
            "questionnaire": question.version.questionnaire,
            "error_message": error_message,
        },
    )


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def question_move(request: HttpRequest, question_id: int) -> HttpResponse:
    user = acting_user(request)
    question = found(selectors.question_for, actor=user, question_id=question_id)
    _require_draft_change(request, question.version)
    form = MoveForm(request.POST)
    if form.is_valid():
        try:
            building.move_question(
                actor=user, question=question, direction=form.cleaned_data["direction"]
            )
        except DomainError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("The question was moved."))
    return redirect(f"{_version_url(question.version)}#question-{question.pk}")
