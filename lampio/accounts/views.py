from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from lampio.accounts import selectors, services
from lampio.accounts.auth import acting_user
from lampio.accounts.forms import DeleteAccountForm, ProfileForm
from lampio.core.errors import DomainError
from lampio.core.forms import add_domain_error
from lampio.core.ratelimit import rate_limit_posts


@login_required
@rate_limit_posts(group="profile", rate="30/m")
def profile(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.update_profile(actor=user, user=user, **form.cleaned_data)
            except DomainError as error:
                add_domain_error(form, error)
            else:
                translation.activate(user.preferred_language)
                messages.success(request, _("Your profile was saved."))
                return redirect("accounts:profile")
    else:
        form = ProfileForm(
            initial={
                "first_name": user.first_name,
                "last_name": user.last_name,
                "preferred_language": user.preferred_language,
            }
        )
    return render(request, "accounts/profile.html", {"form": form, "profile_user": user})


@login_required
@never_cache
@require_GET
def export_personal_data(request: HttpRequest) -> HttpResponse:
    data = selectors.personal_data_export(user=acting_user(request))
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="lampio-personal-data-{stamp}.json"'
    return response


@login_required
@rate_limit_posts(group="delete-account", rate="5/m")
def delete_account(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        services.delete_account(actor=user, user=user)
        logout(request)
        messages.success(request, _("Your account and personal data were deleted."))
        return redirect("home")
    return render(request, "accounts/delete_account.html", {"form": form})
