"""The staff lexicon pages: the words the assistant treats as one concept, and the words that
name another city service. Same access as the knowledge editor (`desk_in_url`): MANAGE staff of
a municipality's assistant desk, or network admins; a refusal shows the form again as typed."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.assistant import lexicon_selectors as selectors
from lampio.assistant.knowledge_index import current_lexicon
from lampio.assistant.models import Concept, ConceptKind
from lampio.assistant.services import lexicon as services
from lampio.assistant.staff_forms import LANGUAGE_NAMES
from lampio.assistant.staff_forms_lexicon import ConceptForm, ConceptSearchForm, QuestionTestForm
from lampio.assistant.staff_views import RATE, RATE_GROUP, desk_in_url
from lampio.core.forms import submitted
from lampio.core.ratelimit import rate_limit_posts
from lampio.tenancy.access import found, org_url_kwargs, staff_required

KIND_HEADINGS: dict[str, str] = {
    ConceptKind.CONCEPT: "concepts",
    ConceptKind.OUT_OF_SCOPE: "out-of-scope",
}


def _concept(key: str) -> Concept:
    concept: Concept = found(selectors.concept_by_key, key=key)
    return concept


@staff_required
def concepts(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    _user, org, place = desk_in_url(request, municipality, organisation)
    search = ConceptSearchForm(request.GET if "q" in request.GET else None)
    test = QuestionTestForm(request.GET if "question" in request.GET else None)
    hits = []
    if test.is_bound and test.is_valid():
        hits = [
            (LANGUAGE_NAMES[found_in.language], found_in)
            for found_in in selectors.question_hits(
                test.cleaned_data["question"], current_lexicon()
            )
        ]
    by_kind = selectors.concepts(q=search.query())
    context = {
        "organisation": org,
        "municipality": place,
        "search_form": search,
        "test_form": test,
        "hits": hits,
        "sections": [
            (KIND_HEADINGS[kind], ConceptKind(kind).label, by_kind[kind])
            for kind in ConceptKind.values
        ],
        "language_names": LANGUAGE_NAMES,
        "searching": bool(search.query()),
    }
    return render(request, "assistant/staff/lexicon_concepts.html", context)


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def concept_new(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    user, org, _place = desk_in_url(request, municipality, organisation)
    initial = {"kind": request.GET.get("kind", ConceptKind.CONCEPT)}
    form = ConceptForm(request.POST or None, initial=initial)
    saved: list[Concept] = []
    if request.method == "POST" and submitted(
        request,
        form,
        lambda: saved.append(
            services.save_concept(
                actor=user,
                organisation=org,
                concept=None,
                key=form.cleaned_data["key"],
                kind=form.cleaned_data["kind"],
                terms=form.terms(),
                note=form.cleaned_data["note"],
            )
        ),
        success=_("The words were saved. The assistant uses them from now on."),
    ):
        return redirect("assistant_lexicon:concepts", **org_url_kwargs(org))
    return render(request, "assistant/staff/lexicon_form.html", {"organisation": org, "form": form})


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def concept_edit(
    request: HttpRequest, municipality: str, organisation: str, concept_key: str
) -> HttpResponse:
    user, org, _place = desk_in_url(request, municipality, organisation)
    concept = _concept(concept_key)
    form = ConceptForm(request.POST or None, concept=concept)
    if request.method == "POST" and submitted(
        request,
        form,
        lambda: services.save_concept(
            actor=user,
            organisation=org,
            concept=concept,
            key=form.cleaned_data["key"],
            kind=form.cleaned_data["kind"],
            terms=form.terms(),
            note=form.cleaned_data["note"],
        ),
        success=_("The words were saved. The assistant uses them from now on."),
    ):
        return redirect("assistant_lexicon:concepts", **org_url_kwargs(org))
    if form.is_bound:
        concept.refresh_from_db()  # the heading and delete button name the saved concept
    context = {"organisation": org, "form": form, "concept": concept}
    return render(request, "assistant/staff/lexicon_form.html", context)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def concept_delete(
    request: HttpRequest, municipality: str, organisation: str, concept_key: str
) -> HttpResponse:
    user, org, _place = desk_in_url(request, municipality, organisation)
    concept = _concept(concept_key)
    services.delete_concept(actor=user, organisation=org, concept=concept)
    messages.success(request, _("“%(key)s” was removed.") % {"key": concept_key})
    return redirect("assistant_lexicon:concepts", **org_url_kwargs(org))
