"""Staff handle their organisation's feedback: the inbox (filters, bulk actions) and one message
with its forms. Read pages need VIEW, every POST needs MANAGE; an organisation the person has no
role in, or a message of another organisation, answers 404.

Each action POSTs to its own address; on success it redirects back with a message, on a refusal
the message's page comes back with that form filled in as typed and the reason next to it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.accounts.models import User
from lampio.core.errors import DomainError, NotFound
from lampio.core.forms import add_domain_error, submitted
from lampio.core.ratelimit import rate_limit_posts
from lampio.feedback import staff_selectors as selectors
from lampio.feedback.models import Feedback
from lampio.feedback.services import handling as services
from lampio.feedback.staff_forms import (
    AssignForm,
    BulkForm,
    ForwardForm,
    InboxFilterForm,
    MergeForm,
    NoteForm,
    PublishForm,
    ReplyForm,
    StateForm,
    TemplatePickForm,
)
from lampio.tenancy.access import found, org_url_kwargs, organisation_in_url, staff_required
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can

RATE = "60/m"
RATE_GROUP = "staff-feedback"
LANGUAGE_NAMES = {
    "fi": gettext_lazy("Finnish"),
    "sv": gettext_lazy("Swedish"),
    "en": gettext_lazy("English"),
}


# --- Inbox --------------------------------------------------------------------------------------


def _filter_form(data: QueryDict | None, user: User, org: Organisation) -> InboxFilterForm:
    return InboxFilterForm(
        data,
        states=selectors.states_of(org.municipality_id),
        categories=selectors.staff_categories_of(org.municipality_id),
        members=selectors.members(actor=user, organisation=org),
    )


def _bulk_form(data: QueryDict | None, user: User, org: Organisation, ids: list[int]) -> BulkForm:
    return BulkForm(
        data,
        prefix="bulk",
        ids=ids,
        members=selectors.members(actor=user, organisation=org),
        states=selectors.states_of(org.municipality_id),
    )


def _inbox_page(
    request: HttpRequest, user: User, org: Organisation, query: QueryDict, bulk: BulkForm | None
) -> HttpResponse:
    filter_form = _filter_form(query if query else None, user, org)
    if query:
        filter_form.is_valid()
    page = selectors.inbox(
        actor=user, organisation=org, filters=filter_form.filters(), page=query.get("page")
    )
    ids = [item.pk for item in page.object_list]
    context = {
        "organisation": org,
        "filter_form": filter_form,
        "page_obj": page,
        "page_range": page.paginator.get_elided_page_range(page.number, on_ends=1),
        "counts": selectors.counts(actor=user, organisation=org),
        "bulk_form": bulk or _bulk_form(None, user, org, ids),
        "chosen": set(request.POST.getlist("bulk-ids")) if bulk is not None else set(),
        "query": query.urlencode(),
        "may_manage": can(user, Action.MANAGE, org),
    }
    return render(request, "feedback/staff/inbox.html", context)


@staff_required
def inbox(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.VIEW)
    return _inbox_page(request, acting_user(request), org, request.GET, None)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def bulk(request: HttpRequest, municipality: str, organisation: str) -> HttpResponse:
    org = organisation_in_url(request, municipality, organisation, Action.MANAGE)
    user = acting_user(request)
    query = QueryDict(request.POST.get("query", ""))
    posted = [int(value) for value in request.POST.getlist("bulk-ids") if value.isdigit()]
    form = _bulk_form(request.POST, user, org, posted)
    if form.is_valid():
        data = form.cleaned_data
        try:
            count = services.bulk_apply(
                actor=user,
                organisation=org,
                feedback_ids=data["ids"],
                action=data["action"],
                assignee=data["assignee"],
                state=data["state"],
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d feedback message was handled.",
                    "%(count)d feedback messages were handled.",
                    count,
                )
                % {"count": count},
            )
            target = reverse("feedback_staff:inbox", kwargs=org_url_kwargs(org))
            return redirect(f"{target}?{query.urlencode()}" if query else target)
    return _inbox_page(request, user, org, query, form)


# --- One message --------------------------------------------------------------------------------


def _feedback_in(
    request: HttpRequest, municipality: str, organisation: str, feedback_id: int, action: Action
) -> tuple[User, Organisation, Feedback]:
    org = organisation_in_url(request, municipality, organisation, action)
    user = acting_user(request)
    feedback = found(selectors.detail, actor=user, organisation=org, feedback_id=feedback_id)
    return user, org, feedback


def _make_form(
    key: str, user: User, org: Organisation, feedback: Feedback, data: QueryDict | None = None
) -> forms.Form:
    """The form `key` of the message's page, bound to `data` or with its usual start values."""
    states = selectors.states_of(org.municipality_id)
    if key == "assign":
        members = selectors.members(actor=user, organisation=org)
        return AssignForm(
            data, prefix=key, members=members, initial={"assignee": feedback.assignee_id}
        )
    if key == "note":
        return NoteForm(data, prefix=key)
    if key == "reply":
        return ReplyForm(data, prefix=key, states=states)
    if key == "state":
        return StateForm(data, prefix=key, states=states, initial={"state": feedback.state.slug})
    if key == "forward":
        return ForwardForm(data, prefix=key, organisations=selectors.forward_targets(org))
    if key == "merge":
        return MergeForm(data, prefix=key)
    if key == "publish":
        initial = {
            "public_text": feedback.public_text or feedback.text,
            "photos_public": feedback.photos_public,
        }
        return PublishForm(data, prefix=key, initial=initial)
    return forms.Form(data, prefix=key)  # hide and close: a button, no fields


