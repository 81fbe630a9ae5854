from lampio.core.audit import register_audited
from lampio.spaces.models import (
    Equipment,
    OpeningException,
    OpeningHours,
    Space,
    SpacePhoto,
    Venue,
)

register_audited(Venue)
register_audited(Space, m2m_fields={"equipment", "allowed_organisations"})
register_audited(OpeningHours)
register_audited(OpeningException)
register_audited(SpacePhoto)
# One list for the whole network, so its entries belong to no organisation's audit log.
register_audited(Equipment)
