"""The shared list of equipment that spaces can have (a piano, a projector, wall bars).

Which equipment a space has is part of the space and is saved with it by
`services.update_space`, by anyone who may manage the space. The list itself is one for the
whole network: every city's search offers it as filters, and a search for "projector" should find
projectors of every organisation. So only people who answer for an organisation, its
administrators, and network administrators may add items; ordinary staff choose from the list and
ask their administrator for what is missing. A near-duplicate would split the spaces between two
filters, so an item whose name is already on the list in any language is refused. Renaming and
removing items stays with network administrators in the Django admin, since it changes every
organisation's spaces.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from lampio.accounts.models import User
from lampio.core.audit_context import set_actor
from lampio.core.errors import Conflict, InvalidInput, PermissionDenied
from lampio.core.multilingual import LANGUAGES, Translated
from lampio.spaces.models import Equipment
from lampio.tenancy.models import Organisation, Role
from lampio.tenancy.permissions import Action, Actor, can, is_network_admin, roles_of

NAME_MAX_LENGTH = 100


def _new_slug(name: str) -> str:
    """An identifier for search addresses (?equipment=piano), from the Finnish name."""
    slug = slugify(name)[:40] or "equipment"
    taken = set(Equipment.objects.filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def may_add_equipment(*, actor: Actor, organisation: Organisation) -> bool:
    """Network administrators, and administrators of an organisation in its staff area."""
    if is_network_admin(actor):
        return True
    return (
        can(actor, Action.MANAGE, organisation)
        and roles_of(actor).get(organisation.pk) == Role.ADMIN
    )


def add_equipment(*, actor: User, organisation: Organisation, name: Translated) -> Equipment:
    """Add an item to the shared list; `organisation` is the one whose staff area it is done in."""
    if not may_add_equipment(actor=actor, organisation=organisation):
        raise PermissionDenied(
            _("Only administrators of the organisation can add equipment to the list.")
        )
    names = {language: getattr(name, language).strip() for language in LANGUAGES}
    if not names["fi"]:
        raise InvalidInput(_("Give the name in Finnish."), field="name_fi")
    for language, text in names.items():
        if len(text) > NAME_MAX_LENGTH:
            raise InvalidInput(
                _("Keep the name under %(count)d characters.") % {"count": NAME_MAX_LENGTH},
                field=f"name_{language}",
            )
    for language, text in names.items():
        if not text:
            continue
        same = Q()
        for other in LANGUAGES:
            same |= Q(**{f"name_{other}__iexact": text})
        if existing := Equipment.objects.filter(same).first():
            raise InvalidInput(
                _("“%(name)s” is already on the list as “%(existing)s”.")
                % {"name": text, "existing": existing.name},
                field=f"name_{language}",
            )
    with transaction.atomic(), set_actor(actor):
        item = Equipment(slug=_new_slug(names["fi"]))
        for language, text in names.items():
            setattr(item, f"name_{language}", text)
        try:
            with transaction.atomic():
                item.save()
        except IntegrityError as error:  # someone added the same identifier just now
            raise Conflict() from error
    return item
