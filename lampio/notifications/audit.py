from auditlog.registry import auditlog

from lampio.notifications.models import MessageTemplate

auditlog.register(MessageTemplate)
