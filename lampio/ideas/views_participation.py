"""One idea's page and what people do there: support, follow, comment, reply, report.

Anyone may read a public idea; doing anything needs an account, and a person who is not logged
in is sent to log in and then back to the idea. Every action is a plain form post that returns
to the idea; with htmx, the supports and following part of the page is swapped in place.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.ideas import selectors, services
from lampio.ideas.forms import CommentForm, ReplyForm, ReportForm
from lampio.ideas.models import Comment, Idea
from lampio.tenancy.access import found

ACT_RATE, WRITE_RATE = "30/m", "10/m"
View = Callable[..., HttpResponse]


def _detail_url(idea_id: int, part: str = "") -> str:
    url = reverse("ideas:detail", kwargs={"idea_id": idea_id})
    return f"{url}#{part}" if part else url


def participant(view: View) -> View:
    """Logged in, or off to log in and back to the idea (not to this form's address)."""

    @wraps(view)
    def wrapped(request: HttpRequest, idea_id: int, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            back = request.get_full_path() if request.method == "GET" else _detail_url(idea_id)
            return redirect_to_login(back)
        return view(request, idea_id, *args, **kwargs)

    return wrapped


def posted_only(view: View) -> View:
    """An action answers only a post; opening its address shows the idea."""

    @wraps(view)
    def wrapped(request: HttpRequest, idea_id: int, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "POST":
            return redirect("ideas:detail", idea_id=idea_id)
        return view(request, idea_id, *args, **kwargs)

    return wrapped


def _idea(request: HttpRequest, idea_id: int) -> Idea:
    idea: Idea = found(selectors.idea_for, actor=request.user, idea_id=idea_id)
    return idea


def _comment(idea: Idea, comment_id: int) -> Comment:
    comment = idea.comments.filter(pk=comment_id, hidden_reason="").first()
    if comment is None:
        raise Http404
    return comment


def _page(
    request: HttpRequest,
    idea: Idea,
    *,
    comment_form: CommentForm | None = None,
    reply_form: ReplyForm | None = None,
    replying_to: int | None = None,
    status: int = 200,
) -> HttpResponse:
    page = selectors.idea_page(actor=request.user, idea=idea)
    threads = [
        (
            thread,
            reply_form
            if replying_to == thread.comment.pk and reply_form is not None
            else ReplyForm(parent_id=thread.comment.pk),
        )
        for thread in page.comments
    ]
    context = {
        "idea": idea,
        "page": page,
        "threads": threads,
        "comment_form": comment_form or CommentForm(),
        "login_url": f"{reverse('account_login')}?{urlencode({'next': _detail_url(idea.pk)})}",
    }
    return render(request, "ideas/detail.html", context, status=status)


@require_GET
def detail(request: HttpRequest, idea_id: int) -> HttpResponse:
    return _page(request, _idea(request, idea_id))


def _act(request: HttpRequest, idea_id: int, action: Callable[..., Any], done: str) -> HttpResponse:
    idea = _idea(request, idea_id)
    try:
        action(actor=acting_user(request), idea=idea)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        # With htmx the swapped part says it itself (and a message would show on the next page).
        if request.headers.get("HX-Request") != "true":
            messages.success(request, done)
    return redirect(_detail_url(idea.pk, "participation"))


@participant
@posted_only
@rate_limit_posts(group="ideas-act", rate=ACT_RATE)
def support(request: HttpRequest, idea_id: int) -> HttpResponse:
    return _act(request, idea_id, services.support_idea, _("You support this idea."))


@participant
@posted_only
@rate_limit_posts(group="ideas-act", rate=ACT_RATE)
def withdraw(request: HttpRequest, idea_id: int) -> HttpResponse:
    return _act(request, idea_id, services.withdraw_support, _("Your support was withdrawn."))


@participant
@posted_only
@rate_limit_posts(group="ideas-act", rate=ACT_RATE)
def follow(request: HttpRequest, idea_id: int) -> HttpResponse:
    return _act(
        request,
        idea_id,
        services.follow_idea,
        _("You follow this idea: we tell you about its answer and changes."),
    )


@participant
@posted_only
@rate_limit_posts(group="ideas-act", rate=ACT_RATE)
def unfollow(request: HttpRequest, idea_id: int) -> HttpResponse:
    return _act(request, idea_id, services.unfollow_idea, _("You no longer follow this idea."))


def _write(
    request: HttpRequest, idea: Idea, form: CommentForm, parent: Comment | None
) -> HttpResponse | None:
    """Send the comment or reply; None when the page must show the form again."""
    if not form.is_valid():
        return None
    try:
        comment = services.add_comment(
            actor=acting_user(request),
            idea=idea,
            body=form.cleaned_data["body"],
            parent=parent,
            show_name=form.cleaned_data["show_name"],
        )
    except DomainError as error:
        add_domain_error(form, error)
        return None
    if comment.is_hidden:
        messages.info(
            request, _("Thank you. A moderator checks your comment before others see it.")
        )
    else:
        messages.success(request, _("Your comment was published."))
    return redirect(_detail_url(idea.pk, f"comment-{comment.pk}"))


@participant
@posted_only
@rate_limit_posts(group="ideas-comment", rate=WRITE_RATE)
def comment(request: HttpRequest, idea_id: int) -> HttpResponse:
    idea = _idea(request, idea_id)
    form = CommentForm(request.POST)
    done = _write(request, idea, form, None)
    return done or _page(request, idea, comment_form=form)


@participant
@posted_only
@rate_limit_posts(group="ideas-comment", rate=WRITE_RATE)
def reply(request: HttpRequest, idea_id: int, comment_id: int) -> HttpResponse:
    idea = _idea(request, idea_id)
    parent = _comment(idea, comment_id)
    form = ReplyForm(request.POST, parent_id=parent.pk)
    done = _write(request, idea, form, parent)
    return done or _page(request, idea, reply_form=form, replying_to=parent.pk)


def _report(request: HttpRequest, idea: Idea, comment: Comment | None) -> HttpResponse:
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                services.report_content(
                    actor=acting_user(request),
                    idea=idea,
                    comment=comment,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                )
            except DomainError as error:
                add_domain_error(form, error)
            else:
                messages.success(
                    request, _("Thank you. A moderator looks at it as soon as possible.")
                )
                return redirect(_detail_url(idea.pk))
    else:
        form = ReportForm()
    return render(request, "ideas/report.html", {"idea": idea, "comment": comment, "form": form})


@participant
@rate_limit_posts(group="ideas-report", rate=WRITE_RATE)
def report(request: HttpRequest, idea_id: int) -> HttpResponse:
    return _report(request, _idea(request, idea_id), None)


@participant
@rate_limit_posts(group="ideas-report", rate=WRITE_RATE)
def report_comment(request: HttpRequest, idea_id: int, comment_id: int) -> HttpResponse:
    idea = _idea(request, idea_id)
    return _report(request, idea, _comment(idea, comment_id))
