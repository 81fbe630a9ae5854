"""Who takes part in the demo's digital sessions, and what they say: the senior demo user,
enrolments, care units' orders, the live session's chat, feedback, a recording and packages.

Times are named, not dated: "live" (started ten minutes before loading), "ended" (earlier
today), "today" (later today), "tomorrow" (tomorrow's streamed concert at 14:00) or a number:
which of the offering's upcoming times, 0 being the next one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lampio.demo.spaces_data import Text

Which = str | int

# The times placed relative to the loading moment (see digital.py).
LIVE = "oulu-olohuonekonsertti"
ENDED = "jyvaskyla-laulataan-yhdessa"
# (offering key, minutes from now to the start, rounded up to the quarter hour)
LATER_TODAY: list[tuple[str, int]] = [
    ("jyvaskyla-klarinettikvintetti", 60),
    ("kuopio-jazz-paivakahville", 150),
    ("lahti-iltalaulut", 240),
]
TOMORROW_CONCERT = ("oulu-haitarikonsertti", "14:00")

# (email, first name, last name, language); logs in with the demo password.
SENIOR = ("seniori@demo.lampio.fi", "Helmi", "Koivisto", "fi")

# (offering key, which time, email, seats)
ENROLMENTS: list[tuple[str, Which, str, int]] = [
    ("oulu-olohuonekonsertti", "live", "seniori@demo.lampio.fi", 1),
    ("oulu-olohuonekonsertti", "live", "asukas@demo.lampio.fi", 2),
    ("oulu-olohuonekonsertti", "live", "laura.hakala@demo.lampio.fi", 1),
    ("oulu-olohuonekonsertti", "live", "matti.koskinen@demo.lampio.fi", 2),
    ("oulu-olohuonekonsertti", "live", "jari.pesonen@demo.lampio.fi", 1),
    ("oulu-olohuonekonsertti", "live", "juha.lehtonen@demo.lampio.fi", 1),
    ("oulu-olohuonekonsertti", "live", "pekka.turunen@demo.lampio.fi", 1),
    ("oulu-olohuonekonsertti", "live", "ville.heino@demo.lampio.fi", 2),
    ("oulu-haitarikonsertti", "tomorrow", "seniori@demo.lampio.fi", 1),
    ("oulu-haitarikonsertti", "tomorrow", "asukas@demo.lampio.fi", 1),
    ("oulu-haitarikonsertti", "tomorrow", "laura.hakala@demo.lampio.fi", 2),
    ("oulu-haitarikonsertti", "tomorrow", "sofia.hyvonen@demo.lampio.fi", 1),
    ("jyvaskyla-laulataan-yhdessa", "ended", "juha.lehtonen@demo.lampio.fi", 1),
    ("jyvaskyla-laulataan-yhdessa", "ended", "emilia.jarvinen@demo.lampio.fi", 2),
    ("jyvaskyla-laulataan-yhdessa", "ended", "tiina.manninen@demo.lampio.fi", 1),
    ("jyvaskyla-laulataan-yhdessa", 0, "tiina.manninen@demo.lampio.fi", 1),
    ("jyvaskyla-klarinettikvintetti", "today", "emilia.jarvinen@demo.lampio.fi", 1),
    ("jyvaskyla-klarinettikvintetti", "today", "juha.lehtonen@demo.lampio.fi", 2),
    ("lahti-iltalaulut", "today", "ville.heino@demo.lampio.fi", 1),
    ("lahti-iltalaulut", "today", "kimmo.saarinen@demo.lampio.fi", 2),
    ("oulu-runolukuhetki", 0, "asukas@demo.lampio.fi", 1),
    ("oulu-runolukuhetki", 0, "seniori@demo.lampio.fi", 1),
    ("kuopio-aamujumppa", 0, "pekka.turunen@demo.lampio.fi", 1),
    ("kuopio-maalaustuokio", 0, "sofia.hyvonen@demo.lampio.fi", 1),
    ("kuopio-maalaustuokio", 0, "heikki.karjalainen@demo.lampio.fi", 1),
    ("lahti-lukupiiri-verkossa", 0, "ville.heino@demo.lampio.fi", 1),
    ("lahti-lukupiiri-verkossa", 0, "anna.ekholm@demo.lampio.fi", 1),
    ("turku-allsang", 0, "invanare@demo.lampio.fi", 1),
    ("turku-allsang", 0, "johan.sundqvist@demo.lampio.fi", 1),
]


@dataclass(frozen=True)
class DigitalOrder:
    """A care unit's accepted order of one time, placed by its care staff."""

    offering: str
    which: Which
    unit: tuple[str, str]
    ordered_by: str
    group_size: int
    accompanying_staff: int
    message: str
    from_package: bool = False  # paid from the unit's season package


