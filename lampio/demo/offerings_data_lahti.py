"""Lahti's demo offerings: Sinfonia Lahti, the Ski Museum, the library, choir and circus."""

from __future__ import annotations

from lampio.demo.offerings_data import (
    HALL_ACCESS,
    LIBRARY_ACCESS,
    MUSEUM_ACCESS,
    ONLINE_ACCESS,
    SEATED_ACCESS,
    WORKSHOP_ACCESS,
    OfferingSpec,
    Once,
    Weekly,
)

STREAM = "https://striimi.demo.lampio.fi/lahti"

OFFERINGS: list[OfferingSpec] = [
    OfferingSpec(
        key="lahti-avajaiskonsertti",
        city="lahti",
        organisation="kulttuuri",
        title=(
            "Sinfonia Lahti: Sibelius-viikon avajaiskonsertti",
            "Sinfonia Lahti: Sibeliusveckans öppningskonsert",
            "Sinfonia Lahti: Sibelius Week opening concert",
        ),
        short=(
            "Finlandia, viulukonsertto ja Tapiola Sibeliustalon salissa.",
            "Finlandia, violinkonserten och Tapiola i Sibeliushusets sal.",
            "Finlandia, the Violin Concerto and Tapiola in Sibelius Hall.",
        ),
        description=(
            "Sinfonia Lahden juhlakonsertti avaa Sibelius-viikon. Solistina nuori "
            "suomalainen viulisti.",
            "Sinfonia Lahtis festkonsert öppnar Sibeliusveckan. Solist är en ung finländsk "
            "violinist.",
            "Sinfonia Lahti's gala concert opens Sibelius Week, with a young Finnish violinist "
            "as soloist.",
        ),
        format="on_site",
        audiences=("adults", "older_people", "youth"),
        keywords=("music", "concerts", "classical-music", "festivals"),
        when=Once(weekday=3, week=0, at="19:00", minutes=120),
        capacity=1100,
        languages=("none",),
        venue="sibeliustalo",
        accessibility=HALL_ACCESS,
        price="30.00",
        price_info=(
            "Eläkeläiset 25 €, opiskelijat 12 €.",
            "Pensionärer 25 €, studerande 12 €.",
            "Pensioners €25, students €12.",
        ),
    ),
    OfferingSpec(
        key="lahti-sinfonia-kotisohvalle",
        city="lahti",
        organisation="kulttuuri",
        title=(
            "Sinfonia Lahti kotisohvalle – konsertti salissa ja verkossa",
            "Sinfonia Lahti i soffan – konsert i salen och på nätet",
            "Sinfonia Lahti on your sofa – concert in the hall and online",
        ),
        short=(
            "Torstain konsertti Sibeliustalossa, lähetettynä myös hoivakoteihin.",
            "Torsdagskonserten i Sibeliushuset, sänd också till vårdhemmen.",
            "The Thursday concert at Sibelius Hall, also streamed to care homes.",
        ),
        description=(
            "Saliin voi tulla paikan päälle tai seurata lähetystä. Hoivakodit tilaavat "
            "katselun ryhmälle, ja tilaus hyväksytään heti.",
            "Man kan komma till salen eller följa sändningen. Vårdhemmen beställer för en "
            "grupp, och beställningen godkänns direkt.",
            "Come to the hall or follow the stream. Care homes order a viewing for a group, "
            "accepted at once.",
        ),
        format="hybrid",
        audiences=("adults", "older_people", "care_units"),
        keywords=("music", "concerts", "classical-music"),
        when=Weekly(weekdays=(3,), at="19:00", minutes=100, every=2, phase=1),
        capacity=200,
        languages=("none",),
        venue="sibeliustalo",
        online_url=f"{STREAM}/sinfonia-lahti",
        accessibility=HALL_ACCESS,
        group_orders=True,
        auto_accept=True,
    ),
    OfferingSpec(
        key="lahti-hiihtomuseo",
        city="lahti",
        organisation="kulttuuri",
        title=(
            "Hiihtomuseon opastettu kierros",
            "Guidad visning i Skidmuseet",
            "Guided tour of the Ski Museum",
        ),
        short=(
            "Suksien, mäkihypyn ja Lahden MM-kisojen tarinat.",
            "Berättelser om skidor, backhoppning och VM-tävlingarna i Lahtis.",
            "Stories of skis, ski jumping and the Lahti world championships.",
        ),
        description=(
            "Kierroksen lopuksi voi kokeilla mäkihyppysimulaattoria. Kierros on lapsille ja "
            "aikuisille.",
            "I slutet kan man prova backhoppningssimulatorn. Visningen passar barn och vuxna.",
            "At the end you can try the ski-jump simulator. For children and adults.",
        ),
        format="on_site",
        audiences=("adults", "children", "older_people"),
        keywords=("guided-tours", "museums", "local-history", "family-events"),
        when=Weekly(weekdays=(6,), at="12:00", minutes=60),
        capacity=25,
        location="Lahden Hiihtomuseo, Salpausselänkatu 8, 15110 Lahti",
        accessibility=MUSEUM_ACCESS,
        price="10.00",
        price_info=(
            "Lapset 5 €, Museokortilla maksutta.",
            "Barn 5 €, gratis med Museikortet.",
            "Children €5, free with the Museum Card.",
        ),
    ),
    OfferingSpec(
        key="lahti-muistikahvila",
        city="lahti",
        organisation="kaupunginkirjasto",
        title=(
            "Muistikahvila",
            "Minneskafé",
            "Memory café",
        ),
        short=(
            "Kohtaamispaikka muistisairaille ja heidän läheisilleen.",
            "En mötesplats för personer med minnessjukdom och deras närstående.",
            "A meeting place for people with memory loss and their families.",
        ),
        description=(
            "Kahvia, musiikkia ja vertaistukea. Paikalla muistiyhdistyksen ohjaaja. "
            "Ilmoittautuminen auttaa varaamaan kahvit.",
            "Kaffe, musik och kamratstöd. En ledare från minnesföreningen finns på plats. "
            "Anmälan hjälper oss att beställa kaffe.",
            "Coffee, music and peer support, with a leader from the memory association. "
            "Enrolling helps us order the coffee.",
        ),
        format="on_site",
        audiences=("older_people", "adults"),
        keywords=("wellbeing", "reminiscence", "libraries"),
        when=Weekly(weekdays=(1,), at="13:00", minutes=90),
        capacity=20,
        venue="paakirjasto",
        accessibility=LIBRARY_ACCESS,
    ),
    OfferingSpec(
        key="lahti-satutunti",
        city="lahti",
        organisation="kaupunginkirjasto",
        title=(
            "Satutunti etänä päiväkodeille",
            "Sagostund på distans för daghem",
            "Remote story time for day-care groups",
        ),
        short=(
            "Kirjastonhoitaja lukee kuvakirjan ja näyttää kuvat kameraan.",
            "Bibliotekarien läser en bilderbok och visar bilderna i kameran.",
            "A librarian reads a picture book and shows the pictures to the camera.",
        ),
        description=(
            "Sadun jälkeen lauletaan ja loruillaan. Päiväkotiryhmät tilaavat lähetyksen, ja "
            "tilaus hyväksytään heti.",
            "Efter sagan sjunger vi och läser ramsor. Daghemsgrupper beställer sändningen, "
            "som godkänns direkt.",
            "After the story we sing and rhyme. Day-care groups order the stream, accepted at "
            "once.",
        ),
        format="live_stream",
        audiences=("schools", "children"),
        keywords=("storytelling", "reading", "childrens-culture", "libraries"),
        when=Weekly(weekdays=(2,), at="09:30", minutes=30),
        capacity=120,
        ages=(3, 6),
        online_url=f"{STREAM}/satutunti",
        enrolment=False,
        group_orders=True,
        auto_accept=True,
    ),
    OfferingSpec(
        key="lahti-aanikirjat",
        city="lahti",
        organisation="kaupunginkirjasto",
        title=(
            "Äänikirjat ja e-kirjat tutuiksi",
            "Lär känna ljudböcker och e-böcker",
            "Getting started with audiobooks and e-books",
        ),
        short=(
            "Opetellaan lainaamaan e-aineistoja kirjaston sovelluksilla.",
            "Vi lär oss låna e-material med bibliotekets appar.",
            "Learn to borrow e-books and audiobooks with the library's apps.",
        ),
        description=(
            "Ota mukaan oma puhelin tai tabletti ja kirjastokortti. Opastus annetaan pienissä "
            "ryhmissä.",
            "Ta med din telefon eller surfplatta och ditt lånekort. Handledningen ges i små "
            "grupper.",
            "Bring your phone or tablet and your library card. Help is given in small groups.",
        ),
        format="on_site",
        audiences=("older_people", "adults"),
        keywords=("digital-skills", "reading", "libraries"),
        when=Weekly(weekdays=(3,), at="14:00", minutes=60),
        capacity=8,
        languages=("fi", "sv"),
        venue="paakirjasto",
        accessibility=LIBRARY_ACCESS,
    ),
    OfferingSpec(
        key="lahti-yhteislaulu-verkossa",
        city="lahti",
        organisation="lahden-kamarikuoro",
        title=(
            "Yhteislaulua hoivakoteihin verkossa",
            "Allsång för vårdhem på nätet",
            "Community singing for care homes online",
        ),
        short=(
            "Kamarikuoron laulajat johtavat tuttuja lauluja suorana lähetyksenä.",
            "Kammarkörens sångare leder välkända sånger i direktsändning.",
            "Chamber choir singers lead well-known songs in a live stream.",
        ),
        description=(
            "Ohjelmassa kansanlauluja, virsiä ja iskelmiä. Sanat näkyvät ruudulla isolla "
            "tekstillä.",
            "På programmet folkvisor, psalmer och schlager. Texterna visas med stor stil på "
            "skärmen.",
            "Folk songs, hymns and old hits, with the lyrics in large print on screen.",
        ),
        format="live_stream",
        audiences=("care_units", "older_people"),
        keywords=("community-singing", "choirs", "music"),
        when=Weekly(weekdays=(0,), at="14:00", minutes=45),
        capacity=60,
        online_url=f"{STREAM}/kamarikuoro-yhteislaulu",
        accessibility=ONLINE_ACCESS,
        group_orders=True,
        auto_accept=True,
    ),
    OfferingSpec(
        key="lahti-pohjoisia-lauluja",
        city="lahti",
        organisation="lahden-kamarikuoro",
        title=(
            "Kamarikuoron iltakonsertti: Pohjoisia lauluja",
            "Kammarkörens kvällskonsert: Nordiska sånger",
            "Chamber choir evening concert: Songs of the North",
        ),
        short=(
            "Suomalaista, ruotsalaista ja saamelaista kuoromusiikkia.",
            "Finsk, svensk och samisk körmusik.",
            "Finnish, Swedish and Sámi choral music.",
        ),
        description=(
            "Lahden Kamarikuoro laulaa a cappella kirjaston tornisalissa. Väliajalla kahvia.",
            "Lahtis kammarkör sjunger a cappella i bibliotekets tornsal. Kaffe i pausen.",
            "Lahti Chamber Choir sings a cappella in the library's tower hall. Coffee at the "
            "interval.",
        ),
        format="on_site",
        audiences=("adults", "older_people"),
        keywords=("choirs", "concerts", "music"),
        when=Once(weekday=5, week=2, at="18:00", minutes=90),
        capacity=90,
        languages=("fi", "sv", "se"),
        venue="paakirjasto",
        accessibility=LIBRARY_ACCESS,
        price="15.00",
        price_info=(
            "Ovelta käteisellä tai kortilla.",
            "Vid dörren kontant eller med kort.",
            "At the door, cash or card.",
        ),
    ),
    OfferingSpec(
        key="lahti-painovoimaa",
        city="lahti",
        organisation="sirkus-tahti",
        title=(
            "Nykysirkusesitys: Painovoimaa",
            "Nycirkus: Tyngdkraft",
            "Contemporary circus: Gravity",
        ),
        short=(
            "Akrobatiaa, jongleerausta ja musiikkia koko perheelle.",
            "Akrobatik, jonglering och musik för hela familjen.",
            "Acrobatics, juggling and music for the whole family.",
        ),
        description=(
            "Esitys ilman sanoja, kesto 50 minuuttia. Sopii yli 4-vuotiaille.",
            "En föreställning utan ord, 50 minuter. Passar barn över 4 år.",
            "A show without words, 50 minutes long. For ages 4 and up.",
        ),
        format="on_site",
        audiences=("children", "adults"),
        keywords=("circus", "family-events", "childrens-culture"),
        when=Once(weekday=5, week=4, at="15:00", minutes=50),
        capacity=120,
        ages=(4, None),
        languages=("none",),
        venue="vanha-paloasema",
        accessibility=HALL_ACCESS,
        price="12.00",
        price_info=(
            "Lapset 8 €, perhelippu 30 €.",
            "Barn 8 €, familjebiljett 30 €.",
            "Children €8, family ticket €30.",
        ),
    ),
    OfferingSpec(
        key="lahti-sirkustyopaja",
        city="lahti",
        organisation="sirkus-tahti",
        title=(
            "Sirkustyöpaja koululaisille",
            "Cirkusverkstad för skolelever",
            "Circus workshop for school pupils",
        ),
        short=(
            "Tasapainoilua, jongleerausta ja pariakrobatiaa liikuntatunnin tilalle.",
            "Balans, jonglering och parakrobatik i stället för en gympalektion.",
            "Balancing, juggling and partner acrobatics instead of a PE lesson.",
        ),
        description=(
            "Sirkusohjaajat tulevat koululle tai luokka tulee Vanhalle Paloasemalle. "
            "Opettaja ehdottaa aikoja tilauksessa.",
            "Cirkusledarna kommer till skolan eller klassen kommer till Gamla Brandstationen. "
            "Läraren föreslår tider i beställningen.",
            "The instructors come to the school or the class comes to the Old Fire Station. "
            "The teacher proposes times.",
        ),
        format="on_site",
        audiences=("schools", "children", "youth"),
        keywords=("circus", "workshops", "movement"),
        when=None,
        ages=(7, 15),
        venue="vanha-paloasema",
        accessibility=WORKSHOP_ACCESS,
        enrolment=False,
        group_orders=True,
        group=(10, 28),
    ),
    OfferingSpec(
        key="lahti-tuolisirkus",
        city="lahti",
        organisation="sirkus-tahti",
        title=(
            "Tuolisirkus – liikettä ja iloa etänä",
            "Stolcirkus – rörelse och glädje på distans",
            "Chair circus – movement and joy, remotely",
        ),
        short=(
            "Huiveja, palloja ja pieniä temppuja istuen, ohjaajat ruudulla.",
            "Sjalar, bollar och små trick sittande, ledarna på skärmen.",
            "Scarves, balls and small tricks while seated, instructors on screen.",
        ),
        description=(
            "Sirkusohjaajat lähettävät välineet tilaajalle etukäteen. Tuokio vahvistaa "
            "käsien liikkuvuutta ja tuo naurua.",
            "Cirkusledarna skickar redskapen i förväg. Stunden stärker händernas rörlighet och "
            "ger skratt.",
            "The props are posted to the unit in advance. The session keeps hands moving and "
            "brings laughter.",
        ),
        format="live_stream",
        audiences=("care_units", "older_people"),
        keywords=("circus", "movement", "wellbeing"),
        when=None,
        online_url=f"{STREAM}/tuolisirkus",
        accessibility=SEATED_ACCESS,
        price="90.00",
        price_info=(
            "Hinta ryhmältä, sisältää välineet.",
            "Pris per grupp, inklusive redskap.",
            "Price per group, props included.",
        ),
        enrolment=False,
        group_orders=True,
        group=(3, 20),
    ),
]
