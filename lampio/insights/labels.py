"""Names people read for dimensions and their values, in the active language."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import date

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lampio.insights.suppression import ALL
from lampio.offerings.models import Audience, Format, Keyword, Offering
from lampio.spaces.models import Space, SpaceType, Venue, Weekday
from lampio.surveys.models import AgeGroup
from lampio.tenancy.models import Municipality, Organisation

DIMENSIONS = {
    "month": gettext_lazy("Month"),
    "municipality": gettext_lazy("Municipality"),
    "organisation": gettext_lazy("Organisation"),
    "venue": gettext_lazy("Venue"),
    "space": gettext_lazy("Space"),
    "space_type": gettext_lazy("Space type"),
    "weekday": gettext_lazy("Weekday"),
    "hour": gettext_lazy("Hour"),
    "offering": gettext_lazy("Offering"),
    "category": gettext_lazy("Category"),
    "audience": gettext_lazy("Audience"),
    "format": gettext_lazy("Format"),
    "age_group": gettext_lazy("Age group"),
    "home_municipality": gettext_lazy("Home municipality"),
}

_MODELS = {
    "municipality": Municipality,
    "organisation": Organisation,
    "venue": Venue,
    "space": Space,
    "offering": Offering,
}
_CHOICES = {
    "space_type": SpaceType,
    "weekday": Weekday,
    "audience": Audience,
    "format": Format,
    "age_group": AgeGroup,
}


def dimension_label(dimension: str) -> str:
    return str(DIMENSIONS.get(dimension, dimension))


def value_labels(dimension: str, values: Iterable[Hashable]) -> dict[Hashable, str]:
    """A label for each value of `dimension`; totals read "All" and blanks "Not known"."""
    wanted = set(values)
    labels: dict[Hashable, str] = {ALL: _("All")}
    present = wanted - {ALL, None, ""}
    labels[None] = labels[""] = _("Not known")
    if dimension in _MODELS:
        labels.update(
            {obj.pk: str(obj) for obj in _MODELS[dimension]._default_manager.filter(pk__in=present)}
        )
    elif dimension in _CHOICES:
        names = dict(_CHOICES[dimension].choices)
        labels.update({v: str(names.get(v, v)) for v in present})
    elif dimension == "category":
        keywords = dict(Keyword.objects.filter(key__in=present).values_list("key", "name"))
        labels.update({v: keywords.get(str(v), str(v)) for v in present})
    elif dimension == "home_municipality":
        towns = dict(Municipality.objects.filter(slug__in=present).values_list("slug", "name"))
        labels.update({v: towns.get(str(v), _("Elsewhere")) for v in present})
    elif dimension == "month":
        labels.update({v: _month(v) for v in present if isinstance(v, date)})
    elif dimension == "hour":
        labels.update({v: f"{int(str(v)):02d}–{int(str(v)) + 1:02d}" for v in present})
    for value in present - labels.keys():
        labels[value] = str(value)
    return labels


def _month(value: date) -> str:
    return formats.date_format(value, "YEAR_MONTH_FORMAT")