KOSKELA = ("oulu", "koskelan-palvelukoti")
ORDERS: list[DigitalOrder] = [
    DigitalOrder("oulu-olohuonekonsertti", "live", KOSKELA, "hoiva@demo.lampio.fi", 18, 3,
                 "Katsomme konsertin päiväsalin isolta näytöltä."),
    DigitalOrder("oulu-haitarikonsertti", "tomorrow", KOSKELA, "hoiva@demo.lampio.fi", 20, 3,
                 "Asukkaat toivovat tangoja; laulamme mukana."),
    DigitalOrder("oulu-istumatanssi", 0, KOSKELA, "hoiva@demo.lampio.fi", 12, 2,
                 "Osa tanssii pyörätuolissa."),
    DigitalOrder("kuopio-jazz-paivakahville", 0, KOSKELA, "hoiva@demo.lampio.fi", 15, 2,
                 "Päiväkahvi katetaan konsertin ajaksi.", from_package=True),
    DigitalOrder("kuopio-jazz-paivakahville", 1, KOSKELA, "hoiva@demo.lampio.fi", 15, 2,
                 "Sama porukka kuin viimeksi.", from_package=True),
    DigitalOrder("oulu-olohuonekonsertti", "live", ("lahti", "jalkarannan-hoivakoti"),
                 "hoiva.lahti@demo.lampio.fi", 16, 2, "Kuuntelemme ruokasalissa."),
    DigitalOrder("lahti-julistemuseo", 0, ("lahti", "jalkarannan-hoivakoti"),
                 "hoiva.lahti@demo.lampio.fi", 10, 2, "Muistelutuokio ryhmäkodissa."),
    DigitalOrder("jyvaskyla-laulataan-yhdessa", 0, ("jyvaskyla", "kotirinne"),
                 "hoiva.jyvaskyla@demo.lampio.fi", 22, 3, "Laulamme päiväsalissa."),
    DigitalOrder("jyvaskyla-kuunnelma", 0, ("jyvaskyla", "kotirinne"),
                 "hoiva.jyvaskyla@demo.lampio.fi", 14, 2, "Kuuntelemme kahvin kanssa."),
    DigitalOrder("kuopio-aamujumppa", 0, ("kuopio", "harjulan-palvelutalo"),
                 "hoiva.kuopio@demo.lampio.fi", 12, 2, "Jumppaamme päiväsalissa."),
    DigitalOrder("kuopio-korttelimuseo-etana", 0, ("kuopio", "harjulan-palvelutalo"),
                 "hoiva.kuopio@demo.lampio.fi", 9, 2, "Toivomme lähikuvia keittiöstä."),
    DigitalOrder("turku-allsang", 0, ("turku", "aurajoen-seniorit"),
                 "vard.turku@demo.lampio.fi", 11, 2, "Vi sjunger med i dagrummet."),
]  # fmt: skip

# The live session's chat: (minutes ago, author's email, name shown or "", question?, text).
# A question marked answered was answered a minute later; one message was hidden by the
# moderator (the provider's staff).
CHAT: list[tuple[int, str, str, bool, str]] = [
    (9, "laura.hakala@demo.lampio.fi", "Laura", False,
     "Hyvää päivää kaikille! Ääni kuuluu hyvin."),
    (8, "matti.koskinen@demo.lampio.fi", "Matti K.", False,
     "Ihana kuulla elävää musiikkia kotisohvalta."),
    (7, "hoiva@demo.lampio.fi", "Koskelan palvelukoti", False,
     "Terveisiä Koskelan palvelukodin päiväsalista! Meitä on täällä kahdeksantoista."),
    (6, "jari.pesonen@demo.lampio.fi", "", True,
     "Mikä oli toinen kappale? Se oli niin kaunis."),
    (5, "juha.lehtonen@demo.lampio.fi", "Juha", False, "Sellon ääni on upea."),
    (4, "asukas@demo.lampio.fi", "Aino", True,
     "Voisitteko soittaa lopuksi vielä jotain Kuulalta?"),
    (3, "pekka.turunen@demo.lampio.fi", "", False, "Taputin jo kolme kertaa!"),
    (2, "ville.heino@demo.lampio.fi", "Ville", False,
     "Terveisiä Lahdesta, täällä kuunnellaan äidin kanssa."),
    (1, "seniori@demo.lampio.fi", "Helmi", False,
     "Ensimmäistä kertaa mukana, ja hyvin onnistui!"),
]  # fmt: skip
ANSWERED = "Mikä oli toinen kappale? Se oli niin kaunis."
HIDDEN = (3, "jari.pesonen@demo.lampio.fi", "Myyn kuulolaitteita halvalla, soita minulle!")

