from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema

from lampio.tenancy import selectors
from lampio.tenancy.models import Membership, Municipality, Organisation

router = Router(tags=["municipalities and organisations"])


class MunicipalityOut(Schema):
    slug: str
    name: str
    name_fi: str
    name_sv: str | None
    name_en: str | None


class OrganisationOut(Schema):
    slug: str
    municipality: str
    name: str
    kind: str
    website: str

    @staticmethod
    def resolve_municipality(obj: Organisation) -> str:
        return obj.municipality.slug


class MembershipOut(Schema):
    organisation: str
    municipality: str
    role: str

    @staticmethod
    def resolve_organisation(obj: Membership) -> str:
        return obj.organisation.slug

    @staticmethod
    def resolve_municipality(obj: Membership) -> str:
        return obj.organisation.municipality.slug


@router.get(
    "/municipalities",
    auth=None,
    response=list[MunicipalityOut],
    summary="Municipalities of the city network",
)
def list_municipalities(request: HttpRequest) -> QuerySet[Municipality]:
    return selectors.municipalities()


@router.get(
    "/organisations",
    auth=None,
    response=list[OrganisationOut],
    summary="Active organisations, optionally of one municipality",
)
def list_organisations(
    request: HttpRequest, municipality: str | None = None
) -> QuerySet[Organisation]:
    city = selectors.municipality_by_slug(municipality) if municipality else None
    if municipality and city is None:
        return Organisation.objects.none()
    return selectors.public_organisations(municipality=city)


@router.get(
    "/me/memberships",
    response=list[MembershipOut],
    summary="The logged-in person's organisations and roles",
)
def my_memberships(request: HttpRequest) -> QuerySet[Membership]:
    return selectors.memberships_of(actor=request.user)
