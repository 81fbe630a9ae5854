"""Template helpers for links into the assistant's staff pages from other apps' staff pages."""

from __future__ import annotations

from django import template

from lampio.assistant.desk import is_desk
from lampio.assistant.stats_selectors import DeskQueue, desk_queue
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, Actor, can

register = template.Library()


@register.filter
def works_assistant_of(actor: Actor, organisation: Organisation) -> bool:
    """`{% if request.user|works_assistant_of:organisation %}`: the organisation is its
    municipality's assistant desk and the person may manage it."""
    return can(actor, Action.MANAGE, organisation) and is_desk(organisation)


@register.simple_tag
def assistant_queue(organisation: Organisation) -> DeskQueue:
    """`{% assistant_queue organisation as queue %}`: residents waiting in the live chat and
    questions waiting for review at this desk (use inside `works_assistant_of`)."""
    return desk_queue(organisation)