# Anonymous feedback on the session that ended earlier today: (smiley 1–5, free answer).
FEEDBACK: list[tuple[int, str]] = [
    (5, "Ihana laulutuokio, lauloimme koko päiväsalin voimin."),
    (5, "Sanat näkyivät hyvin isolta ruudulta."),
    (4, "Kalliolle kukkulalle oli paras. Lisää tällaista!"),
    (5, ""),
    (3, "Ääni katkesi pari kertaa, muuten hyvä."),
    (4, "Mukavaa, että sai laulaa kotona."),
    (5, "Kiitos laulattajalle, hän oli lämmin ja selkeä."),
    (4, ""),
]

# The recording of the sing-along, with Finnish captions and a transcript.
CAPTIONS = Path(__file__).with_name("data") / "laulataan-yhdessa.fi.vtt"
RECORDING_URL = "https://striimi.example.fi/laulataan-yhdessa/tallenne/index.m3u8"
TRANSCRIPT = """\
Raija: Hyvää päivää ja tervetuloa laulamaan! Minä olen Raija, ja pianon ääressä on Tapio.
Sanat näkyvät ruudulla isolla. Laulakaa niin kuin hyvältä tuntuu.

Raija: Aloitetaan tutulla laululla: Kalliolle kukkulalle.
[Yhteislaulua: Kalliolle kukkulalle]

Raija: Kiitos! Kuulin, että päiväsaleissa laulettiin oikein kovaa. Seuraavaksi Karjalan
kunnailla. Se on valssi, joten tuolissa saa keinua.
[Yhteislaulua: Karjalan kunnailla]

Raija: Viimeisenä laulamme yhdessä Kotimaani ompi Suomi.
[Yhteislaulua: Kotimaani ompi Suomi]

Raija: Kiitos, että lauloitte kanssamme. Nähdään taas ensi viikolla!
"""


# --- Season packages -----------------------------------------------------------------------------

# (municipality, provider, sessions, price, (name fi, sv, en) after the season, description)
PLANS: list[tuple[str, str, int, str, Text, Text]] = [
    ("kuopio", "musiikkikeskus", 10, "360.00",
     ("10 konserttia hoivakoteihin", "10 konserter för vårdhem", "10 concerts for care homes"),
     ("Kymmenen striimattua konserttia kauden aikana; hoivakoti valitsee ajat itse.",
      "Tio strömmade konserter under säsongen; vårdhemmet väljer själv tiderna.",
      "Ten streamed concerts during the season; the care home picks the times.")),
    ("jyvaskyla", "teatteri-kuiskaus", 6, "300.00",
     ("6 kuunnelmaa hoivakoteihin", "6 hörspel för vårdhem", "6 radio plays for care homes"),
     ("Kuusi kuunnelmahetkeä kauden aikana, näyttelijät mukana keskustelussa.",
      "Sex hörspelsstunder under säsongen, med skådespelarna i chatten.",
      "Six radio-play sessions during the season, with the actors in the chat.")),
]  # fmt: skip
# Koskela care home has bought the Kuopio Music Centre's package and used two sessions.
PACKAGE_BUYER = (KOSKELA, "hoiva@demo.lampio.fi", ("kuopio", "musiikkikeskus"))


def season(today: date) -> tuple[Text, date, date]:
    """The season `today` falls in: its names in three languages, first and last day."""
    year = today.year
    if today.month >= 8:
        return (
            (f"Syksy {year}", f"Hösten {year}", f"Autumn {year}"),
            date(year, 8, 1),
            date(year, 12, 31),
        )
    if today.month <= 5:
        return (
            (f"Kevät {year}", f"Våren {year}", f"Spring {year}"),
            date(year, 1, 1),
            date(year, 5, 31),
        )
    return (
        (f"Kesä {year}", f"Sommaren {year}", f"Summer {year}"),
        date(year, 6, 1),
        date(year, 7, 31),
    )
