"""The demo's digital culture sessions for older people: shapes, shared texts, and the sessions
of Oulu and Jyväskylä (Kuopio, Lahti and Turku: digital_data_more.py).

Regular times follow calendar rules (`Weekly`), so a date keeps its time whichever day the demo
is loaded. A few times are placed relative to the moment of loading (see `digital.py`): one
session is live now, one ended earlier today, a few start later today, and tomorrow at 14:00
there is a streamed concert, so the programme is always fresh.
"""

from __future__ import annotations

from dataclasses import dataclass

from lampio.demo.offerings_data import EMPTY, Weekly
from lampio.demo.spaces_data import Text

STREAM = "https://striimi.example.fi"
EVERY_DAY = (0, 1, 2, 3, 4, 5, 6)


@dataclass(frozen=True)
class DigitalSpec:
    """One online offering for older people and care units. `slug` names its stream."""

    key: str
    city: str
    organisation: str
    slug: str
    title: Text
    short: Text
    description: Text
    format: str
    keywords: tuple[str, ...]
    weekly: Weekly | None  # None: only the times placed relative to the loading moment
    minutes: int = 60  # length of the times placed relative to the loading moment
    audiences: tuple[str, ...] = ("older_people", "care_units")
    languages: tuple[str, ...] = ("fi",)
    location: str = ""
    accessibility: Text = EMPTY
    price: str = ""  # euros; empty means free of charge
    price_basis: str = "per_person"
    price_info: Text = EMPTY
    enrolment: bool = True
    group_orders: bool = True
    auto_accept: bool = True
    capacity: int = 300

    @property
    def online_url(self) -> str:
        return f"{STREAM}/{self.slug}/index.m3u8"

    @property
    def length(self) -> int:
        return self.weekly.minutes if self.weekly else self.minutes


# --- Shared texts ------------------------------------------------------------------------------

AT_HOME: Text = (
    "Katso tabletilla, tietokoneella tai älytelevisiolla: lähetys alkaa isosta painikkeesta. "
    "Puhe on selkeää ja rauhallista, ja tallenteissa on suomenkielinen tekstitys.",
    "Titta på surfplatta, dator eller smart-tv: sändningen startar med den stora knappen. "
    "Talet är tydligt och lugnt, och inspelningarna har finsk textning.",
    "Watch on a tablet, computer or smart TV: the stream starts from the big button. Speech is "
    "clear and calm, and recordings have Finnish captions.",
)
SEATED: Text = (
    "Kaikki liikkeet tehdään istuen, myös pyörätuolissa. Ohjaaja kertoo liikkeet myös sanoin, "
    "joten mukana pysyy kuuntelemalla.",
    "Alla rörelser görs sittande, även i rullstol. Ledaren beskriver rörelserna också i ord, "
    "så du kan följa med genom att lyssna.",
    "Every movement is done seated, in a wheelchair too. The leader also describes the "
    "movements in words, so you can follow by listening.",
)
HALL_AND_HOME: Text = (
    "Saliin pääsee portaitta, ja siellä on induktiosilmukka. Kotoa katsovat näkevät ja kuulevat "
    "saman verkossa.",
    "Salen har steglös entré och hörslinga. De som tittar hemifrån ser och hör samma sak på nätet.",
    "The hall is step-free and has an induction loop. People watching from home see and hear "
    "the same online.",
)
PER_UNIT: Text = (
    "Hinta on hoivayksikköä kohti: katsojia saa olla niin monta kuin päiväsaliin mahtuu.",
    "Priset gäller per vårdenhet: det får vara så många tittare som ryms i dagrummet.",
    "The price is per care unit: as many people may watch as fit in the day room.",
)
PER_VIEWER: Text = (
    "Hinta on katsojaa kohti. Maksu verkkopankilla tai kortilla ilmoittautuessa.",
    "Priset gäller per tittare. Betalning med nätbank eller kort vid anmälan.",
    "The price is per viewer. Pay by online bank or card when you sign up.",
)

# --- Oulu --------------------------------------------------------------------------------------

