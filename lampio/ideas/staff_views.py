"""Staff handle the ideas of their organisation's boards and those routed to it: the list and one
idea with its forms (routing, official answer, state, merge, hiding, comments, reports).

Read pages need VIEW, every POST needs MANAGE; an organisation the person has no role in, or an
idea that is not the organisation's, answers 404. Every change goes through `services`, which
check the permission again and audit it. A refusal brings the idea's page back with that form
filled in as typed and the reason next to the field.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from auditlog.models import LogEntry
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.core.audit import audit_rows
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import submitted
from lampio.core.ratelimit import rate_limit_posts
from lampio.core.read_audit import PersonalDataRead, log_personal_data_read
from lampio.ideas import selectors, services, staff_selectors
from lampio.ideas.models import Comment, Idea, IdeaState, Report, StateKind
from lampio.ideas.staff_forms import (
    PENDING,
    AnswerForm,
    HideForm,
    IdeaFilterForm,
    MergeForm,
    ResolveForm,
    RoutingForm,
    StateForm,
)
from lampio.tenancy.access import org_url_kwargs, organisation_in_url, staff_required
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can

RATE = "60/m"
RATE_GROUP = "staff-ideas"
PER_PAGE = 50


# --- The list -----------------------------------------------------------------------------------


@staff_required
def idea_list(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.VIEW)
    user = acting_user(request)
    form = IdeaFilterForm(
        request.GET or None,
        states=IdeaState.objects.order_by("position", "pk"),
        campaigns=staff_selectors.staff_campaigns(actor=user, organisation=org),
    )
    found = staff_selectors.staff_ideas(actor=user, organisation=org, **form.values())
    found = found.select_related("state", "campaign", "category", "organisation", "board")
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    everything = staff_selectors.staff_ideas(actor=user, organisation=org)
    counts = {
        "all": everything.count(),
        "new": everything.filter(state__kind=StateKind.NEW).count(),
        "pending": staff_selectors.staff_ideas(
            actor=user, organisation=org, routing=PENDING
        ).count(),
        "hidden": everything.exclude(hidden_reason="").count(),
    }
    return render(
        request,
        "ideas/staff/list.html",
        {
            "organisation": org,
            "section": "list",
            "filter_form": form,
            "page_obj": page,
            "page_range": page.paginator.get_elided_page_range(page.number, on_ends=1),
            "counts": counts,
        },
    )


# --- One idea -----------------------------------------------------------------------------------


def idea_in_url(
    request: HttpRequest, municipality: str, organisation: str, idea_id: int, action: Action
) -> tuple[User, Organisation, Idea]:
    """The organisation in the address and its idea; another organisation's idea is 404."""
    org = organisation_in_url(request, municipality, organisation, action)
    user = acting_user(request)
    idea = (
        staff_selectors.staff_ideas(actor=user, organisation=org)
        .select_related(
            "author",
            "board__organisation",
            "campaign",
            "category",
            "state",
            "organisation__municipality",
            "suggested_organisation__municipality",
            "merged_into",
            "municipality",
        )
        .filter(pk=idea_id)
        .first()
    )
    if idea is None:
        raise Http404
    return user, org, idea


def _next_states(idea: Idea) -> Any:
    # Merged is reached only by merging, which names the other idea.
    return idea.state.next_states.exclude(kind=StateKind.MERGED).order_by("position", "pk")


def _routing_initial(idea: Idea) -> dict[str, Any]:
    if idea.routed_at is not None:
        return {"organisation": idea.organisation, "themes": list(idea.themes.all())}
    return {
        "organisation": idea.suggested_organisation,
        "themes": list(idea.suggested_themes.all()),
    }


