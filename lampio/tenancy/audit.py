from auditlog.registry import auditlog

from lampio.tenancy.models import Membership, Municipality, Organisation

auditlog.register(Municipality)
auditlog.register(Organisation)
auditlog.register(Membership)
