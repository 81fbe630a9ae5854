"""The demo's payments: who sells, at which prices, who pays nothing, and a few orders.

Spaces are named by (city, venue slug, space slug) as in spaces_data_*.py; organisations by
(city, slug) as in organisations_data.py. The spaces' own prices (spaces_data_presets.py) are
their adult prices; the rules here add the other price groups and next season's price list.

Business IDs are made up but valid (their check digits computed as the Finnish Patent and
Registration Office does): a city's units share the city's ID, as they do in real life.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

SpaceKey = tuple[str, str, str]
OrganisationKey = tuple[str, str]

# One business ID per city: the city's culture services, libraries, music centres and schools
# are all units of the city.
CITY_BUSINESS_IDS: dict[str, str] = {
    "oulu": "0187412-1",
    "jyvaskyla": "0208347-9",
    "kuopio": "0171539-0",
    "lahti": "0152764-8",
    "turku": "0204915-8",
}

# Sellers that also take payment at the venue's info desk.
ON_SITE: set[OrganisationKey] = {
    ("oulu", "kulttuuripalvelut"),
    ("kuopio", "musiikkikeskus"),
    ("lahti", "kulttuuri"),
}
# Sellers whose invoices fall due later than the default 14 days.
INVOICE_DUE_DAYS: dict[OrganisationKey, int] = {("jyvaskyla", "kulttuuri"): 21}

# The price list in force all this year, and next season's, published ahead.
THIS_SEASON = date(2026, 1, 1)
NEXT_SEASON = date(2027, 1, 1)
COMPANY_VAT = "25.5"  # the cities charge VAT on rentals to companies; other groups are exempt


@dataclass(frozen=True)
class Rule:
    space: SpaceKey
    group: str  # adult, reduced, association, company
    amount: str  # euros per hour, VAT included
    valid_from: date = THIS_SEASON


_PIKISAARI_STUDIO = ("oulu", "kulttuuritalo-pikisaari", "studio")
_SATAMA_STUDIO = ("jyvaskyla", "kulttuuritalo-satama", "studio")

PRICE_RULES: list[Rule] = [
    # Oulu: the dance studio and the hall of the culture centre, a school gym.
    Rule(_PIKISAARI_STUDIO, "reduced", "15.00"),
    Rule(_PIKISAARI_STUDIO, "association", "12.00"),
    Rule(_PIKISAARI_STUDIO, "company", "40.00"),
    Rule(("oulu", "kulttuuritalo-pikisaari", "sali"), "association", "35.00"),
    Rule(("oulu", "kulttuuritalo-pikisaari", "sali"), "company", "90.00"),
    Rule(("oulu", "tuiran-koulu", "liikuntasali"), "association", "10.00"),
    # Jyväskylä, Kuopio, Lahti and Turku.
    Rule(_SATAMA_STUDIO, "reduced", "15.00"),
    Rule(_SATAMA_STUDIO, "association", "12.00"),
    Rule(("kuopio", "musiikkikeskus", "kaiku"), "reduced", "8.00"),
    Rule(("kuopio", "musiikkikeskus", "kaiku"), "association", "6.00"),
    Rule(("lahti", "vanha-paloasema", "studio"), "association", "12.00"),
    Rule(("lahti", "vanha-paloasema", "studio"), "company", "40.00"),
    Rule(("turku", "kulttuuritalo-aurajoki", "studio"), "reduced", "15.00"),
    Rule(("turku", "kulttuuritalo-aurajoki", "studio"), "association", "12.00"),
    # Next season: Oulu's dance studio and Jyväskylä's studio go up a little.
    Rule(_PIKISAARI_STUDIO, "adult", "27.00", NEXT_SEASON),
    Rule(_PIKISAARI_STUDIO, "reduced", "16.00", NEXT_SEASON),
    Rule(_PIKISAARI_STUDIO, "association", "13.00", NEXT_SEASON),
    Rule(_PIKISAARI_STUDIO, "company", "42.00", NEXT_SEASON),
    Rule(_SATAMA_STUDIO, "adult", "27.00", NEXT_SEASON),
    Rule(_SATAMA_STUDIO, "association", "13.00", NEXT_SEASON),
]

# Tuira school holds its culture lessons at Oulu's culture centre free of charge.
FREE_OF_CHARGE: list[tuple[OrganisationKey, OrganisationKey, SpaceKey, str]] = [
    (
        ("oulu", "kulttuuripalvelut"),
        ("oulu", "tuiran-koulu"),
        ("oulu", "kulttuuritalo-pikisaari", space),
        "Kulttuurikasvatussuunnitelma: koulun kulttuuritunnit maksutta.",
    )
    for space in ("studio", "keramiikkapaja", "sali")
]

# The contact person of Pohjoisen Tanssi ry, who books rehearsal time for the association and
# has it invoiced: (email, first name, last name, language, association, role).
ASSOCIATION_MEMBER = (
    "yhdistys@demo.lampio.fi",
    "Outi",
    "Rautio",
    "fi",
    ("oulu", "pohjoisen-tanssi"),
    "viewer",
)


@dataclass(frozen=True)
class Billing:
    name: str
    business_id: str
    address: str = ""
    postcode: str = ""
    city: str = ""
    email: str = ""
    einvoice_address: str = ""
    einvoice_operator: str = ""
    reference: str = ""


ASSOCIATION_BILLING: dict[OrganisationKey, Billing] = {
    ("oulu", "pohjoisen-tanssi"): Billing(
        name="Pohjoisen Tanssi ry",
        business_id="2468135-7",
        address="Kirkkokatu 14 B",
        postcode="90100",
        city="Oulu",
        email="rahastonhoitaja@pohjoisentanssi.example.fi",
        reference="Kevätnäytöksen harjoitukset",
    ),
}


@dataclass(frozen=True)
class DemoOrder:
    """One demo order and its booking. `days` from today (negative: in the past); the loader
    tries the next days too when the time is taken. `via_services`: booked and paid through
    the residents' own services (upcoming times); otherwise written as history."""

    reference: str  # fixed, so that a second run finds it ("DEM" marks demo orders)
    space: SpaceKey
    customer: str
    days: int
    hour: int
    hours: int
    state: str  # paid_online, invoiced, on_site, free, refunded, refund_failed
    purpose: str
    group: str = "adult"
    payer: OrganisationKey | None = None
    via_services: bool = False


