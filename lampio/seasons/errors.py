"""What the staff services of application rounds refuse, in words staff can act on."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from lampio.core.errors import Conflict, InvalidInput


class RoundPublished(Conflict):
    code = "round_published"
    default_message = _("The round has been published and can no longer be changed.")


class ApplicationsStillOpen(Conflict):
    code = "applications_still_open"
    default_message = _(
        "Allocation starts only after the application period has closed. Wait until the "
        "applications close."
    )


class ApplicationsClosed(Conflict):
    code = "applications_closed"
    default_message = _(
        "The applications have closed: the spaces and the season can no longer be changed."
    )


class NotFreeThen(InvalidInput):
    code = "not_free_then"
    default_message = _(
        "The space is not free for the whole time on that weekday: it is closed or booked on "
        "some date of the season."
    )


class AllocationsOverlap(Conflict):
    code = "allocations_overlap"


class LockedChangedMeanwhile(Conflict):
    code = "locked_changed_meanwhile"
    default_message = _(
        "Someone changed the allocation while the solver was running. Run the solver again."
    )


class PublishFailed(Conflict):
    code = "publish_failed"
