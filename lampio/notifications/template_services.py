"""Staff's own message texts: check, preview, save and restore the defaults.

Texts are Django template text, but staff may only use the kind's own variables and simple
`{% if %}` conditions: no `{% load %}`, `{% include %}` or `{% debug %}`, which could read
templates or data a message should not show.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.template import Template, TemplateSyntaxError
from django.template.base import Lexer, TokenType, Variable, VariableNode
from django.utils import translation
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import InvalidInput, NotFound
from lampio.notifications.models import MessageTemplate
from lampio.notifications.registry import MessageKind
from lampio.notifications.services import render
from lampio.tenancy.models import Organisation
from lampio.tenancy.permissions import Action, can

PARTS = ("subject", "body", "sms")
ALLOWED_TAGS = {"if", "elif", "else", "endif"}
IF_WORDS = {"and", "or", "not", "in", "is", "==", "!=", "<", ">", "<=", ">=", "None", "True"}


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def field_names() -> list[str]:
    return [f"{part}_{language}" for part in PARTS for language in languages()]


def _names_in_condition(bits: list[str]) -> list[str]:
    names = []
    for bit in bits:
        if bit in IF_WORDS or bit[:1] in {'"', "'"} or bit.lstrip("-").isdigit():
            continue
        names.append(bit.split("|")[0].split(".")[0])
    return names


def used_variables(text: str) -> set[str]:
    """The context names `text` uses; raises InvalidInput for anything but variables and if."""
    tokens = Lexer(text).tokenize()
    for token in tokens:
        if token.token_type == TokenType.TEXT and any(
            mark in token.contents for mark in ("{{", "}}", "{%", "%}")
        ):
            raise InvalidInput(
                _("The text has %(open)s or %(tag)s without its end, or an end without its start.")
                % {"open": "{{", "tag": "{%"}
            )
        if token.token_type == TokenType.BLOCK:
            tag = token.split_contents()[0] if token.contents else ""
            if tag not in ALLOWED_TAGS:
                raise InvalidInput(
                    _("The tag {%% %(tag)s %%} cannot be used in messages.") % {"tag": tag}
                )
    try:
        template = Template(text)
    except TemplateSyntaxError as error:
        raise InvalidInput(_("The text has an error: %(error)s") % {"error": error}) from error
    names: set[str] = set()
    for node in template.nodelist.get_nodes_by_type(VariableNode):
        if not isinstance(node, VariableNode):
            continue
        expression = node.filter_expression
        if isinstance(expression.var, Variable) and expression.var.lookups:
            names.add(expression.var.lookups[0])
        for _filter, arguments in expression.filters:
            for _is_variable, argument in arguments:
                if isinstance(argument, Variable) and argument.lookups:
                    names.add(argument.lookups[0])
    for token in tokens:
        if token.token_type == TokenType.BLOCK:
            bits = token.split_contents()
            if bits[0] in {"if", "elif"}:
                names.update(_names_in_condition(bits[1:]))
    return names


def check_text(kind: MessageKind, text: str) -> None:
    """Refuse text that does not compile or uses a variable the kind does not have."""
    unknown = sorted(used_variables(text) - set(kind.sample))
    if unknown:
        raise InvalidInput(
            _("This message has no {{ %(name)s }}. You can use: %(names)s.")
            % {
                "name": unknown[0],
                "names": ", ".join(f"{{{{ {name} }}}}" for name in sorted(kind.sample))
                or _("no variables"),
            }
        )


@dataclass(frozen=True)
class Preview:
    language: str
    subject: str
    body: str
    sms: str


def preview(*, kind: MessageKind, texts: dict[str, str], language: str) -> Preview:
    """The message in `language` with the kind's sample values, as typed (nothing saved).

    An empty field shows the default, as it would be sent."""
    with translation.override(language):
        defaults = (str(kind.subject), str(kind.body), str(kind.sms))
        chosen = [
            texts.get(f"{part}_{language}", "") or default
            for part, default in zip(PARTS, defaults, strict=True)
        ]
        subject, body, sms = (render(text, kind.sample) if text else "" for text in chosen)
    return Preview(language=language, subject=subject, body=body, sms=sms)


def save_template(
    *, actor: User, organisation: Organisation, kind: MessageKind, texts: dict[str, str]
) -> MessageTemplate:
    """Store the organisation's own texts for `kind`; empty fields fall back to the default."""
    if not can(actor, Action.MANAGE, organisation):
        raise NotFound()
    for name in field_names():
        try:
            check_text(kind, texts.get(name, ""))
        except InvalidInput as error:
            error.field = name
            raise
    with transaction.atomic(), set_actor(actor):
        template, _created = MessageTemplate.objects.update_or_create(
            organisation=organisation,
            key=kind.key,
            defaults={name: texts.get(name, "").strip() for name in field_names()},
        )
    return template


def restore_default(*, actor: User, organisation: Organisation, kind: MessageKind) -> bool:
    """Remove the organisation's own texts for `kind`: True if there were any."""
    if not can(actor, Action.MANAGE, organisation):
        raise NotFound()
    with transaction.atomic(), set_actor(actor):
        own = MessageTemplate.objects.filter(organisation=organisation, key=kind.key).first()
        if own is None:
            return False
        own.delete()
    return True