OULU: list[DigitalSpec] = [
    DigitalSpec(
        key="oulu-olohuonekonsertti",
        city="oulu",
        organisation="kulttuuripalvelut",
        slug="olohuonekonsertti",
        title=(
            "Olohuonekonsertti: Oulun kamarimuusikot soittavat",
            "Vardagsrumskonsert: Uleåborgs kammarmusiker spelar",
            "Living-room concert: Oulu's chamber musicians play",
        ),
        short=(
            "Viulu, sello ja piano soittavat tuttuja sävelmiä suorana lähetyksenä kotiisi.",
            "Violin, cello och piano spelar välkända melodier direkt hem till dig.",
            "Violin, cello and piano play well-known tunes, streamed live to your home.",
        ),
        description=(
            "Kuulet Sibeliuksen, Merikannon ja Kuulan rakastettuja sävelmiä. Muusikot kertovat "
            "kappaleista lyhyesti ja vastaavat lopuksi kysymyksiin. Voit taputtaa ja kirjoittaa "
            "terveisiä keskusteluun.",
            "Du hör älskade melodier av Sibelius, Merikanto och Kuula. Musikerna berättar kort "
            "om styckena och svarar på frågor i slutet. Du kan applådera och skriva hälsningar "
            "i chatten.",
            "You will hear well-loved tunes by Sibelius, Merikanto and Kuula. The musicians say "
            "a few words about each piece and answer questions at the end. You can clap and "
            "write greetings in the chat.",
        ),
        format="live_stream",
        keywords=("music", "concerts", "classical-music"),
        weekly=Weekly(weekdays=(4,), at="13:00", minutes=60),
        languages=("fi", "none"),
        accessibility=AT_HOME,
        capacity=500,
    ),
    DigitalSpec(
        key="oulu-haitarikonsertti",
        city="oulu",
        organisation="kulttuuripalvelut",
        slug="haitarikonsertti",
        title=(
            "Striimattu haitarikonsertti: valsseja ja tangoja",
            "Strömmad dragspelskonsert: valser och tangor",
            "Streamed accordion concert: waltzes and tangos",
        ),
        short=(
            "Haitaristi Veikko Rautio soittaa tanssilavojen tuttuja kappaleita.",
            "Dragspelaren Veikko Rautio spelar välkända låtar från dansbanorna.",
            "Accordionist Veikko Rautio plays well-known tunes from the dance pavilions.",
        ),
        description=(
            "Konsertissa kuullaan Satumaa-tango, Muistatko Monrepos'n ja muita tuttuja valsseja "
            "ja tangoja. Saa laulaa mukana. Konsertti kestää vähän yli tunnin, eikä siinä ole "
            "väliaikaa.",
            "I konserten hörs tangon Satumaa, Muistatko Monrepos'n och andra kända valser och "
            "tangor. Sjung gärna med. Konserten är drygt en timme lång utan paus.",
            "The concert includes the tango Satumaa, Muistatko Monrepos'n and other familiar "
            "waltzes and tangos. Feel free to sing along. It lasts just over an hour with no "
            "interval.",
        ),
        format="live_stream",
        keywords=("music", "concerts"),
        weekly=None,
        minutes=75,
        accessibility=AT_HOME,
        capacity=500,
    ),
    DigitalSpec(
        key="oulu-runolukuhetki",
        city="oulu",
        organisation="kaupunginkirjasto",
        slug="runolukuhetki",
        title=(
            "Runolukuhetki: runoja vuodenajoista",
            "Diktstund: dikter om årstiderna",
            "Poetry hour: poems about the seasons",
        ),
        short=(
            "Kirjastonhoitaja lukee Eino Leinon, Aale Tynnin ja Helvi Juvosen runoja.",
            "Bibliotekarien läser dikter av Eino Leino, Aale Tynni och Helvi Juvonen.",
            "A librarian reads poems by Eino Leino, Aale Tynni and Helvi Juvonen.",
        ),
        description=(
            "Tule kirjastoon tai kuuntele kotoa verkossa. Runojen välissä jutellaan siitä, mitä "
            "ne toivat mieleen. Voit toivoa runoa etukäteen kirjastosta.",
            "Kom till biblioteket eller lyssna hemifrån på nätet. Mellan dikterna pratar vi om "
            "vad de väckte för minnen. Du kan önska en dikt i förväg på biblioteket.",
            "Come to the library or listen from home online. Between the poems we talk about "
            "what they brought to mind. You can ask the library for a poem in advance.",
        ),
        format="hybrid",
        keywords=("poetry", "literature", "libraries", "reading"),
        weekly=Weekly(weekdays=(0, 3), at="17:00", minutes=45),
        location="Oulun pääkirjasto, Pakkala-sali, Kaarlenväylä 3, Oulu",
        accessibility=HALL_AND_HOME,
        group_orders=False,
        capacity=200,
    ),
    DigitalSpec(
        key="oulu-istumatanssi",
        city="oulu",
        organisation="pohjoisen-tanssi",
        slug="istumatanssi",
        title=(
            "Istumatanssi etänä: valssin ja tangon tahdissa",
            "Sittdans på distans: i vals- och tangotakt",
            "Seated dance online: to waltz and tango time",
        ),
        short=(
            "Tanssinopettaja ohjaa helppoja liikkeitä, jotka tehdään tuolilla istuen.",
            "Dansläraren leder enkla rörelser som görs sittande på en stol.",
            "A dance teacher leads simple movements done sitting on a chair.",
        ),
        description=(
            "Tuokio sopii hoivakodin päiväsaliin: hoitaja voi auttaa ja tanssia mukana. Liikkeet "
            "ovat rauhallisia, ja ne näytetään aina kaksi kertaa. Musiikkina on tuttuja "
            "lavatansseja.",
            "Stunden passar vårdhemmets dagrum: vårdaren kan hjälpa till och dansa med. "
            "Rörelserna är lugna och visas alltid två gånger. Musiken är kända dansbanelåtar.",
            "Made for a care home's day room: a carer can help and dance along. The movements "
            "are calm and always shown twice. The music is familiar dance-hall tunes.",
        ),
        format="live_stream",
        keywords=("dance", "movement", "wellbeing"),
        weekly=Weekly(weekdays=(1, 3), at="10:30", minutes=40),
        audiences=("care_units", "older_people"),
        accessibility=SEATED,
        price="35.00",
        price_basis="per_unit",
        price_info=PER_UNIT,
        enrolment=False,
        auto_accept=False,
        capacity=200,
    ),
]

