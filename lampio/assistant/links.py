"""The page an answer offers: each `LinkTarget` is a named route of the project, with a label.

Ideas have no app yet, so they go to the feedback form.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from lampio.assistant.models import LinkTarget

ROUTES: dict[str, tuple[str, Promise]] = {
    LinkTarget.SPACES: ("spaces:search", _("Go to Spaces")),
    LinkTarget.MY_BOOKINGS: ("bookings:mine", _("Go to My bookings")),
    LinkTarget.LAST_MINUTE: ("lastminute:list", _("See last-minute free times")),
    LinkTarget.OFFERINGS: ("offerings:list", _("Go to Events and culture")),
    LinkTarget.FEEDBACK: ("feedback:give", _("Give feedback")),
    LinkTarget.IDEAS: ("feedback:give", _("Send your idea as feedback")),
    LinkTarget.PROFILE: ("accounts:profile", _("Go to your profile and personal data")),
    LinkTarget.DIGITAL: ("digital:home", _("Go to digital culture sessions")),
}


def link_for(target: str, language: str) -> tuple[str, str]:
    """(path, label) of `target` in `language`; ("", "") for no or an unknown target."""
    route = ROUTES.get(target)
    if route is None:
        return "", ""
    name, label = route
    with override(language):
        return reverse(name), str(label)
