from auditlog.registry import auditlog

from lampio.seasons.models import Allocation, Application, ApplicationRound, PriorityClass

auditlog.register(ApplicationRound)
auditlog.register(PriorityClass)
auditlog.register(Application)
auditlog.register(Allocation)
