"""The provider's page for an offering's images: upload with a description and credits, list,
and remove. Whether a file really is an image, and its size, are checked by the service."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lampio.accounts.auth import acting_user
from lampio.core.errors import DomainError
from lampio.core.ratelimit import rate_limit_posts
from lampio.offerings import staff_selectors
from lampio.offerings.services import images as image_services
from lampio.offerings.staff_forms import ImageForm, add_service_error
from lampio.offerings.staff_views import (
    RATE,
    RATE_GROUP,
    found,
    offering_in,
    publishing_organisation,
    to_offering,
)
from lampio.tenancy.access import staff_required


@staff_required
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def images(
    request: HttpRequest, municipality: str, organisation: str, offering_id: int
) -> HttpResponse:
    """The offering's images in their order, and the form to upload another."""
    user, org, offering = offering_in(request, municipality, organisation, offering_id)
    form = ImageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["image"]
        try:
            image_services.add_offering_image(
                actor=user,
                offering=offering,
                upload=upload,
                size=upload.size,
                alt_text=form.alt_text(),
                photographer=form.cleaned_data["photographer"],
                licence=form.cleaned_data["licence"],
            )
        except DomainError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The image was added."))
            return to_offering("images", org, offering)
    context = {
        "organisation": org,
        "offering": offering,
        "section": "images",
        "form": form,
        "images": staff_selectors.images_of(offering=offering),
        "max_images": image_services.MAX_IMAGES_PER_OFFERING,
    }
    return render(request, "offerings/staff/images.html", context)


@staff_required
@require_POST
@rate_limit_posts(group=RATE_GROUP, rate=RATE)
def image_remove(
    request: HttpRequest, municipality: str, organisation: str, image_id: int
) -> HttpResponse:
    org = publishing_organisation(request, municipality, organisation)
    user = acting_user(request)
    image = found(staff_selectors.managed_image, actor=user, organisation=org, image_id=image_id)
    offering = image.offering
    try:
        image_services.remove_offering_image(actor=user, image=image)
    except DomainError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(request, _("The image was removed."))
    return to_offering("images", org, offering)