def _make_form(key: str, user: User, idea: Idea, data: QueryDict | None = None) -> forms.Form:
    """The form `key` of the idea's page, bound to `data` or with its usual start values."""
    if key == "routing":
        organisations, themes = staff_selectors.routing_choices(actor=user, idea=idea)
        initial = _routing_initial(idea)
        return RoutingForm(
            data, prefix=key, organisations=organisations, themes=themes, initial=initial
        )
    if key == "answer":
        return AnswerForm(
            data,
            prefix=key,
            states=_next_states(idea),
            initial={"answer": idea.official_answer},
        )
    if key == "state":
        return StateForm(data, prefix=key, states=_next_states(idea))
    if key == "merge":
        return MergeForm(data, prefix=key)
    if key == "hide":
        return HideForm(data, prefix=key)
    if key == "resolve":
        return ResolveForm(data, prefix=key, comments=Comment.objects.filter(idea=idea))
    return forms.Form(data, prefix=key)  # show: a button, no fields


FORM_KEYS = ("routing", "answer", "state", "merge", "hide", "show", "resolve")


def _comment_rows(
    idea: Idea, bound: forms.Form | None
) -> list[tuple[Comment, list[Comment], forms.Form]]:
    """Comments with their replies; every one (hidden ones too) with its hide or show form."""
    comments = list(
        Comment.objects.filter(idea=idea).select_related("author", "as_organisation", "parent")
    )
    by_parent: dict[int, list[Comment]] = {}
    for comment in comments:
        if comment.parent_id is not None:
            by_parent.setdefault(comment.parent_id, []).append(comment)
    for comment in comments:
        prefix = f"comment-{comment.pk}"
        form: forms.Form = (
            bound
            if bound is not None and bound.prefix == prefix
            else (forms.Form(prefix=prefix) if comment.is_hidden else HideForm(prefix=prefix))
        )
        comment.moderation_form = form  # type: ignore[attr-defined]
    return [
        (comment, by_parent.get(comment.pk, []), comment.moderation_form)  # type: ignore[attr-defined]
        for comment in comments
        if comment.parent_id is None
    ]


def _audit(user: User, org: Organisation, idea: Idea) -> list[Any]:
    if not can(user, Action.VIEW_AUDIT, org):
        return []
    entries = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Idea), object_pk=str(idea.pk)
        )
        .select_related("actor", "content_type")
        .order_by("-timestamp")[:30]
    )
    return audit_rows(entries)


def _idea_page(
    request: HttpRequest,
    user: User,
    org: Organisation,
    idea: Idea,
    bound: forms.Form | None = None,
    status: int = 200,
) -> HttpResponse:
    may_handle = services.may_handle_idea(user, idea)
    # Readers without MANAGE see no forms (routing choices are for handlers only).
    keys = FORM_KEYS if may_handle else ()
    page_forms: dict[str, forms.Form] = {key: _make_form(key, user, idea) for key in keys}
    if bound is not None and bound.prefix in page_forms:
        page_forms[str(bound.prefix)] = bound
    reports = list(
        Report.objects.filter(idea=idea, resolved_at__isnull=True).select_related("comment")
    )
    context = {
        "organisation": org,
        "section": "list",
        "idea": idea,
        "forms": page_forms,
        "next_states": list(_next_states(idea)),
        "suggested_themes": list(idea.suggested_themes.all()),
        "themes": list(idea.themes.all()),
        "comment_rows": _comment_rows(idea, bound),
        "reports": reports,
        "events": list(idea.events.select_related("state", "actor")),
        "merged_from": list(Idea.objects.filter(merged_into=idea).only("pk", "title")),
        "audit_entries": _audit(user, org, idea),
        "may_manage": may_handle,
    }
    log_personal_data_read(
        actor=user, kind=PersonalDataRead.IDEA_AUTHOR, subject=idea, organisation_id=org.pk
    )
    return render(request, "ideas/staff/idea.html", context, status=status)


@staff_required
def idea_detail(
    request: HttpRequest, municipality: str, organisation: str, idea_id: int
) -> HttpResponse:
    user, org, idea = idea_in_url(request, municipality, organisation, idea_id, Action.VIEW)
    return _idea_page(request, user, org, idea)


Run = Callable[[User, Idea, dict[str, Any]], object]


def _back_to(org: Organisation, idea: Idea) -> HttpResponse:
    return redirect("ideas_staff:idea", **org_url_kwargs(org), idea_id=idea.pk)


