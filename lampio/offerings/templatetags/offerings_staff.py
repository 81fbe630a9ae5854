"""Template helpers for links into the provider's desk from other apps' staff pages."""

from __future__ import annotations

from django import template

from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, Actor, can

register = template.Library()


@register.filter
def may_publish_for(actor: Actor, organisation: Organisation) -> bool:
    """`{% if request.user|may_publish_for:organisation %}`: show the offerings desk link."""
    return can(actor, Action.PUBLISH, organisation)


@register.filter
def may_order_for(actor: Actor, organisation: Organisation) -> bool:
    """`{% if request.user|may_order_for:organisation %}`: show a care unit's ordering links."""
    return can(actor, Action.ORDER, organisation)