# --- Jyväskylä ---------------------------------------------------------------------------------

JYVASKYLA: list[DigitalSpec] = [
    DigitalSpec(
        key="jyvaskyla-laulataan-yhdessa",
        city="jyvaskyla",
        organisation="kulttuuri",
        slug="laulataan-yhdessa",
        title=(
            "Laulataan yhdessä: vanhat suomalaiset laulut",
            "Vi sjunger tillsammans: gamla finska sånger",
            "Let's sing together: old Finnish songs",
        ),
        short=(
            "Yhteislaulua tutuista kansanlauluista; sanat näkyvät ruudulla isolla.",
            "Allsång av kända finska folkvisor; orden syns stort på skärmen.",
            "A sing-along of well-known Finnish folk songs; the words show large on the screen.",
        ),
        description=(
            "Laulattaja Raija Mäkinen ja pianisti johdattavat laulamaan esimerkiksi Kalliolle "
            "kukkulalle, Karjalan kunnailla ja Kotimaani ompi Suomi. Voit laulaa kotona, "
            "kirjaston salissa tai hoivakodin päiväsalissa. Jokainen ääni kelpaa.",
            "Sångledaren Raija Mäkinen och en pianist leder sånger som Kalliolle kukkulalle, "
            "Karjalan kunnailla och Kotimaani ompi Suomi. Sjung hemma, i bibliotekets sal eller "
            "i vårdhemmets dagrum. Alla röster duger.",
            "Song leader Raija Mäkinen and a pianist lead songs such as Kalliolle kukkulalle, "
            "Karjalan kunnailla and Kotimaani ompi Suomi. Sing at home, in the library hall or "
            "in a care home's day room. Every voice is welcome.",
        ),
        format="hybrid",
        keywords=("community-singing", "music", "reminiscence"),
        weekly=Weekly(weekdays=(0, 2), at="11:00", minutes=60),
        location="Jyväskylän pääkirjasto, Lehtisali, Vapaudenkatu 39–41, Jyväskylä",
        accessibility=HALL_AND_HOME,
        capacity=400,
    ),
    DigitalSpec(
        key="jyvaskyla-klarinettikvintetti",
        city="jyvaskyla",
        organisation="sinfonia",
        slug="klarinettikvintetti",
        title=(
            "Kamarikonsertti verkossa: Mozartin klarinettikvintetti",
            "Kammarkonsert på nätet: Mozarts klarinettkvintett",
            "Chamber concert online: Mozart's Clarinet Quintet",
        ),
        short=(
            "Jyväskylä Sinfonian muusikot soittavat yhden Mozartin kauneimmista teoksista.",
            "Musiker ur Jyväskylä Sinfonia spelar ett av Mozarts vackraste verk.",
            "Musicians of Jyväskylä Sinfonia play one of Mozart's most beautiful works.",
        ),
        description=(
            "Klarinetti ja jousikvartetti soittavat Mozartin A-duuri-klarinettikvintetin. Ennen "
            "musiikkia klarinetisti kertoo, miten teos syntyi ystävälle. Lähetys on tekstitetty.",
            "Klarinett och stråkkvartett spelar Mozarts klarinettkvintett i A-dur. Före musiken "
            "berättar klarinettisten hur verket skrevs för en vän. Sändningen är textad.",
            "Clarinet and string quartet play Mozart's Clarinet Quintet in A major. Before the "
            "music the clarinettist tells how the work was written for a friend. The stream has "
            "subtitles.",
        ),
        format="live_stream",
        keywords=("music", "concerts", "classical-music"),
        weekly=Weekly(weekdays=(3,), at="15:00", minutes=50),
        languages=("fi", "none"),
        accessibility=AT_HOME,
        price="5.00",
        price_info=PER_VIEWER,
        group_orders=False,
    ),
    DigitalSpec(
        key="jyvaskyla-kuunnelma",
        city="jyvaskyla",
        organisation="teatteri-kuiskaus",
        slug="kuunnelma-kesayo",
        title=(
            "Kuunnelma: Kesäyö Päijänteellä",
            "Hörspel: Sommarnatt vid Päijänne",
            "Radio play: A summer night on Lake Päijänne",
        ),
        short=(
            "Teatteri Kuiskauksen kuunnelma kahdesta ystävyksestä, jotka soutavat saareen.",
            "Teater Kuiskaus hörspel om två vänner som ror ut till en ö.",
            "Theatre Kuiskaus's radio play about two friends who row out to an island.",
        ),
        description=(
            "Kuunnelma on äänitetty teatterissa, ja se sopii hyvin myös niille, joiden näkö on "
            "heikentynyt. Näyttelijät ovat mukana keskustelussa lähetyksen aikana ja vastaavat "
            "kysymyksiin. Kesto 45 minuuttia.",
            "Hörspelet är inspelat på teatern och passar väl också dem vars syn har blivit "
            "sämre. Skådespelarna är med i chatten under sändningen och svarar på frågor. "
            "Längd 45 minuter.",
            "The play was recorded at the theatre and suits listeners whose eyesight has "
            "weakened. The actors join the chat during the broadcast and answer questions. "
            "45 minutes.",
        ),
        format="recording",
        keywords=("theatre", "storytelling"),
        weekly=Weekly(weekdays=(2,), at="14:00", minutes=45),
        audiences=("care_units", "older_people"),
        accessibility=AT_HOME,
        price="60.00",
        price_basis="per_unit",
        price_info=PER_UNIT,
        enrolment=False,
        auto_accept=False,
        capacity=200,
    ),
]
