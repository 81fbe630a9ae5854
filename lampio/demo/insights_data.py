"""What a year of the demo network looks like to the insights dashboards (see insights.py).

The cities differ on purpose, as real ones do: how busy their spaces are, how often bookers
cancel or stay away, how fast they answer feedback and how satisfied their visitors are. A few
groups are deliberately small (a museum with two or three survey answers in a month, a rare age
group) so the dashboards show suppression at work.
"""

from __future__ import annotations

from dataclasses import dataclass

# How many months of history the demo holds before the current one.
HISTORY_MONTHS = 12


@dataclass(frozen=True)
class CityProfile:
    shows_up: float  # share of a space's weekly regulars who book in an ordinary week
    cancel: float  # share of bookings cancelled before the day
    no_show: float  # share of confirmed bookings staff mark as not used
    fill: float  # typical share of an occurrence's seats taken
    satisfaction: float  # mean overall rating in the visitor survey (1–5)
    responses: int  # visitor survey answers a month across the city's institutions
    feedback: int  # feedback messages a month to each answering organisation
    answer_days: float  # mean days to the first answer to feedback
    waitlist: int  # waitlist entries a month across the city's busiest spaces


CITIES: dict[str, CityProfile] = {
    "oulu": CityProfile(0.86, 0.04, 0.03, 0.78, 4.3, 120, 14, 2.5, 14),
    "jyvaskyla": CityProfile(0.80, 0.05, 0.05, 0.71, 4.1, 95, 12, 4.0, 9),
    "kuopio": CityProfile(0.83, 0.03, 0.04, 0.83, 4.4, 85, 10, 3.0, 11),
    "lahti": CityProfile(0.68, 0.08, 0.07, 0.62, 3.8, 75, 16, 8.5, 5),
    "turku": CityProfile(0.90, 0.05, 0.025, 0.74, 4.2, 65, 14, 5.0, 16),
}

# Seasons: the summer break empties the spaces, December's holidays too; autumn is busiest.
MONTH_FACTOR = {
    1: 0.95,
    2: 1.0,
    3: 1.0,
    4: 0.95,
    5: 0.85,
    6: 0.5,
    7: 0.3,
    8: 0.75,
    9: 1.05,
    10: 1.05,
    11: 1.0,
    12: 0.7,
}

# Days the spaces stand empty although open hours say otherwise: public holidays (month, day).
HOLIDAYS = {(1, 1), (1, 6), (5, 1), (6, 20), (6, 21), (12, 6), (12, 24), (12, 25), (12, 26)}

# Which institutions collect visitor survey answers, with their share of the city's answers.
# The art museum in Oulu is the deliberately small one: two or three answers some months.
SURVEY_SITES: dict[str, list[tuple[str, float]]] = {
    "oulu": [("kaupunginkirjasto", 0.55), ("kulttuuripalvelut", 0.42), ("taidemuseo", 0.03)],
    "jyvaskyla": [("kulttuuri", 0.6), ("sinfonia", 0.4)],
    "kuopio": [("kulttuuripalvelut", 0.45), ("musiikkikeskus", 0.55)],
    "lahti": [("kaupunginkirjasto", 0.6), ("kulttuuri", 0.4)],
    "turku": [("kulttuuri", 1.0)],
}
SMALL_SITE = ("oulu", "taidemuseo")

# Age groups of visitors (weights); "" is "prefer not to say". Under-18s rarely answer.
AGE_GROUPS = [
    ("under-18", 0.02),
    ("18-29", 0.12),
    ("30-44", 0.2),
    ("45-64", 0.3),
    ("65-74", 0.2),
    ("75-plus", 0.1),
    ("", 0.06),
]
# Where visitors live: mostly the city itself, some from the network's other cities or
# elsewhere, a few prefer not to say.
HOME_OWN, HOME_NETWORK, HOME_OTHER = 0.78, 0.06, 0.1
SURVEY_LANGUAGES = {"turku": [("fi", 0.8), ("sv", 0.17), ("en", 0.03)]}
DEFAULT_LANGUAGES = [("fi", 0.93), ("sv", 0.03), ("en", 0.04)]
SURVEY_CONTEXTS = [("visit", 0.55), ("booking", 0.2), ("enrolment", 0.2), ("session", 0.05)]

# Feedback goes to the organisations that answer it (the feedback demo's routing).
FEEDBACK_ORGANISATIONS: dict[str, list[str]] = {
    "oulu": ["kulttuuripalvelut", "kaupunginkirjasto"],
    "jyvaskyla": ["kulttuuri"],
    "kuopio": ["kulttuuripalvelut", "musiikkikeskus"],
    "lahti": ["kulttuuri", "kaupunginkirjasto"],
    "turku": ["kulttuuri"],
}
FEEDBACK_CATEGORIES = ["spaces", "bookings", "events", "praise", "other"]
# Short past messages (fi, sv); the texts do not matter to the figures, only their number.
FEEDBACK_TEXTS = [
    ("Salin ilmanvaihto oli illalla heikko.", "Ventilationen i salen var svag på kvällen."),
    ("Kiitos hienosta konsertista!", "Tack för en fin konsert!"),
    (
        "Varausvahvistus tuli vasta seuraavana päivänä.",
        "Bokningsbekräftelsen kom först dagen efter.",
    ),
    ("Ovikoodi ei toiminut heti.", "Dörrkoden fungerade inte genast."),
    (
        "Lisää iltapäivän vuoroja lapsiperheille, kiitos.",
        "Fler eftermiddagstider för barnfamiljer.",
    ),
    ("Opasteet liikuntasaliin olivat epäselvät.", "Skyltningen till idrottssalen var otydlig."),
]

# Shown as open data from the start; a network admin can change this on the settings page.
OPEN_DATA_MEASURES = ["space_utilisation", "bookings", "enrolments", "fill_rate", "satisfaction"]
