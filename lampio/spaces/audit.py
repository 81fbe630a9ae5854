from auditlog.registry import auditlog

from lampio.spaces.models import (
    Equipment,
    OpeningException,
    OpeningHours,
    Space,
    SpacePhoto,
    Venue,
)

auditlog.register(Venue)
auditlog.register(Space, m2m_fields={"equipment", "allowed_organisations"})
auditlog.register(OpeningHours)
auditlog.register(OpeningException)
auditlog.register(SpacePhoto)
# One list for the whole network, so its entries belong to no organisation's audit log.
auditlog.register(Equipment)
