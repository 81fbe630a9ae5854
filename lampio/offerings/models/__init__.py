"""Culture offerings, their occurrences, and the seats people enrol in or units order.

An offering is what a provider offers (a concert, a workshop, a guided tour); an occurrence is
one time it happens, with its own capacity. Seats are never oversold: `seats_taken` may not
exceed `capacity` (a check constraint), and every write that takes seats is one conditional
UPDATE, so concurrent enrolments cannot pass the limit together.
"""

from lampio.offerings.models.catalogue import (
    ONLINE_FORMATS,
    Audience,
    Format,
    Keyword,
    Language,
    Licence,
    Offering,
    OfferingAudience,
    OfferingImage,
    OfferingLanguage,
    OfferingStatus,
    PriceBasis,
)
from lampio.offerings.models.participation import (
    ACTIVE_ENROLMENT,
    OPEN_ORDER_STATUSES,
    Enrolment,
    EnrolmentStatus,
    GroupOrder,
    OrderStatus,
    ProposedTime,
)
from lampio.offerings.models.schedule import (
    OPEN_STATUSES,
    Occurrence,
    OccurrenceSeries,
    OccurrenceStatus,
)

__all__ = [
    "ACTIVE_ENROLMENT",
    "ONLINE_FORMATS",
    "OPEN_ORDER_STATUSES",
    "OPEN_STATUSES",
    "Audience",
    "Enrolment",
    "EnrolmentStatus",
    "Format",
    "GroupOrder",
    "Keyword",
    "Language",
    "Licence",
    "Occurrence",
    "OccurrenceSeries",
    "OccurrenceStatus",
    "Offering",
    "OfferingAudience",
    "OfferingImage",
    "OfferingLanguage",
    "OfferingStatus",
    "OrderStatus",
    "PriceBasis",
    "ProposedTime",
]
