from lampio.core.audit import register_audited
from lampio.notifications.models import MessageTemplate

register_audited(MessageTemplate)
