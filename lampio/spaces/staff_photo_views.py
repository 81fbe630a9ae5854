"""Staff pages for the photos of a space: upload, describe, order and remove.

Like the other staff pages of spaces, a space or photo outside the organisation in the address
answers 404, and a member without the right to manage answers 403.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts
from lampio.spaces import photo_selectors, photo_services
from lampio.spaces.models import Space
from lampio.spaces.staff_photo_forms import PhotoTextForm, PhotoUploadForm
from lampio.spaces.staff_views import RATE, _space
from lampio.tenancy.access import found, org_url_kwargs, staff_required
from lampio.tenancy.models import Organisation

MOVES = {"up": -1, "down": 1}


def _to_photos(org: Organisation, space: Space) -> HttpResponse:
    return redirect("spaces_staff:photos", space_id=space.pk, **org_url_kwargs(org))


@staff_required
@rate_limit_posts(group="staff-spaces", rate=RATE)
def photos(
    request: HttpRequest, municipality: str, organisation: str, space_id: int
) -> HttpResponse:
    """The space's photos in their order, and the form to upload another."""
    user = acting_user(request)
    org, space = _space(request, user, municipality, organisation, space_id)
    form = PhotoUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["image"]
        try:
            photo_services.add_space_photo(
                actor=user, space=space, upload=upload, size=upload.size, alt_text=form.alt_text()
            )
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The photo was added."))
            return _to_photos(org, space)
    context = {
        "organisation": org,
        "space": space,
        "venue": space.venue,
        "form": form,
        "photos": photo_selectors.photos_of(space=space),
        "max_photos": photo_services.MAX_PHOTOS_PER_SPACE,
    }
    return render(request, "spaces/staff/space_photos.html", context)


@staff_required
@rate_limit_posts(group="staff-spaces", rate=RATE)
def photo_edit(
    request: HttpRequest, municipality: str, organisation: str, space_id: int, photo_id: int
) -> HttpResponse:
    """Correct or translate the description of a photo."""
    user = acting_user(request)
    org, space = _space(request, user, municipality, organisation, space_id)
    photo = found(photo_selectors.photo_of, space=space, photo_id=photo_id)
    form = PhotoTextForm(request.POST or None, initial=PhotoTextForm.initial_for(photo))
    if request.method == "POST" and form.is_valid():
        try:
            photo_services.update_space_photo(actor=user, photo=photo, alt_text=form.alt_text())
        except DomainError as error:
            add_domain_error(form, error)
        else:
            messages.success(request, _("The description of the photo was saved."))
            return _to_photos(org, space)
    context = {
        "organisation": org,
        "space": space,
        "venue": space.venue,
        "photo": photo,
        "form": form,
    }
    return render(request, "spaces/staff/photo_edit.html", context)


@staff_required
@require_POST
@rate_limit_posts(group="staff-spaces", rate=RATE)
def photo_move(
    request: HttpRequest, municipality: str, organisation: str, space_id: int, photo_id: int
) -> HttpResponse:
    user = acting_user(request)
    org, space = _space(request, user, municipality, organisation, space_id)
    photo = found(photo_selectors.photo_of, space=space, photo_id=photo_id)
    offset = MOVES.get(request.POST.get("direction", ""))
    if offset is None:
        messages.error(request, _("Choose whether to move the photo up or down."))
        return _to_photos(org, space)
    try:
        photo_services.move_space_photo(actor=user, photo=photo, offset=offset)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The order of the photos was saved."))
    return _to_photos(org, space)


@staff_required
@require_POST
@rate_limit_posts(group="staff-spaces", rate=RATE)
def photo_remove(
    request: HttpRequest, municipality: str, organisation: str, space_id: int, photo_id: int
) -> HttpResponse:
    user = acting_user(request)
    org, space = _space(request, user, municipality, organisation, space_id)
    photo = found(photo_selectors.photo_of, space=space, photo_id=photo_id)
    try:
        photo_services.remove_space_photo(actor=user, photo=photo)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The photo was removed."))
    return _to_photos(org, space)
