from auditlog.registry import auditlog

from lampio.spaces.models import OpeningException, OpeningHours, Space, Venue

auditlog.register(Venue)
auditlog.register(Space, m2m_fields={"equipment", "allowed_organisations"})
auditlog.register(OpeningHours)
auditlog.register(OpeningException)
