"""Staff pages around one pilot's learning: adding documents and links, downloading a file,
writing and changing lessons, and the pilot's network webinars (an offering with a recording
and materials)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from lampio.accounts.auth import acting_user
from lampio.capability.forms_pilots import DocumentForm, LessonForm, RecordingForm, WebinarForm
from lampio.capability.models import Lesson, Webinar
from lampio.capability.pilot_staff_views import RATE, RATE_GROUP, pilot_in_url
from lampio.capability.selectors import pilots as selectors
from lampio.capability.services import library as services
from lampio.core.errors import DomainError
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.tenancy.access import found, staff_required
from lampio.tenancy.permissions import Action, can


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def document_new(request: HttpRequest, pilot_id: int) -> HttpResponse:
    user = acting_user(request)
    pilot = pilot_in_url(request, pilot_id)
    if not selectors.may_contribute(user, pilot):
        raise DjangoPermissionDenied
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_document(actor=user, pilot=pilot, data=form.data_for_service())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The document was added."))
            return redirect("capability_staff:pilot", pilot_id=pilot.pk)
    return render(
        request,
        "capability/staff/pilots/document_form.html",
        {"form": form, "pilot": pilot, "webinar": None},
    )


@staff_required
def document_download(request: HttpRequest, pilot_document_id: int) -> HttpResponse:
    """An uploaded file, always as an attachment (never shown inline, so a crafted file cannot
    run in the site's origin); a link document sends the reader on to its address."""
    document = found(
        selectors.document_for_staff, actor=acting_user(request), document_id=pilot_document_id
    )
    if not document.file:
        if document.url:
            return redirect(document.url)
        raise Http404
    extension = services.extension_of(document.file.name)
    try:
        with services.open_document_file(document) as handle:
            content = handle.read()
    except FileNotFoundError as error:
        raise Http404 from error
    # At most 20 MB, so read whole rather than streamed (the staff views return HttpResponse).
    response = HttpResponse(
        content, content_type=services.ALLOWED_TYPES.get(extension, "application/octet-stream")
    )
    response["Content-Disposition"] = (
        content_disposition_header(True, f"{slugify(document.title) or 'document'}.{extension}")
        or "attachment"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def lesson_new(request: HttpRequest, pilot_id: int) -> HttpResponse:
    user = acting_user(request)
    pilot = pilot_in_url(request, pilot_id)
    organisations = selectors.contributing_organisations(user, pilot)
    if not organisations.exists():
        raise DjangoPermissionDenied
    form = LessonForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_lesson(
                actor=user,
                pilot=pilot,
                organisation=form.cleaned_data["organisation"],
                data=form.data_for_service(),
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The lesson was saved. Thank you for sharing it."))
            return redirect("capability_staff:pilot", pilot_id=pilot.pk)
    return render(
        request,
        "capability/staff/pilots/lesson_form.html",
        {"form": form, "pilot": pilot, "lesson": None},
    )


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def lesson_edit(request: HttpRequest, pilot_lesson_id: int) -> HttpResponse:
    user = acting_user(request)
    lesson: Lesson = found(selectors.lesson_for_staff, actor=user, lesson_id=pilot_lesson_id)
    if not selectors.may_edit_lesson(user, lesson):
        raise DjangoPermissionDenied
    form = LessonForm(request.POST or None, lesson=lesson)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_lesson(
                actor=user, pilot=lesson.pilot, lesson=lesson, data=form.data_for_service()
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The lesson was saved."))
            return redirect("capability_staff:pilot", pilot_id=lesson.pilot_id)
    return render(
        request,
        "capability/staff/pilots/lesson_form.html",
        {"form": form, "pilot": lesson.pilot, "lesson": lesson},
    )


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def webinar_new(request: HttpRequest, pilot_id: int) -> HttpResponse:
    user = acting_user(request)
    pilot = pilot_in_url(request, pilot_id)
    if not selectors.may_contribute(user, pilot):
        raise DjangoPermissionDenied
    offerings = selectors.publishable_offerings(user)
    form = WebinarForm(request.POST or None, offerings=offerings)
    if request.method == "POST" and form.is_valid():
        try:
            webinar = services.add_webinar(
                actor=user,
                pilot=pilot,
                offering=form.cleaned_data["offering"],
                recording_url=form.cleaned_data.get("recording_url") or "",
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The webinar was added to the pilot."))
            return redirect("capability_staff:pilot_webinar", webinar_id=webinar.pk)
    return render(
        request,
        "capability/staff/pilots/webinar_new.html",
        {"form": form, "pilot": pilot, "has_offerings": offerings.exists()},
    )


def _may_change_webinar(request: HttpRequest, webinar: Webinar) -> bool:
    user = acting_user(request)
    return can(user, Action.PUBLISH, webinar) or bool(
        webinar.pilot and selectors.may_edit_pilot(user, webinar.pilot)
    )


@staff_required
@require_http_methods(["GET", "POST"])
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def webinar(request: HttpRequest, webinar_id: int) -> HttpResponse:
    """The webinar's recording and materials; one form posts at a time (`form` names which)."""
    user = acting_user(request)
    item: Webinar = found(selectors.webinar_for_staff, actor=user, webinar_id=webinar_id)
    if not _may_change_webinar(request, item) or item.pilot is None:
        raise DjangoPermissionDenied
    which = request.POST.get("form") if request.method == "POST" else None
    recording = RecordingForm(
        request.POST if which == "recording" else None,
        initial={"recording_url": item.recording_url},
        prefix="recording",
    )
    material = DocumentForm(
        request.POST if which == "material" else None,
        request.FILES if which == "material" else None,
        prefix="material",
    )
    try:
        if which == "recording" and recording.is_valid():
            services.save_webinar_recording(
                actor=user, webinar=item, recording_url=recording.cleaned_data["recording_url"]
            )
            messages.success(request, _("The recording was saved."))
            return redirect("capability_staff:pilot_webinar", webinar_id=item.pk)
        if which == "material" and material.is_valid():
            services.add_document(
                actor=user, pilot=item.pilot, webinar=item, data=material.data_for_service()
            )
            messages.success(request, _("The material was added."))
            return redirect("capability_staff:pilot_webinar", webinar_id=item.pk)
    except DomainError as error:
        add_domain_error(recording if which == "recording" else material, error)
    return render(
        request,
        "capability/staff/pilots/webinar.html",
        {
            "webinar": item,
            "pilot": item.pilot,
            "recording_form": recording,
            "material_form": material,
            "materials": item.materials.order_by("-added_at"),
        },
    )