FORM_KEYS = ("assign", "note", "reply", "state", "forward", "merge", "publish", "hide", "close")


def _detail_page(
    request: HttpRequest,
    user: User,
    org: Organisation,
    feedback: Feedback,
    bound: forms.Form | None = None,
) -> HttpResponse:
    detail_forms = {key: _make_form(key, user, org, feedback) for key in FORM_KEYS}
    if bound is not None and bound.prefix:
        detail_forms[bound.prefix] = bound
    templates = selectors.reply_templates_of(actor=user, organisation=org)
    picker = TemplatePickForm(request.GET or None, templates=templates)
    if bound is None and request.GET.get("template") and picker.is_valid():
        text = selectors.template_text(picker.cleaned_data["template"], feedback.language)
        detail_forms["reply"] = ReplyForm(
            prefix="reply", states=selectors.states_of(org.municipality_id), initial={"text": text}
        )
    context = {
        "organisation": org,
        "feedback": feedback,
        "events": selectors.timeline(feedback),
        "photos": list(feedback.photos.all()),
        "forms": detail_forms,
        "picker": picker,
        "has_templates": templates.exists(),
        "language_name": LANGUAGE_NAMES.get(feedback.language, feedback.language),
        "may_manage": can(user, Action.MANAGE, feedback),
    }
    return render(request, "feedback/staff/detail.html", context)


@staff_required
def detail(
    request: HttpRequest, municipality: str, organisation: str, feedback_id: int
) -> HttpResponse:
    user, org, feedback = _feedback_in(
        request, municipality, organisation, feedback_id, Action.VIEW
    )
    return _detail_page(request, user, org, feedback)


Run = Callable[[User, Organisation, Feedback, dict[str, Any]], object]


def _act(
    request: HttpRequest,
    municipality: str,
    organisation: str,
    feedback_id: int,
    *,
    key: str,
    run: Run,
    success: Promise,
    to_inbox: bool = False,
) -> HttpResponse:
    user, org, feedback = _feedback_in(
        request, municipality, organisation, feedback_id, Action.MANAGE
    )
    form = _make_form(key, user, org, feedback, request.POST)
    if submitted(
        request, form, lambda: run(user, org, feedback, form.cleaned_data), success=str(success)
    ):
        if to_inbox:
            return redirect("feedback_staff:inbox", **org_url_kwargs(org))
        return redirect("feedback_staff:detail", **org_url_kwargs(org), feedback_id=feedback.pk)
    feedback = found(selectors.detail, actor=user, organisation=org, feedback_id=feedback_id)
    return _detail_page(request, user, org, feedback, bound=form)


def _action_view(
    key: str, run: Run, success: Promise, *, to_inbox: bool = False
) -> Callable[..., HttpResponse]:
    @staff_required
    @require_POST
    @rate_limit_posts(group=RATE_GROUP, rate=RATE)
    def view(
        request: HttpRequest, municipality: str, organisation: str, feedback_id: int
    ) -> HttpResponse:
        return _act(
            request,
            municipality,
            organisation,
            feedback_id,
            key=key,
            run=run,
            success=success,
            to_inbox=to_inbox,
        )

    view.__name__ = view.__qualname__ = key
    return view


def _merge(user: User, org: Organisation, feedback: Feedback, data: dict[str, Any]) -> object:
    try:
        into = selectors.find_in(actor=user, organisation=org, reference=data["into"])
    except NotFound as error:
        raise NotFound(
            _("Your organisation has no feedback with this number."), field="into"
        ) from error
    return services.merge_feedback(actor=user, feedback=feedback, into=into)


assign = _action_view(
    "assign",
    lambda user, org, feedback, data: services.assign_feedback(
        actor=user, feedback=feedback, assignee=data["assignee"]
    ),
    gettext_lazy("The assignment was saved."),
)
note = _action_view(
    "note",
    lambda user, org, feedback, data: services.add_note(
        actor=user, feedback=feedback, text=data["text"]
    ),
    gettext_lazy("The note was added."),
)
reply = _action_view(
    "reply",
    lambda user, org, feedback, data: services.reply_to_feedback(
        actor=user, feedback=feedback, text=data["text"], state=data["state"]
    ),
    gettext_lazy("The answer was saved and sent."),
)
state = _action_view(
    "state",
    lambda user, org, feedback, data: services.change_state(
        actor=user, feedback=feedback, state=data["state"]
    ),
    gettext_lazy("The state was changed."),
)
forward = _action_view(
    "forward",
    lambda user, org, feedback, data: services.forward_feedback(
        actor=user,
        feedback=feedback,
        to_organisation=data["to_organisation"],
        reason=data["reason"],
    ),
    gettext_lazy("The feedback was forwarded."),
    to_inbox=True,
)
merge = _action_view("merge", _merge, gettext_lazy("The feedback was merged as a duplicate."))
publish = _action_view(
    "publish",
    lambda user, org, feedback, data: services.publish_feedback(
        actor=user,
        feedback=feedback,
        public_text=data["public_text"],
        photos_public=data["photos_public"],
    ),
    gettext_lazy("The feedback was published."),
)
hide = _action_view(
    "hide",
    lambda user, org, feedback, data: services.hide_feedback(actor=user, feedback=feedback),
    gettext_lazy("The feedback was hidden from the public page."),
)
close = _action_view(
    "close",
    lambda user, org, feedback, data: services.close_feedback(actor=user, feedback=feedback),
    gettext_lazy("The feedback was closed."),
)