ORDERS: list[DemoOrder] = [
    DemoOrder(
        "LDEM2K7PQA",
        _PIKISAARI_STUDIO,
        "laura.hakala@demo.lampio.fi",
        -3,
        17,
        2,
        "paid_online",
        "Tanssiharjoitus",
    ),
    DemoOrder(
        "LDEM3H8RTB",
        ("oulu", "kulttuuritalo-pikisaari", "keramiikkapaja"),
        "matti.koskinen@demo.lampio.fi",
        -2,
        18,
        2,
        "refunded",
        "Keramiikkailta ystäville",
    ),
    DemoOrder(
        "LDEM4J9SUC",
        ("oulu", "musiikkikeskus", "harjoitushuone-1"),
        "jari.pesonen@demo.lampio.fi",
        -1,
        19,
        2,
        "refund_failed",
        "Bändiharjoitus",
    ),
    DemoOrder(
        "LDEM5N2VWD",
        _PIKISAARI_STUDIO,
        "yhdistys@demo.lampio.fi",
        -6,
        18,
        2,
        "invoiced",
        "Kevätnäytöksen harjoitus",
        group="association",
        payer=("oulu", "pohjoisen-tanssi"),
    ),
    DemoOrder(
        "LDEM6P3XYE",
        _PIKISAARI_STUDIO,
        "yhdistys@demo.lampio.fi",
        9,
        18,
        2,
        "invoiced",
        "Kevätnäytöksen harjoitus",
        group="association",
        payer=("oulu", "pohjoisen-tanssi"),
        via_services=True,
    ),
    DemoOrder(
        "LDEM7Q4ZAF",
        ("oulu", "kulttuuritalo-pikisaari", "keramiikkapaja"),
        "opettaja.oulu@demo.lampio.fi",
        6,
        9,
        2,
        "free",
        "Koulun keramiikkatunti, 5B",
        group="company",
        payer=("oulu", "tuiran-koulu"),
        via_services=True,
    ),
    DemoOrder(
        "LDEM8R5BCG",
        ("lahti", "vanha-paloasema", "paja"),
        "invanare@demo.lampio.fi",
        4,
        17,
        2,
        "on_site",
        "Snickarkväll",
        via_services=True,
    ),
    DemoOrder(
        "LDEM9S6DEH",
        _SATAMA_STUDIO,
        "emilia.jarvinen@demo.lampio.fi",
        -2,
        16,
        2,
        "paid_online",
        "Joogaharjoitus",
        group="reduced",
    ),
]
