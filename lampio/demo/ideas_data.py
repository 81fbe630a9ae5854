"""The demo's ideas data: strategy themes, routing profiles, boards, campaigns and filtered words.

The ideas themselves are the labelled set in lampio/ideas/seed/labelled_ideas.yaml: its train
split becomes the demo's confirmed ideas, its test split measures the router.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

LABELLED_IDEAS = Path(__file__).resolve().parent.parent / "ideas" / "seed" / "labelled_ideas.yaml"

Three = tuple[str, str, str]  # fi, sv, en


@dataclass(frozen=True)
class DemoTheme:
    slug: str
    name: Three
    description: Three
    keywords: Three
    municipality: str | None = None


THEMES: list[DemoTheme] = [
    DemoTheme(
        "culture-for-every-age",
        ("Kulttuuria kaikenikäisille", "Kultur för alla åldrar", "Culture for every age"),
        (
            "Vauvoista ikäihmisiin: jokainen pääsee kulttuurin pariin elämänsä eri vaiheissa.",
            "Från bebisar till äldre: alla når kulturen i livets olika skeden.",
            "From babies to older people: everyone reaches culture at every stage of life.",
        ),
        (
            "lapset nuoret perheet vauvat koululaiset opiskelijat eläkeläiset seniorit ikäihmiset"
            " esteettömyys saavutettavuus selkokieli maksuton",
            "barn unga familjer elever studerande pensionärer äldre tillgänglighet gratis",
            "children youth young families babies pupils students seniors older accessibility free",
        ),
    ),
    DemoTheme(
        "participation-and-co-creation",
        ("Osallisuus ja yhteiskehittäminen", "Delaktighet och samskapande", "Participation"),
        (
            "Asukkaat, yhdistykset ja taiteilijat ideoivat, päättävät ja tekevät yhdessä.",
            "Invånare, föreningar och konstnärer idéer, beslutar och gör tillsammans.",
            "Residents, associations and artists plan, decide and make culture together.",
        ),
        (
            "osallistuva budjetointi asukkaat yhdistykset vapaaehtoiset työpaja yhdessä ideointi"
            " äänestys avustukset kaupunginosat",
            "delaktighet invånare föreningar frivilliga verkstad tillsammans understöd stadsdelar",
            "participation residents associations volunteers workshop together vote grants"
            " neighbourhoods",
        ),
    ),
    DemoTheme(
        "low-carbon-culture",
        ("Vähähiilinen kulttuuri", "Kolsnål kultur", "Low-carbon culture"),
        (
            "Energiaa säästävät kulttuuritilat, kierrätys ja kestävät tapahtumat.",
            "Energisnåla kulturlokaler, återvinning och hållbara evenemang.",
            "Energy-saving venues, recycling and sustainable events.",
        ),
        (
            "energia energiansäästö sähkö lämmitys valaistus led aurinkopaneelit kierrätys jäte"
            " lajittelu pyörä hiilijalanjälki ilmasto kertakäyttö",
            "energi el uppvärmning belysning solpaneler återvinning avfall cykel klimat",
            "energy electricity heating lighting solar recycling waste bicycle carbon climate",
        ),
    ),
    DemoTheme(
        "digital-services",
        ("Digitaaliset kulttuuripalvelut", "Digitala kulturtjänster", "Digital services"),
        (
            "Verkossa ja puhelimessa toimivat palvelut: liput, varaukset, striimit ja e-aineistot.",
            "Tjänster på webben och i telefonen: biljetter, bokningar, strömning och e-material.",
            "Services on the web and phone: tickets, bookings, streams and e-materials.",
        ),
        (
            "verkko sovellus puhelin mobiili sähköinen e-kirja äänikirja striimaus suora lähetys"
            " verkkonäyttely digituki kalenteri varaus",
            "webben app telefon digital e-bok strömning kalender bokning",
            "online app phone mobile digital e-book audiobook streaming calendar booking website",
        ),
    ),
    DemoTheme(
        "wellbeing-through-culture",
        ("Hyvinvointia kulttuurista", "Välmående genom kultur", "Wellbeing through culture"),
        (
            "Kulttuuri hoivassa, palveluasumisessa ja yksinäisyyden vähentämisessä.",
            "Kultur i vården, i serviceboendet och mot ensamhet.",
            "Culture in care, in assisted living and against loneliness.",
        ),
        (
            "hyvinvointi terveys hoivakoti palvelutalo palvelukoti asukkaat muistisairaat"
            " yksinäisyys virkistys muistelu yhteislaulu liikunta",
            "välmående hälsa servicehem seniorhem ensamhet allsång minnen",
            "wellbeing health care home senior home loneliness memory singing",
        ),
    ),
    DemoTheme(
        "vibrant-city-centre",
        ("Elävä kaupunkikeskusta", "Levande stadskärna", "Vibrant city centre"),
        (
            "Tapahtumia, taidetta ja kohtaamisia keskustan kaduilla, toreilla ja rannoilla.",
            "Evenemang, konst och möten på gator, torg och stränder i centrum.",
            "Events, art and encounters in the streets, squares and shores of the centre.",
        ),
        (
            "keskusta tori kävelykatu katu puisto ranta satama katutaide kesäkonsertit"
            " ulkotapahtumat valotaide",
            "centrum torg gata park strand hamn gatukonst sommarkonserter",
            "centre square street park riverside harbour street art outdoor",
        ),
    ),
    DemoTheme(
        "oulu-2026",
        (
            "Euroopan kulttuuripääkaupunki 2026",
            "Europas kulturhuvudstad 2026",
            "European Capital of Culture 2026",
        ),
        (
            "Oulu 2026 -vuoden ohjelma, vierailijat ja kulttuuri koko seudulla.",
            "Programmet för Oulu 2026, besökare och kultur i hela regionen.",
            "The Oulu 2026 programme, visitors and culture across the region.",
        ),
        (
            "kulttuuripääkaupunki 2026 kulttuurivuosi vierailijat matkailijat lähiöt seutu",
            "kulturhuvudstad besökare turister regionen",
            "capital of culture 2026 visitors tourists international region",
        ),
        municipality="oulu",
    ),
]

# (municipality, organisation): what it answers for, written by its staff (fi, with sv/en words).
PROFILES: dict[tuple[str, str], str] = {
    ("oulu", "kulttuuripalvelut"): (
        "Kaupungin kulttuuritapahtumat, festivaalit ja kesäkonsertit, kulttuuriavustukset"
        " yhdistyksille, kulttuuritalot ja niiden tilat, keskustan ja kaupunginosien tapahtumat,"
        " kulttuuripääkaupunkivuosi. Evenemang, festivaler, kulturunderstöd. Events, festivals,"
        " grants, culture houses."
    ),
    ("oulu", "kaupunginkirjasto"): (
        "Pääkirjasto ja lähikirjastot: lainaus, kirjat, e-kirjat ja äänikirjat, aukioloajat,"
        " satutunnit, lukupiirit, kirjastoauto, lainattavat esineet ja lautapelit, opiskelutilat."
        " Bibliotek, lån, böcker, sagostund. Library, loans, books, e-books, study rooms."
    ),
    ("oulu", "taidemuseo"): (
        "Taidemuseo: näyttelyt, nykytaide, kokoelmat, opastukset, museopedagogiikka, pääsyliput ja"
        " museokauppa. Konstmuseum, utställningar, guidningar. Art museum, exhibitions,"
        " collections, guided tours."
    ),
    ("oulu", "koskelan-palvelukoti"): (
        "Palvelukodin asukkaiden virkistys ja kulttuuri: musiikki, muistelu, taide päiväsalissa ja"
        " huoneissa, omaisten kanssa yhdessä. Servicehem, äldre. Care home residents."
    ),
    ("jyvaskyla", "kulttuuri"): (
        "Kaupungin kulttuuripalvelut: tapahtumat, kaupunkifestivaalit, keskustan kesätapahtumat,"
        " kulttuuritilat ja harrastetilat, kulttuuriavustukset, tapahtumakalenteri, osallistuva"
        " budjetointi. Evenemang, kulturlokaler, understöd. Events, spaces, grants."
    ),
    ("jyvaskyla", "sinfonia"): (
        "Jyväskylä Sinfonia: orkesteri, sinfoniakonsertit, koululaiskonsertit, kamarimusiikki,"
        " konserttiliput, konserttitalo ja sen sali. Orkester, konserter, biljetter. Symphony"
        " orchestra, concerts, tickets."
    ),
    ("jyvaskyla", "kotirinne"): (
        "Hoivakodin asukkaiden kulttuuri ja virkistys: musiikki, liikunta, taidepajat, vierailut"
        " ja omaisten toiminta. Vårdhem, äldre. Care home residents and families."
    ),
    ("kuopio", "kulttuuripalvelut"): (
        "Kuopion kulttuuripalvelut: kaupungin tapahtumat, torin tapahtumat, kaupunginosien"
        " kulttuuri-illat, kulttuuriavustukset, taiteilijoiden työtilat, kulttuuriseteli."
        " Evenemang, understöd. Events, grants, artists."
    ),
    ("kuopio", "musiikkikeskus"): (
        "Kuopion musiikkikeskus: konsertit, konserttisalit, salien vuokraus, aulakonsertit,"
        " esteettömyys ja lipunmyynti. Musikcentret, konserter, salar. Music centre, concert"
        " halls, hall rental."
    ),
    ("kuopio", "harjulan-palvelutalo"): (
        "Palvelutalon asukkaiden kulttuuritoiminta: kerhot, lukupiiri, esiintyjävierailut ja"
        " kuljetukset tapahtumiin. Servicehus, äldre. Assisted living residents."
    ),
    ("lahti", "kulttuuri"): (
        "Lahden kulttuuripalvelut: kaupungin tapahtumat, satama ja keskusta, kaupunkifestivaali,"
        " katutaide, kulttuuritalot, kulttuuriavustukset, tapahtumien saavutettavuus."
        " Evenemang, hamnen, understöd. Events, harbour, street art, grants."
    ),
    ("lahti", "kaupunginkirjasto"): (
        "Lahden kaupunginkirjasto: pääkirjasto ja lähikirjastot, lainaus, kirjastokortti,"
        " aukioloajat, satutunnit, digituki, pelihuone nuorille. Bibliotek, böcker, bokcirkel."
        " Library, loans, books, opening hours."
    ),
    ("lahti", "jalkarannan-hoivakoti"): (
        "Hoivakodin asukkaiden kulttuuri: kuorot ja esiintyjät, ulkoilu ja pihatapahtumat,"
        " virikkeet hoitajien kanssa. Vårdhem. Care home residents."
    ),
    ("turku", "kulttuuri"): (
        "Turun kulttuuripalvelut: tapahtumat Aurajoen rannalla ja kauppatorilla, festivaalit,"
        " kulttuuriavustukset, nuorten kulttuuri, tapahtumakalenteri suomeksi, ruotsiksi ja"
        " englanniksi. Kulturtjänster, evenemang vid ån, kulturstöd, föreningar. Events, grants."
    ),
    ("turku", "aurajoen-seniorit"): (
        "Seniorikodin asukkaiden kulttuuri ja hyvinvointi: musiikki, taide, muistelmat ja"
        " yhteislaulu. Seniorhemmet, invånarna, musik, allsång. Senior home residents."
    ),
}


@dataclass(frozen=True)
class DemoBoard:
    slug: str
    organisation: tuple[str, str]
    audience: str
    title: Three
    description: Three
    support_threshold: int | None = None


BOARDS: list[DemoBoard] = [
    DemoBoard(
        "oulu-kulttuuri-ideat",
        ("oulu", "kulttuuripalvelut"),
        "public",
        ("Oulun kulttuuri-ideat", "Kulturidéer i Uleåborg", "Culture ideas for Oulu"),
        (
            "Kerro, miten Oulun kirjastot, museot ja tapahtumat voisivat palvella sinua paremmin.",
            "Berätta hur biblioteken, museerna och evenemangen i Uleåborg kunde bli bättre.",
            "Tell us how Oulu's libraries, museums and events could serve you better.",
        ),
        support_threshold=5,
    ),
    DemoBoard(
        "lahti-kulttuuri-ideat",
        ("lahti", "kulttuuri"),
        "public",
        ("Lahden kulttuuri-ideat", "Kulturidéer i Lahtis", "Culture ideas for Lahti"),
        (
            "Ideoi Lahden kulttuuripalveluja, kirjastoa ja tapahtumia.",
            "Kom med idéer om kulturtjänsterna, biblioteket och evenemangen i Lahtis.",
            "Share ideas for Lahti's culture services, library and events.",
        ),
        support_threshold=5,
    ),
    DemoBoard(
        "turku-kulttuuri-ideat",
        ("turku", "kulttuuri"),
        "public",
        ("Turun kulttuuri-ideat", "Kulturidéer i Åbo", "Culture ideas for Turku"),
        (
            "Ideoita Turun kulttuuripalveluille – suomeksi, ruotsiksi tai englanniksi.",
            "Idéer för kulturtjänsterna i Åbo – på finska, svenska eller engelska.",
            "Ideas for Turku's culture services – in Finnish, Swedish or English.",
        ),
    ),
    DemoBoard(
        "verkoston-henkilosto",
        ("jyvaskyla", "kulttuuri"),
        "network",
        (
            "Kulttuuriverkoston henkilöstön ideat",
            "Kulturnätverkets personalidéer",
            "Culture network staff ideas",
        ),
        (
            "Kaikkien verkoston kaupunkien kulttuurihenkilöstön yhteinen ideakanava.",
            "En gemensam idékanal för kulturpersonalen i nätverkets alla städer.",
            "A shared idea channel for culture staff in all the network's cities.",
        ),
    ),
    DemoBoard(
        "kuopio-henkilosto",
        ("kuopio", "kulttuuripalvelut"),
        "organisation",
        (
            "Kuopion kulttuuripalvelujen henkilöstön ideat",
            "Personalidéer vid Kuopio kulturtjänster",
            "Kuopio culture services staff ideas",
        ),
        (
            "Henkilöstön ideat oman työn ja palvelujen kehittämiseksi.",
            "Personalens idéer för att utveckla arbetet och tjänsterna.",
            "Staff ideas for developing our work and services.",
        ),
    ),
]

# Where each municipality's labelled ideas are posted in the demo.
BOARD_OF_MUNICIPALITY = {
    "oulu": "oulu-kulttuuri-ideat",
    "lahti": "lahti-kulttuuri-ideat",
    "turku": "turku-kulttuuri-ideat",
    "jyvaskyla": "verkoston-henkilosto",
    "kuopio": "kuopio-henkilosto",
}


@dataclass(frozen=True)
class DemoCampaign:
    board: str
    slug: str
    title: Three
    theme: Three
    description: Three
    opens_in_days: int  # from the day the demo is loaded; negative: in the past
    closes_in_days: int
    support_threshold: int | None = None
    ideas: tuple[str, ...] = ()  # titles of labelled ideas posted in it


CAMPAIGNS: list[DemoCampaign] = [
    DemoCampaign(
        "oulu-kulttuuri-ideat",
        "energiaa-saastava-kulttuuri",
        ("Energiaa säästävä kulttuuri", "Energisnål kultur", "Energy-saving culture"),
        ("Energiansäästö", "Energisparande", "Saving energy"),
        (
            "Miten kulttuuritalot, kirjastot ja tapahtumat voisivat säästää energiaa?",
            "Hur kunde kulturhus, bibliotek och evenemang spara energi?",
            "How could culture houses, libraries and events save energy?",
        ),
        -20,
        40,
        support_threshold=3,
        ideas=("Konserttisalin valot ja lämmitys pois tyhjistä tiloista",),
    ),
    DemoCampaign(
        "lahti-kulttuuri-ideat",
        "elava-satama",
        ("Elävä keskusta ja satama", "Levande centrum och hamn", "A lively centre and harbour"),
        ("Kaupunkikulttuuri", "Stadskultur", "Urban culture"),
        (
            "Ideoi tapahtumia ja taidetta Lahden keskustaan ja satamaan kesäksi.",
            "Föreslå evenemang och konst i Lahtis centrum och hamn till sommaren.",
            "Suggest events and art for Lahti's centre and harbour for the summer.",
        ),
        -10,
        30,
        ideas=("Katutaidetta Aleksanterinkadulle",),
    ),
    DemoCampaign(
        "turku-kulttuuri-ideat",
        "jokiranta-kesa",
        ("Kesä jokirannassa", "Sommar vid ån", "Summer by the river"),
        ("Jokirannan tapahtumat", "Evenemang vid ån", "Riverside events"),
        (
            "Mitä Aurajoen rannalla voisi tapahtua kesällä? Kampanja on päättynyt.",
            "Vad kunde hända vid Aura å på sommaren? Kampanjen har avslutats.",
            "What could happen by the Aura river in summer? The campaign has closed.",
        ),
        -120,
        -60,
        ideas=("Aurajoen rannalle kesäkonsertteja", "Kesäkonserter på svenska vid ån"),
    ),
]

FILTERED_WORDS = ["idiootti", "ääliö", "paska", "idiot", "skit", "stupid"]

# Ideas that are not part of the labelled set.
HELD_IDEA = (
    "oulu-kulttuuri-ideat",
    "Paska palvelu lähikirjastossa",
    "Lähikirjaston palvelu on ihan paska, kukaan ei ikinä auta mitään.",
)
REPORTED_IDEA_TITLE = "Kirjaston pelihuone nuorille"  # one resident reports it as off topic
ANSWERED_IDEA_TITLE = "Kesäkonsertit Rotuaarille"
ANSWER = (
    "Kiitos ideasta! Kulttuuripalvelut järjestää ensi kesänä Rotuaarilla kuusi torstai-illan"
    " ilmaiskonserttia paikallisten bändien kanssa. Haku esiintyjille avataan keväällä."
)
COMMENTS: dict[str, list[str]] = {
    "Kesäkonsertit Rotuaarille": [
        "Hyvä idea! Myös kuorot voisivat esiintyä.",
        "Toivottavasti myös lapsille sopivaa ohjelmaa alkuillasta.",
    ],
    "Pääkirjaston aukioloajat sunnuntaisin": ["Sunnuntai olisi minulle ainoa vapaa päivä."],
    "Katutaidetta Aleksanterinkadulle": ["Sähkökaapit ovat nyt tosi rumia, kannatan!"],
    "Musik och sång för de äldre på seniorhemmet": ["Min mamma bor där och älskar att sjunga."],
}


def labelled_ideas() -> list[dict[str, Any]]:
    """The labelled ideas (see the YAML file's header)."""
    loaded = yaml.safe_load(LABELLED_IDEAS.read_text(encoding="utf-8")) or {}
    return list(loaded.get("ideas") or [])
