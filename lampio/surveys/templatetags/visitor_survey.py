"""`{% visitor_survey_invitation visit %}`: the invitation to the shared visitor survey on a
booking, enrolment, group order or digital session page, shown once the visit has ended."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils import timezone

from lampio.surveys.eligibility import invitation_for
from lampio.surveys.invitations import invitation_token
from lampio.surveys.selectors import is_answered

register = template.Library()


@register.inclusion_tag("surveys/_invitation.html", takes_context=True)
def visitor_survey_invitation(context: Any, visit: Any) -> dict[str, Any]:
    request = context.get("request")
    actor = context.get("user") or getattr(request, "user", None)
    invitation = invitation_for(visit, actor=actor, now=context.get("now") or timezone.now())
    if invitation is None or invitation.expired(timezone.localdate()):
        return {"show": False}
    if is_answered(invitation):
        return {"show": True, "answered": True}
    url = reverse("surveys:answer", kwargs={"survey_token": invitation_token(invitation)})
    return {"show": True, "answered": False, "url": url, "last_day": invitation.last_day}
