"""Jyväskylä's demo offerings: Jyväskylä Sinfonia, culture services and the choir association."""

from __future__ import annotations

from lampio.demo.offerings_data import (
    HALL_ACCESS,
    LIBRARY_ACCESS,
    ONLINE_ACCESS,
    WORKSHOP_ACCESS,
    OfferingSpec,
    Once,
    Weekly,
)

STREAM = "https://striimi.demo.lampio.fi/jyvaskyla"

OFFERINGS: list[OfferingSpec] = [
    OfferingSpec(
        key="jyvaskyla-sinfoniailta",
        city="jyvaskyla",
        organisation="sinfonia",
        title=(
            "Sinfoniailta: Sibelius ja Madetoja",
            "Symfonikväll: Sibelius och Madetoja",
            "Symphony evening: Sibelius and Madetoja",
        ),
        short=(
            "Jyväskylä Sinfonia soittaa Sibeliuksen viidennen sinfonian.",
            "Jyväskylä Sinfonia spelar Sibelius femte symfoni.",
            "Jyväskylä Sinfonia plays Sibelius's Fifth Symphony.",
        ),
        description=(
            "Illan avaa Madetojan Kullervo-alkusoitto. Konserttiesittely puoli tuntia ennen "
            "alkua salin lämpiössä.",
            "Kvällen inleds med Madetojas Kullervo-uvertyr. Konsertintroduktion en halvtimme "
            "före start i foajén.",
            "The evening opens with Madetoja's Kullervo overture. A pre-concert talk in the foyer "
            "half an hour before.",
        ),
        format="on_site",
        audiences=("adults", "older_people", "youth"),
        keywords=("music", "concerts", "classical-music"),
        when=Once(weekday=3, week=2, at="19:00", minutes=120),
        capacity=400,
        languages=("none",),
        venue="musiikkitalo-tourula",
        accessibility=HALL_ACCESS,
        price="25.00",
        price_info=(
            "Eläkeläiset 20 €, opiskelijat ja alle 18-vuotiaat 10 €.",
            "Pensionärer 20 €, studerande och under 18 år 10 €.",
            "Pensioners €20, students and under-18s €10.",
        ),
    ),
    OfferingSpec(
        key="jyvaskyla-aamupaivakonsertti",
        city="jyvaskyla",
        organisation="sinfonia",
        title=(
            "Striimattu aamupäiväkonsertti hoivakodeille",
            "Strömmad förmiddagskonsert för vårdhem",
            "Streamed morning concert for care homes",
        ),
        short=(
            "Orkesterin muusikot soittavat harjoitussalista suoraan päiväsaleihin.",
            "Orkesterns musiker spelar från övningssalen direkt till dagrummen.",
            "The orchestra's musicians play from the rehearsal hall straight to day rooms.",
        ),
        description=(
            "Ohjelmassa valsseja, marsseja ja elokuvamusiikkia. Lähetyksen jälkeen muusikot "
            "vastaavat katsojien kysymyksiin.",
            "På programmet valser, marscher och filmmusik. Efter sändningen svarar musikerna "
            "på tittarnas frågor.",
            "Waltzes, marches and film music. After the stream the musicians answer the "
            "viewers' questions.",
        ),
        format="live_stream",
        audiences=("older_people", "care_units"),
        keywords=("music", "concerts", "classical-music"),
        when=Weekly(weekdays=(1,), at="10:30", minutes=45, every=2, phase=1),
        capacity=60,
        languages=("fi", "none"),
        online_url=f"{STREAM}/sinfonia-aamupaiva",
        accessibility=ONLINE_ACCESS,
        group_orders=True,
        auto_accept=True,
    ),
    OfferingSpec(
        key="jyvaskyla-kevatkonsertti-tallenne",
        city="jyvaskyla",
        organisation="sinfonia",
        title=(
            "Tallenne: Jyväskylä Sinfonian kevätkonsertti",
            "Inspelning: Jyväskylä Sinfonias vårkonsert",
            "Recording: Jyväskylä Sinfonia's spring concert",
        ),
        short=(
            "Konserttitallenne hoivakotien yhteiseen katseluhetkeen.",
            "En konsertinspelning för en gemensam visning på vårdhemmet.",
            "A concert recording for a shared screening at the care home.",
        ),
        description=(
            "Tilaaja saa katselulinkin sovituksi päiväksi. Tallenteessa on suomenkielinen "
            "tekstitys ja lyhyet juonnot.",
            "Beställaren får en visningslänk för den överenskomna dagen. Inspelningen har finsk "
            "textning och korta presentationer.",
            "The unit gets a viewing link for the agreed day. The recording has Finnish "
            "subtitles and short introductions.",
        ),
        format="recording",
        audiences=("older_people", "care_units", "schools"),
        keywords=("music", "concerts", "film"),
        when=None,
        online_url=f"{STREAM}/tallenne-kevatkonsertti",
        accessibility=ONLINE_ACCESS,
        enrolment=False,
        group_orders=True,
    ),
    OfferingSpec(
        key="jyvaskyla-kasityokahvila",
        city="jyvaskyla",
        organisation="kulttuuri",
        title=(
            "Käsityökahvila: neulotaan ja virkataan yhdessä",
            "Hantverkskafé: vi stickar och virkar tillsammans",
            "Craft café: knitting and crocheting together",
        ),
        short=(
            "Tuo oma työsi tai aloita uusi, neuvoja saa vierustoverilta.",
            "Ta med ditt eget arbete eller börja ett nytt, grannen ger gärna råd.",
            "Bring your own project or start a new one; neighbours give tips.",
        ),
        description=(
            "Kahvila on avoin kaikille taitotasoille. Lankoja ja puikkoja on lainattavissa.",
            "Kaféet är öppet för alla nivåer. Garn och stickor finns att låna.",
            "Open to every skill level. Yarn and needles can be borrowed.",
        ),
        format="on_site",
        audiences=("adults", "older_people"),
        keywords=("crafts", "workshops", "wellbeing"),
        when=Weekly(weekdays=(2,), at="13:00", minutes=120),
        capacity=20,
        venue="kulttuuritalo-satama",
        accessibility=WORKSHOP_ACCESS,
    ),
    OfferingSpec(
        key="jyvaskyla-selkolukupiiri",
        city="jyvaskyla",
        organisation="kulttuuri",
        title=(
            "Selkokielinen lukupiiri",
            "Läsecirkel på lättläst finska",
            "Reading circle in plain Finnish",
        ),
        short=(
            "Luetaan selkokirjoja ja jutellaan niistä rauhassa.",
            "Vi läser lättlästa böcker och pratar om dem i lugn och ro.",
            "We read easy-to-read books and talk about them calmly.",
        ),
        description=(
            "Piiri sopii suomen kielen opiskelijoille ja kaikille, joille selkokieli on "
            "helpompaa. Kirjat saa lainaksi kirjastosta.",
            "Cirkeln passar den som lär sig finska och alla som har lättare för lättläst. "
            "Böckerna lånas från biblioteket.",
            "For learners of Finnish and anyone who finds plain language easier. The books are "
            "lent by the library.",
        ),
        format="on_site",
        audiences=("adults", "older_people"),
        keywords=("reading", "literature", "libraries"),
        when=Weekly(weekdays=(0,), at="14:00", minutes=60),
        capacity=12,
        languages=("fi-plain",),
        venue="paakirjasto",
        accessibility=LIBRARY_ACCESS,
    ),
    OfferingSpec(
        key="jyvaskyla-digitreffit",
        city="jyvaskyla",
        organisation="kulttuuri",
        title=(
            "Digitreffit: videopuhelut tutuiksi",
            "Digiträff: lär dig videosamtal",
            "Digital meet-up: getting started with video calls",
        ),
        short=(
            "Harjoitellaan videopuheluita läheisten kanssa omalla laitteella.",
            "Vi övar videosamtal med de närmaste på din egen enhet.",
            "Practise video calls with family on your own device.",
        ),
        description=(
            "Opastajina ovat kirjaston digitukihenkilöt ja vapaaehtoiset. Myös "
            "lainatabletteja on varattu.",
            "Handledare är bibliotekets digistödpersoner och frivilliga. Det finns också "
            "lånesurfplattor.",
            "The library's digital support staff and volunteers help. Loan tablets are also "
            "available.",
        ),
        format="on_site",
        audiences=("older_people",),
        keywords=("digital-skills", "libraries"),
        when=Weekly(weekdays=(4,), at="10:00", minutes=90),
        capacity=10,
        languages=("fi", "fi-plain"),
        venue="paakirjasto",
        accessibility=LIBRARY_ACCESS,
    ),
    OfferingSpec(
        key="jyvaskyla-yhteislaulu",
        city="jyvaskyla",
        organisation="kuoroliitto",
        title=(
            "Yhteislaulutilaisuus: tutut iskelmät",
            "Allsång: välkända schlager",
            "Community singing: the old favourites",
        ),
        short=(
            "Lauletaan yhdessä salissa ja verkossa; sanat näkyvät kankaalla.",
            "Vi sjunger tillsammans i salen och på nätet; texterna visas på duken.",
            "Sing together in the hall and online; lyrics on the screen.",
        ),
        description=(
            "Kuoroliiton laulattajat ja pianisti johdattavat iskelmien ja kansanlaulujen "
            "matkaan. Lähetystä voi seurata myös hoivakodeissa.",
            "Körförbundets sångledare och en pianist leder oss genom schlager och folkvisor. "
            "Sändningen kan också följas på vårdhem.",
            "The association's song leaders and a pianist lead old hits and folk songs. Care "
            "homes can follow the stream.",
        ),
        format="hybrid",
        audiences=("older_people", "adults", "care_units"),
        keywords=("community-singing", "choirs", "music"),
        when=Once(weekday=6, week=4, at="14:00", minutes=75),
        capacity=180,
        venue="kulttuuritalo-satama",
        online_url=f"{STREAM}/yhteislaulu",
        accessibility=HALL_ACCESS,
        group_orders=True,
        auto_accept=True,
    ),
    OfferingSpec(
        key="jyvaskyla-laulattaja",
        city="jyvaskyla",
        organisation="kuoroliitto",
        title=(
            "Laulattaja etäyhteydellä – yhteislaulua hoivakoteihin",
            "Sångledare på distans – allsång för vårdhem",
            "Song leader on screen – community singing for care homes",
        ),
        short=(
            "Viikoittainen laulutuokio, jossa laulattaja näkee ja kuulee ryhmän.",
            "En veckovis sångstund där sångledaren ser och hör gruppen.",
            "A weekly singing session where the leader sees and hears the group.",
        ),
        description=(
            "Lauluhetkessä lämmitellään ääntä ja lauletaan vuodenajan lauluja. Ryhmä voi "
            "toivoa lauluja edellisellä kerralla.",
            "Vi värmer upp rösten och sjunger årstidens sånger. Gruppen kan önska sånger "
            "gången innan.",
            "Warm-ups and songs of the season. The group can request songs the time before.",
        ),
        format="live_stream",
        audiences=("care_units", "older_people"),
        keywords=("community-singing", "music", "wellbeing"),
        when=Weekly(weekdays=(3,), at="14:00", minutes=45),
        capacity=40,
        online_url=f"{STREAM}/laulattaja",
        accessibility=ONLINE_ACCESS,
        enrolment=False,
        group_orders=True,
        auto_accept=True,
    ),
]
