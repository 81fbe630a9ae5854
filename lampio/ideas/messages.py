"""Messages to an idea's followers: an official answer, a new state, a merge; and to the
author when a moderator holds or hides their text. Sent in each person's language."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from lampio.accounts.models import User
from lampio.ideas.models import Idea
from lampio.notifications.registry import MessageKind, register

SIGNATURE = _("Lämpiö – culture services of your city")
LINK = _("See the idea: {{ url }}")
SAMPLE = {
    "name": "Maija Meikäläinen",
    "title": "Lainattavat soittimet kirjastoon",
    "state": "Hyväksytty",
    "answer": "Kirjasto hankkii kymmenen lainattavaa ukulelea syksyllä.",
    "organisation": "Oulun kaupunginkirjasto",
    "target": "Soittimia lainaan",
    "reason": "Sisältää henkilötietoja",
    "url": "https://lampio.example.fi/fi/ideas/12/",
}


def _body(*parts: Any) -> Any:
    pieces = [_("Hello {{ name }},"), *parts, SIGNATURE]
    return format_lazy("\n\n".join("{}" for _piece in pieces), *pieces)


KINDS = [
    register(
        MessageKind(
            key="ideas.answered",
            label=_("Official answer to an idea you follow"),
            essential=False,
            subject=_("Official answer to the idea: {{ title }}"),
            body=_body(
                _("{{ organisation }} answered the idea “{{ title }}”:"),
                "{{ answer }}",
                _("State of the idea: {{ state }}"),
                LINK,
            ),
            sample=SAMPLE,
        )
    ),
    register(
        MessageKind(
            key="ideas.state_changed",
            label=_("New state of an idea you follow"),
            essential=False,
            subject=_("The idea “{{ title }}” is now: {{ state }}"),
            body=_body(_("The state of the idea “{{ title }}” is now: {{ state }}."), LINK),
            sample=SAMPLE,
        )
    ),
    register(
        MessageKind(
            key="ideas.merged",
            label=_("An idea you follow was merged into another"),
            essential=False,
            subject=_("The idea “{{ title }}” was merged"),
            body=_body(
                _(
                    "The idea “{{ title }}” was merged into the idea “{{ target }}”, which says "
                    "the same. Supports moved with it, and you now follow that idea."
                ),
                LINK,
            ),
            sample=SAMPLE,
        )
    ),
    register(
        MessageKind(
            key="ideas.hidden",
            label=_("Your idea or comment was hidden by a moderator"),
            essential=True,
            subject=_("Your text in the idea “{{ title }}” was hidden"),
            body=_body(
                _(
                    "A moderator hid your text in the idea “{{ title }}”. Reason: {{ reason }}."
                    " If you think this is a mistake, answer this message."
                ),
                LINK,
            ),
            sample=SAMPLE,
        )
    ),
]


def idea_url(idea: Idea, person: User) -> str:
    with translation.override(person.preferred_language or "fi"):
        path = reverse("ideas:detail", kwargs={"idea_id": idea.pk})
    return f"{settings.LAMPIO_SITE_URL}{path}"
