from auditlog.registry import auditlog

from lampio.accounts.models import User

# Grants of staff and network-admin rights are the changes auditors ask about first.
auditlog.register(
    User,
    include_fields=["is_active", "is_staff", "is_superuser", "is_network_admin", "deleted_at"],
)
