from lampio.core.audit import register_audited
from lampio.tenancy.models import Membership, Municipality, Organisation

register_audited(Municipality)
register_audited(Organisation)
register_audited(Membership)
