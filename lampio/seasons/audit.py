from lampio.core.audit import register_audited
from lampio.seasons.models import Allocation, Application, ApplicationRound, PriorityClass

register_audited(ApplicationRound)
register_audited(PriorityClass)
register_audited(Application)
register_audited(Allocation)
