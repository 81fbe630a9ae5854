"""An organisation's reply templates: answers staff reuse, in the three languages."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput, NotFound, PermissionDenied
from lampio.core.multilingual import Translated, set_translated
from lampio.feedback.models import MAX_TEXT_LENGTH, ReplyTemplate
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can


def _check_may_manage(actor: User, owned: Organisation | ReplyTemplate) -> None:
    """Staff of other organisations are told nothing exists (404)."""
    if not can(actor, Action.VIEW, owned):
        raise NotFound()
    if not can(actor, Action.MANAGE, owned):
        raise PermissionDenied()


def _check(name: Translated, body: Translated) -> None:
    if not name.fi.strip():
        raise InvalidInput(_("Give the name in Finnish."), field="name_fi")
    if not body.fi.strip():
        raise InvalidInput(_("Write the text in Finnish."), field="body_fi")
    for language in ("fi", "sv", "en"):
        if len(getattr(body, language)) > MAX_TEXT_LENGTH:
            raise InvalidInput(
                _("The text is too long: at most %(count)d characters.")
                % {"count": MAX_TEXT_LENGTH},
                field=f"body_{language}",
            )


def create_reply_template(
    *, actor: User, organisation: Organisation, name: Translated, body: Translated
) -> ReplyTemplate:
    _check_may_manage(actor, organisation)
    _check(name, body)
    template = ReplyTemplate(organisation=organisation)
    set_translated(template, "name", name)
    set_translated(template, "body", body)
    with transaction.atomic(), set_actor(actor):
        template.save()
    return template


def update_reply_template(
    *, actor: User, template: ReplyTemplate, name: Translated, body: Translated
) -> ReplyTemplate:
    _check_may_manage(actor, template)
    _check(name, body)
    set_translated(template, "name", name)
    set_translated(template, "body", body)
    with transaction.atomic(), set_actor(actor):
        template.save()
    return template


def delete_reply_template(*, actor: User, template: ReplyTemplate) -> None:
    _check_may_manage(actor, template)
    with transaction.atomic(), set_actor(actor):
        template.delete()
