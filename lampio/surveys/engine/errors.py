"""What the questionnaire builder and the round services refuse, in words staff can act on."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lampio.core.errors import Conflict, InvalidInput, PermissionDenied


class NotAllowed(PermissionDenied):
    default_message = _("You may not change this questionnaire or round.")


class VersionFrozen(Conflict):
    default_message = _(
        "This version is published and can no longer change. Start a new version to make changes."
    )


class DraftExists(Conflict):
    default_message = _(
        "This questionnaire already has an unpublished draft. Finish or change that one."
    )


class InvalidQuestionnaire(InvalidInput):
    """A question, an option or a condition that does not fit the version."""


class NotPublishable(InvalidInput):
    """The draft has problems; each one is listed so staff can fix them all in one go."""

    default_message = _("The version cannot be published yet.")

    def __init__(self, problems: list[str]) -> None:
        super().__init__()
        self.problems = problems


class InvalidRound(InvalidInput):
    """Dates, participants or a version that a round cannot have."""


class ParticipantHasAnswers(Conflict):
    default_message = _(
        "This organisation has already answered in the round, so it cannot be removed."
    )
