from lampio.core.audit import register_audited
from lampio.insights.models import MeasureSetting

# The network's publication choices are staff writes: who opened a measure as open data, or
# changed its threshold, is on record. Facts and runs are machine output and not audited.
register_audited(MeasureSetting, exclude_fields=["updated_at"])
