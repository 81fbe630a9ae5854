"""Words the intents listen for, in Finnish, Swedish and English, and the parsers of a question's
parameters: a day, a time range, a period, a place. Finnish words are matched by their start
(a stem), which covers inflected and compound forms: "saleja", "salivuoroja", "liikuntasalit".
A stem with a space is a phrase matched in the whole question ("meeting room").
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping

# --- Tokens -----------------------------------------------------------------------------------

_TOKEN = re.compile(r"[0-9a-zåäöéü]+(?:[:.'][0-9a-zåäöü]+)*", re.IGNORECASE)


class Words:
    """A question as lower-case tokens, with stem and phrase matching."""

    def __init__(self, question: str) -> None:
        self.text = " ".join(question.lower().split())
        self.tokens = [t.strip(".:'") for t in _TOKEN.findall(self.text)]
        self.joined = " " + " ".join(self.tokens) + " "

    def has(self, stems: Iterable[str]) -> bool:
        return any(self.match(stem) for stem in stems)

    def match(self, stem: str) -> bool:
        if " " in stem:
            return f" {stem}" in self.joined
        if stem.endswith("="):  # exact word only
            return stem[:-1] in self.tokens
        return any(token.startswith(stem) for token in self.tokens)

    def first(self, table: Mapping[str, Iterable[str]]) -> str | None:
        """The first key of `table` one of whose stems is in the question."""
        for key, stems in table.items():
            if self.has(stems):
                return key
        return None

    def starts_with(self, words: Iterable[str]) -> bool:
        return any(self.joined.startswith(f" {word} ") for word in words)


# --- Kinds of question ------------------------------------------------------------------------

# "How do I…", "where can I…": the knowledge base answers these, never live data.
HOW_TO_ANYWHERE = (
    "miten=", "kuinka=", "mistä=", "miksi=", "tarvitse", "hur=", "behöver", "how=", "how's=",
    "where=", "where's=", "why=", "do i", "need=",
)  # fmt: skip
HOW_TO_OPENERS = (
    "voinko", "voiko", "saako", "saanko", "pitääkö", "täytyykö", "kan", "får", "måste", "ska",
    "var", "can", "may", "do i", "should", "could", "is it possible",
)  # fmt: skip
# Slots freed by cancellation are the last-minute page's business (a knowledge entry).
FREED = (
    "vapautu", "peruuntu", "peruttu", "perutu", "viime het", "äkkilähtö", "avbokad", "blivit ledig",
    "sista minuten", "freed", "cancelled", "canceled", "last minute", "last-minute",
    # Being told when a taken slot frees up is the waitlist's and watches' business.
    "blir ledig", "becomes free", "becomes available", "frees up", "alert", "notif", "besked",
    "meddel", "ilmoit", "jono", "köa", "kö=", "waitlist", "queue", "bevaka", "seuraa", "watch",
    # The same time every week is a regular slot, not one day's free spaces.
    "joka=", "every", "varje", "säännöll", "regular", "viikoittain", "weekly",
)  # fmt: skip
FREE_SLOT = (
    "vapaa", "vapai", "varattavi", "ledig", "free=", "available", "vacant", "unbooked",
)  # fmt: skip
FREE_OF_CHARGE = ("free of charge", "maksuton", "maksutto", "ilmai", "gratis", "avgiftsfri")
# Vague periods: "in the next few days" is the last-minute page, not one day's free spaces.
VAGUE_PERIOD = (
    "lähipäiv", "lähiaik", "närmaste", "next few", "next couple", "coming days", "few days",
)  # fmt: skip
LISTING = (
    "mitä=", "mitkä=", "millaisia", "onko", "löytyykö", "tulossa", "tulevi", "tulevat", "listaa",
    "näytä", "vilka=", "vad=", "finns", "kommande", "visa=", "what=", "which=", "upcoming",
    "any=", "list=", "show=", "are there", "coming up", "what's", "whats",
)  # fmt: skip
# Doing something with an offering (enrol, order, cancel, publish, watch) is a how-to question.
OFFERING_ACTIONS = (
    "ilmoittau", "tilaa", "tilata", "tilaan", "peru", "julkai", "katso", "anmäl", "beställ",
    "avboka", "publicer", "titta", "enrol", "sign up", "register", "order", "cancel", "publish",
    "watch", "book=", "stream", "lähety", "lähetys", "sändning", "link", "länk", "online",
    "etä", "distans", "remote", "device", "laite", "laitte", "enhet",
    # Equipment of a space and regular slots are questions about spaces, not events.
    "flyygel", "flygel", "piano", "projekt", "videotyk", "mikrofon", "equipment", "utrustning",
    "joka=", "every", "varje", "säännöll", "regular", "viikoittain", "weekly",
)  # fmt: skip
# "Is the museum open on Sunday?" asks for opening hours (a knowledge entry), not a listing.
OPENING_HOURS = ("auki", "aukiolo", "avoinna", "öppe", "open=", "opening", "closed")
MY_BOOKING_FI = ("varaukseni", "varaustani", "varauksistani", "varaukseni", "vuoroni")
NEXT = ("seuraava", "tuleva", "milloin", "nästa", "kommande", "när=", "next", "upcoming", "when")
MY = ("min=", "mina=", "mitt=", "my=")
BOOKING_WORDS = ("bokning", "booking", "reservation")

# --- Spaces (values of lampio.spaces.models.SpaceType) ----------------------------------------

SPACE_TYPES: dict[str, tuple[str, ...]] = {
    "gym": (
        "liikuntasal", "kuntosal", "jumppasal", "palloilusal", "urheilusal", "salivuor",
        "gymnastiksal", "idrottssal", "idrottshall", "gym", "sports hall",
    ),
    "meeting_room": (
        "kokoushuon", "kokoustil", "neuvotteluhuon", "kokoushuo", "mötesrum", "konferensrum",
        "sammanträdesrum", "mötesrummet", "meeting room", "conference room",
    ),
    "music_room": (
        "musiikkihuon", "musiikkiluok", "bändikämp", "treenikämp", "musikrum", "replokal",
        "music room", "rehearsal room", "band room",
    ),
    "classroom": ("luokkahuon", "opetustil", "klassrum", "classroom"),
    "exhibition": ("näyttelytil", "utställningslokal", "exhibition space"),
    "studio": ("studio", "peilisal", "tanssisal", "spegelsal", "danssal", "dance studio"),
    "kitchen": ("keittiö", "opetuskeittiö", "kök", "kitchen"),
    "sauna": ("sauna", "bastu"),
    "workshop": ("verstas", "verstaa", "askartelupaj", "snickeri", "verkstadslokal"),
    "cabin": ("mökki", "mökke", "stuga", "stugor", "cabin"),
    "desk": ("työpiste", "etätyöpiste", "arbetsplats", "desk", "workstation", "coworking"),
    "outdoor": ("ulkoalue", "kenttä", "kentä", "kentt", "utomhus", "outdoor", "pitch", "field"),
    "hall": (
        "sali=", "salin=", "salia=", "salit=", "saleja", "saliin", "salissa", "juhlasal",
        "konserttisal", "sal=", "salar", "salen=", "salarna", "festsal", "hall=", "halls=",
    ),
}  # fmt: skip
ANY_SPACE = (
    "tila=", "tilan=", "tiloja", "tilat=", "tiloi", "lokal", "space=", "spaces=", "room=",
    "rooms=", "venue",
)  # fmt: skip

# --- Offerings (keys of the controlled keyword list, lampio/offerings/data/keywords.json) -----

OFFERING_KINDS: dict[str, tuple[str, ...]] = {
    "puppet-theatre": ("nukketeat", "dockteat", "puppet"),
    "community-singing": ("yhteislaul", "allsång", "sing-along", "singalong"),
    "family-events": ("perhetapaht", "familjeevenemang", "family event"),
    "guided-tours": ("opastettu", "opastetu", "opastuk", "kierrokse", "guidad", "guided tour"),
    "concerts": ("konsert", "concert", "keikk", "gig"),
    "exhibitions": ("näyttel", "utställning", "exhibition"),
    "workshops": ("työpaj", "verkstäder", "verkstad=", "workshop"),
    "theatre": ("teatter", "näytelm", "teater", "theatre", "theater", "plays="),
    "dance": ("tanssiesit", "tanssi", "dansföreställ", "dance"),
    "film": ("elokuv", "leffa", "film", "movie", "cinema"),
    "lectures": ("luento", "luennot", "luennoi", "föreläsning", "lecture", "talks="),
    "circus": ("sirku", "cirkus", "circus"),
    "opera": ("ooppera", "opera"),
    "jazz": ("jazz",),
    "choirs": ("kuoro", "körsång", "choir"),
    "storytelling": ("satutun", "sagostund", "storytell", "story time"),
    "festivals": ("festivaal", "festival"),
    "poetry": ("runo", "poesi", "poetry"),
}  # fmt: skip
AUDIENCES: dict[str, tuple[str, ...]] = {
    "children": ("lapsi", "lasten", "lapsen", "lapsil", "lapset", "barn", "child", "kids", "kid="),
    "youth": ("nuori", "nuoril", "nuorten", "ungdom", "unga=", "youth", "teen", "young"),
    "older_people": (
        "ikäihmi", "ikääntyn", "seniori", "vanhuk", "äldre", "senior", "older", "elderly",
    ),
    "adults": ("aikuis", "vuxna", "vuxen", "adult"),
}  # fmt: skip
OFFERING_LANGUAGES: dict[str, tuple[str, ...]] = {
    "sv": ("ruotsiksi", "ruotsinkiel", "på svenska", "svenskspråkig", "in swedish"),
    "en": ("englanniksi", "englanninkiel", "på engelska", "in english", "english-language"),
    "fi": ("suomeksi", "suomenkiel", "på finska", "in finnish"),
}

# --- Days and periods -------------------------------------------------------------------------

RELATIVE_DAYS: dict[int, tuple[str, ...]] = {
    2: ("ylihuome", "övermorgon", "day after tomorrow"),
    1: ("huomenna", "huomise", "huominen", "imorgon", "i morgon", "tomorrow"),
    0: ("tänään", "tänä iltana", "idag", "i dag", "i kväll", "ikväll", "today", "tonight"),
}
WEEKDAYS: tuple[tuple[str, ...], ...] = (
    ("maanantai", "måndag", "monday"),
    ("tiistai", "tisdag", "tuesday"),
    ("keskiviikko", "onsdag", "wednesday"),
    ("torstai", "torsdag", "thursday"),
    ("perjantai", "fredag", "friday"),
    ("lauantai", "lördag", "saturday"),
    ("sunnuntai", "söndag", "sunday"),
)
FINNISH_WEEKDAY_ABBREVIATIONS = ("ma=", "ti=", "ke=", "to=", "pe=", "la=", "su=")
NEXT_WEEK = ("ensi viiko", "ensi viikon", "nästa vecka", "next week")
THIS_WEEK = ("tällä viiko", "tämän viiko", "den här veckan", "denna vecka", "this week")
WEEKEND = ("viikonlop", "helgen", "weekend")
MONTHS: tuple[tuple[str, ...], ...] = (
    ("tammikuu", "i januari", "in january"),
    ("helmikuu", "i februari", "in february"),
    ("maaliskuu", "i mars", "in march"),
    ("huhtikuu", "i april", "in april"),
    ("toukokuu", "i maj", "in may"),
    ("kesäkuu", "i juni", "in june"),
    ("heinäkuu", "i juli", "in july"),
    ("elokuu", "i augusti", "in august"),
    ("syyskuu", "i september", "in september"),
    ("lokakuu", "i oktober", "in october"),
    ("marraskuu", "i november", "in november"),
    ("joulukuu", "i december", "in december"),
)
_DATE = re.compile(r"(?<![\d:.])(\d{1,2})\.(\d{1,2})\.(\d{4})?(?![\d])|(\d{4})-(\d{2})-(\d{2})")
_TIME_RANGE = re.compile(
    r"(?:klo|kl\.?|kello|at|from|mellan|between)\s*(\d{1,2})(?:[:.](\d{2}))?\s*"
    r"(?:-|–|to|till|until|and|och)\s*(\d{1,2})(?:[:.](\d{2}))?"
)


def _weekday_index(words: Words, language: str) -> int | None:
    for index, names in enumerate(WEEKDAYS):
        if words.has(names):
            return index
    if language == "fi":
        for index, abbreviation in enumerate(FINNISH_WEEKDAY_ABBREVIATIONS):
            if words.match(abbreviation):
                return index
    return None


def parse_date(words: Words, today: datetime.date) -> datetime.date | None:
    match = _DATE.search(words.text)
    if match is None:
        return None
    try:
        if match.group(4):
            return datetime.date(int(match.group(4)), int(match.group(5)), int(match.group(6)))
        day, month = int(match.group(1)), int(match.group(2))
        year = int(match.group(3)) if match.group(3) else today.year
        found = datetime.date(year, month, day)
    except ValueError:
        return None
    # "24.11." in December means next year's.
    return found if match.group(3) or found >= today else found.replace(year=today.year + 1)


def parse_day(words: Words, language: str, today: datetime.date) -> datetime.date | None:
    """One specific day the question names, or None."""
    for offset, stems in RELATIVE_DAYS.items():
        if words.has(stems):
            return today + datetime.timedelta(days=offset)
    dated = parse_date(words, today)
    if dated is not None:
        return dated
    weekday = _weekday_index(words, language)
    if weekday is None:
        return None
    ahead = (weekday - today.weekday()) % 7
    if ahead == 0 and words.has(("ensi", "nästa", "next")):
        ahead = 7
    return today + datetime.timedelta(days=ahead)


def parse_time_range(words: Words) -> tuple[datetime.time, datetime.time] | None:
    match = _TIME_RANGE.search(words.text)
    if match is None:
        return None
    try:
        start = datetime.time(int(match.group(1)), int(match.group(2) or 0))
        end = datetime.time(int(match.group(3)) % 24, int(match.group(4) or 0))
    except ValueError:
        return None
    return (start, end) if end > start else None


def parse_period(
    words: Words, language: str, today: datetime.date
) -> tuple[datetime.date, datetime.date] | None:
    """The days (first, last) a listing question asks about, or None for "upcoming"."""
    monday = today - datetime.timedelta(days=today.weekday())
    if words.has(NEXT_WEEK):
        return monday + datetime.timedelta(days=7), monday + datetime.timedelta(days=13)
    if words.has(WEEKEND):
        saturday = monday + datetime.timedelta(days=5)
        return max(saturday, today), saturday + datetime.timedelta(days=1)
    if words.has(THIS_WEEK):
        return today, monday + datetime.timedelta(days=6)
    for index, names in enumerate(MONTHS):
        if words.has(names):
            year = today.year if index + 1 >= today.month else today.year + 1
            first = datetime.date(year, index + 1, 1)
            following = datetime.date(year + (index == 11), (index + 1) % 12 + 1, 1)
            return max(first, today), following - datetime.timedelta(days=1)
    day = parse_day(words, language, today)
    return (day, day) if day is not None else None


# --- Places -----------------------------------------------------------------------------------

# Finnish base name → the forms people write: locative, genitive, Swedish and English names.
# Cities outside this table get generated forms (name + ssa/ssä, lla/llä, n).
PLACE_FORMS: dict[str, tuple[str, ...]] = {
    "helsinki": ("helsingissä", "helsingin", "helsingfors"),
    "espoo": ("espoossa", "espoon", "esbo"),
    "vantaa": ("vantaalla", "vantaan", "vanda"),
    "tampere": ("tampereella", "tampereen", "tammerfors"),
    "turku": ("turussa", "turun", "åbo", "åbos"),
    "oulu": ("oulussa", "oulun", "uleåborg", "uleåborgs"),
    "jyväskylä": ("jyväskylässä", "jyväskylän", "jyväskyläs"),
    "kuopio": ("kuopiossa", "kuopion", "kuopios"),
    "lahti": ("lahdessa", "lahden", "lahtis"),
    "pori": ("porissa", "porin", "björneborg"),
    "vaasa": ("vaasassa", "vaasan", "vasa"),
    "joensuu": ("joensuussa", "joensuun"),
    "lappeenranta": ("lappeenrannassa", "lappeenrannan", "villmanstrand"),
    "hämeenlinna": ("hämeenlinnassa", "hämeenlinnan", "tavastehus"),
    "rovaniemi": ("rovaniemellä", "rovaniemen"),
    "seinäjoki": ("seinäjoella", "seinäjoen"),
    "kotka": ("kotkassa", "kotkan"),
    "mikkeli": ("mikkelissä", "mikkelin", "s:t michel"),
    "porvoo": ("porvoossa", "porvoon", "borgå"),
}


def generated_forms(name: str) -> set[str]:
    base = name.lower()
    back = any(vowel in base for vowel in "aou")
    a = "a" if back else "ä"
    return {base, f"{base}ss{a}", f"{base}ll{a}", f"{base}n"}


def place_forms(*names: str) -> set[str]:
    """Every written form of a city with these names (Finnish first)."""
    forms: set[str] = set()
    for name in names:
        if name:
            forms |= generated_forms(name)
    forms |= set(PLACE_FORMS.get(names[0].lower(), ()))
    return forms


def named_place(words: Words, places: Mapping[str, set[str]]) -> str | None:
    """The key of `places` whose forms appear in the question."""
    for key, forms in places.items():
        if any(form in words.tokens or f" {form} " in words.joined for form in forms):
            return key
    return None
