from auditlog.registry import auditlog

from lampio.offerings.models import (
    Enrolment,
    GroupOrder,
    Occurrence,
    OccurrenceSeries,
    Offering,
    OfferingImage,
)

auditlog.register(Offering, m2m_fields={"keywords"})
auditlog.register(OfferingImage)
auditlog.register(OccurrenceSeries)
auditlog.register(Occurrence)
auditlog.register(Enrolment, exclude_fields=["feed_token", "reminded_at", "reminded_soon_at"])
auditlog.register(GroupOrder)
