"""Staff pages of questionnaire-round results under /<lang>/staff/insights/surveys/.

The list shows the rounds the person may see; a round's page shows its results once it has
closed, for the groups the person may see, filtered by group, theme and an earlier round to
compare with (a GET form), with CSV and JSON of exactly what is shown.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from lampio.accounts.auth import acting_user
from lampio.core.errors import NotFound
from lampio.insights import survey_exports
from lampio.insights.survey_compare import changes
from lampio.insights.survey_display import (
    group_label,
    question_blocks,
    respondents_block,
    shown_groups,
    training_blocks,
)
from lampio.insights.survey_forms import ResultsFilterForm
from lampio.insights.survey_results import (
    GroupLevel,
    RoundResults,
    earlier_rounds,
    free_texts,
    is_closed,
    result_round,
    result_rounds,
    round_results,
    visible_groups,
)
from lampio.surveys.models import QuestionKind
from lampio.tenancy.access import found, staff_required
from lampio.tenancy.permissions import Actor, is_network_admin

DOWNLOADS = ("csv", "json")


@staff_required
def survey_rounds(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    today = timezone.localdate()
    rounds = [(r, is_closed(r, today)) for r in result_rounds(actor=user)]
    return render(request, "insights/staff/surveys/rounds.html", {"rounds": rounds})


def _texts(actor: Actor, results: RoundResults, shown: list[Any], slug: str) -> None:
    """Free texts beside their question: a person's own organisations; a network admin's
    only for the one organisation chosen in the filter."""
    admin = is_network_admin(actor)
    for item in shown:
        if item.results.question.kind != QuestionKind.TEXT:
            continue
        for group in results.groups:
            if group.level != GroupLevel.ORGANISATION:
                continue
            if not (group.own or (admin and slug == group.slug)):
                continue
            if slug and group.slug != slug:
                continue
            texts = free_texts(actor=actor, results=results, question=item.results, group=group)
            if texts:
                item.texts.append((group_label(group), texts))


@staff_required
def survey_results(request: HttpRequest, survey_round_id: int) -> HttpResponse:
    user = acting_user(request)
    round_ = found(result_round, actor=user, round_id=survey_round_id)
    earlier = earlier_rounds(actor=user, round_=round_)
    groups = visible_groups(actor=user, round_=round_)
    form = ResultsFilterForm(request.GET, groups=groups, earlier=earlier)
    theme, slug = form.chosen("theme"), form.chosen("group")
    try:
        results = round_results(actor=user, round_id=round_.pk, theme=theme)
        compare = form.compare_round()
        before = round_results(actor=user, round_id=compare.pk, theme=theme) if compare else None
    except NotFound as error:
        raise Http404 from error
    shown = shown_groups(results, slug)
    moved = changes(results, before)
    comparing = before is not None
    kind = request.GET.get("format", "")
    if kind in DOWNLOADS:
        if not results.closed:
            raise Http404
        return _download(results, shown, moved, kind, compare.title if compare else "")
    questions = question_blocks(results, shown, moved, comparing)
    _texts(user, results, questions, slug)
    return render(
        request,
        "insights/staff/surveys/results.html",
        {
            "results": results,
            "round": round_,
            "form": form,
            "compare": compare,
            "respondents": respondents_block(results, shown) if results.closed else None,
            "questions": questions,
            "training": training_blocks(results, shown),
            "any_suppressed": any(q.results.any_suppressed for q in questions)
            or any(f.suppressed for f in results.respondents.values()),
            "downloads": _download_links(request) if results.closed else [],
        },
    )


def _download(
    results: RoundResults, groups: list[Any], moved: Any, kind: str, compare_title: str
) -> HttpResponse:
    if kind == "csv":
        body: bytes | str = survey_exports.results_csv(results, groups, moved)
        response = HttpResponse(body, content_type=survey_exports.CSV_CONTENT_TYPE)
    else:
        data = survey_exports.results_json(results, groups, moved, compare_title)
        body = json.dumps(data, ensure_ascii=False, indent=1)
        response = HttpResponse(body, content_type=survey_exports.JSON_CONTENT_TYPE)
    name = survey_exports.filename(results, kind)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _download_links(request: HttpRequest) -> list[tuple[str, str]]:
    """The page's own query with `format` set: the download is exactly what is shown."""
    links = []
    for kind, label in (("csv", _("Download CSV")), ("json", _("Download JSON"))):
        params = request.GET.copy()
        params["format"] = kind
        links.append((f"?{params.urlencode()}", label))
    return links