def _action_view(key: str, run: Run, success: Promise) -> Callable[..., HttpResponse]:
    @staff_required
    @require_POST
    @rate_limit_posts(group=RATE_GROUP, rate=RATE)
    def view(
        request: HttpRequest, municipality: str, organisation: str, idea_id: int
    ) -> HttpResponse:
        user, org, idea = idea_in_url(request, municipality, organisation, idea_id, Action.MANAGE)
        form = _make_form(key, user, idea, request.POST)
        if submitted(
            request, form, lambda: run(user, idea, form.cleaned_data), success=str(success)
        ):
            return _back_to(org, idea)
        _user, _org, idea = idea_in_url(request, municipality, organisation, idea_id, Action.MANAGE)
        return _idea_page(request, user, org, idea, bound=form)

    view.__name__ = view.__qualname__ = key
    return view


def _merge(user: User, idea: Idea, data: dict[str, Any]) -> object:
    try:
        into = selectors.idea_for(actor=user, idea_id=data["into"])
    except NotFound as error:
        raise NotFound(_("There is no idea with this number."), field="into") from error
    try:
        return services.merge_ideas(actor=user, idea=idea, into=into)
    except DomainError as error:
        error.field = "into"  # every refusal here is about the chosen idea
        raise


routing = _action_view(
    "routing",
    lambda user, idea, data: services.confirm_routing(
        actor=user, idea=idea, organisation=data["organisation"], themes=list(data["themes"])
    ),
    gettext_lazy("The routing was confirmed."),
)
answer = _action_view(
    "answer",
    lambda user, idea, data: services.answer_idea(
        actor=user, idea=idea, answer=data["answer"], state=data["state"]
    ),
    gettext_lazy("The official answer was saved; the idea's followers get it as a message."),
)
state = _action_view(
    "state",
    lambda user, idea, data: services.change_state(actor=user, idea=idea, state=data["state"]),
    gettext_lazy("The state was changed."),
)
merge = _action_view("merge", _merge, gettext_lazy("The idea was merged into the other idea."))
hide = _action_view(
    "hide",
    lambda user, idea, data: services.hide_idea(
        actor=user, idea=idea, reason=data["reason"], note=data["note"]
    ),
    gettext_lazy("The idea was hidden."),
)
show = _action_view(
    "show",
    lambda user, idea, data: services.show_idea(actor=user, idea=idea),
    gettext_lazy("The idea is shown again."),
)
resolve = _action_view(
    "resolve",
    lambda user, idea, data: services.resolve_reports(
        actor=user, idea=idea, comment=data["comment"]
    ),
    gettext_lazy("The reports were marked as handled."),
)


# --- Comments -----------------------------------------------------------------------------------


def _comment_view(hiding: bool) -> Callable[..., HttpResponse]:
    @staff_required
    @require_POST
    @rate_limit_posts(group=RATE_GROUP, rate=RATE)
    def view(
        request: HttpRequest, municipality: str, organisation: str, idea_id: int, comment_id: int
    ) -> HttpResponse:
        user, org, idea = idea_in_url(request, municipality, organisation, idea_id, Action.MANAGE)
        comment = Comment.objects.filter(idea=idea, pk=comment_id).first()
        if comment is None:
            raise Http404
        prefix = f"comment-{comment.pk}"
        form: forms.Form
        if hiding:
            form = HideForm(request.POST, prefix=prefix)
            done = submitted(
                request,
                form,
                lambda: services.hide_comment(
                    actor=user,
                    comment=comment,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                ),
                success=_("The comment was hidden."),
            )
        else:
            form = forms.Form(request.POST, prefix=prefix)
            done = submitted(
                request,
                form,
                lambda: services.show_comment(actor=user, comment=comment),
                success=_("The comment is shown again."),
            )
        if done:
            return _back_to(org, idea)
        return _idea_page(request, user, org, idea, bound=form)

    view.__name__ = view.__qualname__ = "comment_hide" if hiding else "comment_show"
    return view


comment_hide = _comment_view(hiding=True)
comment_show = _comment_view(hiding=False)
