from lampio.accounts.models import User
from lampio.core.audit import register_audited

# Grants of staff and network-admin rights are the changes auditors ask about first.
register_audited(
    User,
    include_fields=["is_active", "is_staff", "is_superuser", "is_network_admin", "deleted_at"],
)
