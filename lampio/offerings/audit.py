from lampio.core.audit import register_audited
from lampio.offerings.models import (
    Enrolment,
    GroupOrder,
    Occurrence,
    OccurrenceSeries,
    Offering,
    OfferingImage,
)

register_audited(Offering, m2m_fields={"keywords"})
register_audited(OfferingImage)
register_audited(OccurrenceSeries)
register_audited(Occurrence)
register_audited(Enrolment, exclude_fields=["feed_token", "reminded_at", "reminded_soon_at"])
register_audited(GroupOrder)
