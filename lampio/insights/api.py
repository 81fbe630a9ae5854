"""Pooled statistics over HTTP: the measures a caller may see and one measure's table.

Every figure comes through the suppression layer (selectors.measure_result): a suppressed
cell has `value: null` and no count. Anonymous callers get only what the network publishes
as open data; staff choose a level (`organisation`, `municipality`, `network`) they may see.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja import Query as QueryParams

from lampio.accounts.api import Problem
from lampio.core.errors import InvalidInput, NotAuthenticated, NotFound, PermissionDenied
from lampio.insights import exports, selectors
from lampio.insights.forms import QueryForm
from lampio.insights.labels import dimension_label
from lampio.insights.measures import MEASURES
from lampio.insights.selectors import Level, Scope
from lampio.spaces.api import public_auth
from lampio.tenancy.models import Municipality, Organisation
from lampio.tenancy.permissions import Actor, has_any_role

router = Router(tags=["insights"])

LEVELS = "^(organisation|municipality|network|open)$"
ABOUT = (
    "Anonymous callers see only the measures the network publishes as open data. Staff "
    "choose `level`: `organisation` (with `organisation`, an id), `municipality` (with "
    "`municipality`, a slug), `network`, or `open`; without it, staff get `network` and "
    "others `open`. A cell whose group is smaller than the threshold is suppressed: its "
    "`value` and `n` are null. Ratios are percentages."
)


class ScopeParams(Schema):
    level: str = Field("", pattern=f"({LEVELS})|^$", description="Whose figures")
    municipality: str = Field("", description="A municipality's identifier, e.g. `oulu`")
    organisation: int | None = Field(None, description="An organisation's id")


class ResultParams(ScopeParams):
    by: str = Field("", description="One or two dimensions, comma-separated, e.g. `weekday,hour`")
    from_: str = Field("", alias="from", description="First month, YYYY-MM")
    to: str = Field("", description="Last month, YYYY-MM (default: the last full month)")


class MeasureOut(Schema):
    key: str
    title: str
    description: str
    kind: str
    unit: str
    group: str
    dimensions: list[str] = Field(description="The dimensions the caller may break it down by")
    dimension_labels: dict[str, str]
    threshold: int
    open_data: bool


class MeasureList(Schema):
    level: str
    measures: list[MeasureOut]


class ResultOut(Schema):
    measure: str
    title: str
    description: str
    kind: str
    unit: str
    level: str
    organisation: int | None
    municipality: str | None
    from_: str = Field(alias="from")
    to: str
    by: list[str]
    dimensions: dict[str, str]
    threshold: int
    rows: list[dict[str, Any]]
    totals: list[dict[str, Any]]


def _scope(actor: Actor, params: ScopeParams) -> Scope:
    """The scope asked for, refused with 401/403 when the caller may not see it."""
    level = params.level or (Level.NETWORK if has_any_role(actor) else Level.OPEN)
    if level == Level.ORGANISATION:
        organisation = (
            Organisation.objects.select_related("municipality")
            .filter(pk=params.organisation)
            .first()
            if params.organisation is not None
            else None
        )
        if organisation is None:
            raise InvalidInput(_("Choose an organisation."), field="organisation")
        scope = Scope(Level.ORGANISATION, organisation, organisation.municipality)
    elif level == Level.MUNICIPALITY:
        municipality = Municipality.objects.filter(slug=params.municipality).first()
        if municipality is None:
            raise InvalidInput(_("Choose a municipality."), field="municipality")
        scope = Scope(Level.MUNICIPALITY, municipality=municipality)
    else:
        scope = Scope(Level(level))
    if not selectors.may_view(actor, scope):
        if not actor.is_authenticated:
            raise NotAuthenticated()
        raise PermissionDenied()
    return scope


@router.get(
    "/insights/measures",
    auth=public_auth,
    response={200: MeasureList, 400: Problem, 401: Problem, 403: Problem},
    summary="The measures the caller may see, with the dimensions they can be broken down by",
    description=ABOUT,
)
def list_measures(request: HttpRequest, params: QueryParams[ScopeParams]) -> dict[str, Any]:
    actor = request.user
    scope = _scope(actor, params)
    published = selectors.open_data_keys()
    measures = []
    for measure in selectors.visible_measures(actor=actor, scope=scope):
        dimensions = selectors.allowed_dimensions(actor=actor, measure=measure, scope=scope)
        measures.append(
            {
                "key": measure.key,
                "title": str(measure.title),
                "description": str(measure.description),
                "kind": str(measure.kind),
                "unit": str(measure.unit),
                "group": measure.group,
                "dimensions": dimensions,
                "dimension_labels": {d: dimension_label(d) for d in dimensions},
                "threshold": selectors.threshold_for(measure),
                "open_data": measure.key in published,
            }
        )
    return {"level": str(scope.level), "measures": measures}


@router.get(
    "/insights/measures/{measure_key}",
    auth=public_auth,
    response={200: ResultOut, 400: Problem, 401: Problem, 403: Problem, 404: Problem},
    summary="One measure's figures over whole months, broken down by up to two dimensions",
    description=f"{ABOUT} `rows` holds the cells, `totals` the totals of each line and the grand "
    'total (a totalled dimension reads `"*"`). In the `network` and `open` levels, '
    "`municipality` narrows the figures to one municipality.",
    by_alias=True,
)
def measure_figures(
    request: HttpRequest, measure_key: str, params: QueryParams[ResultParams]
) -> dict[str, Any]:
    actor = request.user
    scope = _scope(actor, params)
    measure = MEASURES.get(measure_key)
    if measure is None or measure not in selectors.visible_measures(actor=actor, scope=scope):
        raise NotFound()
    data = QueryDict(mutable=True)
    data.setlist("by", [params.by] if params.by else [])
    data["from"], data["to"] = params.from_, params.to
    if scope.level in (Level.NETWORK, Level.OPEN):
        data["municipality"] = params.municipality
    form = QueryForm(data, actor=actor, scope=scope, measure=measure)
    query = form.query()
    if query is None:
        field, errors = next(iter(form.errors.items()))
        raise InvalidInput(str(errors[0]), field=field)
    return exports.result_json(selectors.measure_result(actor=actor, query=query))
