"""The "bot whisperers'" pages: the knowledge list, one entry with its paraphrases, the
municipality's own answer, a preview of how the assistant ranks a question, and the review queue.

Only MANAGE staff of the municipality's assistant desk (its feedback desk) reach these pages: an
organisation the person has no role in is not found, a role without MANAGE is forbidden, and an
organisation that is no desk has no assistant pages (404). Each POST redirects back with a note;
a refusal shows the page again with the form as typed and the reason beside the field.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.assistant import staff_selectors as selectors
from lampio.assistant.desk import desk_municipality
from lampio.assistant.knowledge_index import decide_question
from lampio.assistant.models import LANGUAGES, KnowledgeEntry
from lampio.assistant.services import knowledge as services
from lampio.assistant.staff_forms import (
    LANGUAGE_NAMES,
    EntryFilterForm,
    EntryForm,
    OverrideForm,
    ParaphraseForm,
    PreviewForm,
    TeachForm,
)
from lampio.core.errors import DomainError, PermissionDenied
from lampio.core.forms import submitted
from lampio.core.multilingual import translated_initial
from lampio.core.ratelimit import rate_limit_posts
from lampio.tenancy.access import found, org_url_kwargs, organisation_in_url, staff_required
from lampio.tenancy.models import Municipality, Organisation
from lampio.tenancy.permissions import Action

RATE = "60/m"
RATE_GROUP = "staff-assistant"


def desk_in_url(
    request: HttpRequest, municipality: str, organisation: str
) -> tuple[User, Organisation, Municipality]:
    """The desk organisation of the address, its municipality and the acting staff member."""
    org = organisation_in_url(request, municipality, organisation, Action.MANAGE)
    user = acting_user(request)
    try:
        place = desk_municipality(actor=user, organisation=org)
    except PermissionDenied as error:  # MANAGE was checked above: this organisation is no desk
        raise Http404 from error
    return user, org, place


def _entry(key: str) -> KnowledgeEntry:
    entry: KnowledgeEntry = found(selectors.entry_by_key, key=key)
    return entry


# --- Knowledge ----------------------------------------------------------------------------------


@staff_required
def entries(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    _user, org, place = desk_in_url(request, municipality, organisation)
    form = EntryFilterForm(request.GET or None, topics=selectors.topics())
    rows = selectors.entries(municipality=place, filters=form.filters())
    context = {
        "organisation": org,
        "municipality": place,
        "filter_form": form,
        "entries": rows,
        "pending": selectors.pending_count(municipality=place),
    }
    return render(request, "assistant/staff/entries.html", context)


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def entry_new(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    user, org, _place = desk_in_url(request, municipality, organisation)
    form = EntryForm(request.POST or None)
    saved: list[KnowledgeEntry] = []
    if request.method == "POST" and submitted(
        request,
        form,
        lambda: saved.append(
            services.save_entry(
                actor=user,
                organisation=org,
                entry=None,
                key=form.cleaned_data["key"],
                topic=form.cleaned_data["topic"],
                title=form.title(),
                answer=form.answer(),
                link=form.cleaned_data["link"],
                is_published=form.cleaned_data["is_published"],
            )
        ),
        success=_("The entry was saved. Add the ways residents ask for it."),
    ):
        return redirect("assistant_staff:entry_edit", **org_url_kwargs(org), entry_key=saved[0].key)
    return render(request, "assistant/staff/entry_form.html", {"organisation": org, "form": form})


def _entry_page(
    request: HttpRequest,
    org: Organisation,
    place: Municipality,
    entry: KnowledgeEntry,
    *,
    form: EntryForm | None = None,
    adding: ParaphraseForm | None = None,
    status: int = 200,
) -> HttpResponse:
    add_forms = {language: ParaphraseForm(prefix=language) for language in LANGUAGES}
    if adding is not None and adding.prefix:
        add_forms[adding.prefix] = adding
    grouped = selectors.paraphrases_by_language(entry)
    languages = [
        (language, LANGUAGE_NAMES[language], grouped.get(language, []), add_forms[language])
        for language in LANGUAGES
    ]
    context = {
        "organisation": org,
        "entry": entry,
        "form": form or EntryForm(entry=entry),
        "languages": languages,
        "override": selectors.override_of(entry=entry, municipality=place),
        "municipality": place,
    }
    return render(request, "assistant/staff/entry_form.html", context, status=status)


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def entry_edit(
    request: HttpRequest, municipality: str, organisation: str, entry_key: str
) -> HttpResponse:
    user, org, place = desk_in_url(request, municipality, organisation)
    entry = _entry(entry_key)
    form = EntryForm(request.POST or None, entry=entry)
    if request.method == "POST" and submitted(
        request,
        form,
        lambda: services.save_entry(
            actor=user,
            organisation=org,
            entry=entry,
            key=entry.key,
            topic=form.cleaned_data["topic"],
            title=form.title(),
            answer=form.answer(),
            link=form.cleaned_data["link"],
            is_published=form.cleaned_data["is_published"],
        ),
        success=_("The entry was saved."),
    ):
        return redirect("assistant_staff:entry_edit", **org_url_kwargs(org), entry_key=entry.key)
    if form.is_bound:
        entry.refresh_from_db()  # the page shows the saved entry beside the form as typed
    return _entry_page(request, org, place, entry, form=form)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def paraphrase_add(
    request: HttpRequest, municipality: str, organisation: str, entry_key: str
) -> HttpResponse:
    user, org, place = desk_in_url(request, municipality, organisation)
    entry = _entry(entry_key)
    language = request.POST.get("language", "")
    if language not in LANGUAGES:
        raise Http404
    form = ParaphraseForm(request.POST, prefix=language)
    if submitted(
        request,
        form,
        lambda: services.add_paraphrase(
            actor=user,
            organisation=org,
            entry=entry,
            language=language,
            text=form.cleaned_data["text"],
        ),
        success=_("The question was added."),
    ):
        return _to_paraphrases(org, entry.key, language)
    return _entry_page(request, org, place, entry, adding=form)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def paraphrase_delete(
    request: HttpRequest, municipality: str, organisation: str, paraphrase_id: int
) -> HttpResponse:
    user, org, _place = desk_in_url(request, municipality, organisation)
    paraphrase = found(selectors.paraphrase_by_id, paraphrase_id=paraphrase_id)
    services.delete_paraphrase(actor=user, organisation=org, paraphrase=paraphrase)
    messages.success(request, _("The question was removed."))
    return _to_paraphrases(org, paraphrase.entry.key, paraphrase.language)


def _to_paraphrases(org: Organisation, entry_key: str, language: str) -> HttpResponse:
    """Back to the entry, scrolled to the list of questions in that language."""
    target = redirect("assistant_staff:entry_edit", **org_url_kwargs(org), entry_key=entry_key)
    target["Location"] += f"#paraphrases-{language}"
    return target


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def override_edit(
    request: HttpRequest, municipality: str, organisation: str, entry_key: str
) -> HttpResponse:
    user, org, place = desk_in_url(request, municipality, organisation)
    entry = _entry(entry_key)
    override = selectors.override_of(entry=entry, municipality=place)
    initial = translated_initial(override, "answer") if override is not None else {}
    form = OverrideForm(request.POST or None, initial=initial)
    if request.method == "POST" and submitted(
        request,
        form,
        lambda: services.save_override(
            actor=user, organisation=org, entry=entry, answer=form.answer()
        ),
        success=_("The municipality's answer was saved."),
    ):
        return redirect("assistant_staff:entry_edit", **org_url_kwargs(org), entry_key=entry.key)
    context = {"organisation": org, "municipality": place, "entry": entry, "form": form}
    return render(request, "assistant/staff/override_form.html", context)


@staff_required
def entry_preview(
    request: HttpRequest, municipality: str, organisation: str, entry_key: str
) -> HttpResponse:
    _user, org, place = desk_in_url(request, municipality, organisation)
    entry = _entry(entry_key)
    form = PreviewForm(request.GET or None)
    decision, ranked = None, []
    if form.is_bound and form.is_valid():
        decision = decide_question(
            form.cleaned_data["question"],
            form.cleaned_data["language"] or None,
            include_unpublished=True,
        )
        candidates = list(decision.candidates[:5])
        titles = selectors.titles_of({candidate.key for candidate in candidates})
        ranked = selectors.resolve(candidates, titles)
    context = {
        "organisation": org,
        "municipality": place,
        "entry": entry,
        "form": form,
        "decision": decision,
        "ranked": ranked,
        "answer_title": (
            selectors.titles_of({decision.entry_key}).get(decision.entry_key, decision.entry_key)
            if decision is not None and decision.entry_key
            else ""
        ),
        "decision_language": (
            LANGUAGE_NAMES.get(decision.language, decision.language) if decision else ""
        ),
        "answers": [
            (LANGUAGE_NAMES[shown.language], shown)
            for shown in selectors.answers_as_residents_see(entry=entry, municipality=place)
        ],
    }
    return render(request, "assistant/staff/entry_preview.html", context)


# --- Review queue -------------------------------------------------------------------------------


def _review_page(
    request: HttpRequest,
    org: Organisation,
    place: Municipality,
    *,
    failed: tuple[int, forms.Form] | None = None,
) -> HttpResponse:
    page = selectors.review_queue(municipality=place, page=request.GET.get("page"))
    context = {
        "organisation": org,
        "page_obj": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_ends=1),
        "choices": selectors.entry_choices(),
        "failed_id": failed[0] if failed else None,
        "failed_form": failed[1] if failed else None,
        "language_names": LANGUAGE_NAMES,
    }
    return render(request, "assistant/staff/review.html", context)


@staff_required
def review(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    _user, org, place = desk_in_url(request, municipality, organisation)
    return _review_page(request, org, place)


def _back_to_review(request: HttpRequest, org: Organisation) -> HttpResponse:
    target = redirect("assistant_staff:review", **org_url_kwargs(org))
    page = request.POST.get("page", "")
    if page.isdigit():
        target["Location"] += f"?page={page}"
    return target


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def review_teach(
    request: HttpRequest, municipality: str, organisation: str, exchange_id: int
) -> HttpResponse:
    user, org, place = desk_in_url(request, municipality, organisation)
    exchange = found(selectors.exchange_for_review, municipality=place, exchange_id=exchange_id)
    form = TeachForm(request.POST, choices=selectors.entry_choices())
    if submitted(
        request,
        form,
        lambda: services.teach_from_review(
            actor=user,
            organisation=org,
            exchange=exchange,
            entry=_entry(form.cleaned_data["entry"]),
        ),
        success=_("The question was added as a paraphrase."),
    ):
        return _back_to_review(request, org)
    return _review_page(request, org, place, failed=(exchange.pk, form))


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def review_dismiss(
    request: HttpRequest, municipality: str, organisation: str, exchange_id: int
) -> HttpResponse:
    user, org, place = desk_in_url(request, municipality, organisation)
    exchange = found(selectors.exchange_for_review, municipality=place, exchange_id=exchange_id)
    try:
        services.dismiss_review(actor=user, organisation=org, exchange=exchange)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The question was dismissed."))
    return _back_to_review(request, org)
