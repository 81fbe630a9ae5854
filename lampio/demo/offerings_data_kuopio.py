"""Kuopio's demo offerings: the city orchestra, museums and library, folk dance, painting."""

from __future__ import annotations

from lampio.demo.offerings_data import (
    HALL_ACCESS,
    LIBRARY_ACCESS,
    ONLINE_ACCESS,
    SEATED_ACCESS,
    WORKSHOP_ACCESS,
    OfferingSpec,
    Once,
    Weekly,
)

STREAM = "https://striimi.demo.lampio.fi/kuopio"

OFFERINGS: list[OfferingSpec] = [
    OfferingSpec(
        key="kuopio-perhekonsertti",
        city="kuopio",
        organisation="musiikkikeskus",
        title=(
            "Kuopion kaupunginorkesterin perhekonsertti: Eläinten karnevaali",
            "Kuopio stadsorkesters familjekonsert: Djurens karneval",
            "Kuopio City Orchestra family concert: The Carnival of the Animals",
        ),
        short=(
            "Saint-Saënsin eläimet heräävät henkiin kertojan ja orkesterin kanssa.",
            "Saint-Saëns djur vaknar till liv med berättare och orkester.",
            "Saint-Saëns's animals come alive with a narrator and the orchestra.",
        ),
        description=(
            "Tunnin konsertti koko perheelle. Ennen konserttia lämpiössä voi kokeilla soittimia.",
            "En timmes konsert för hela familjen. Före konserten kan man prova instrument i "
            "foajén.",
            "An hour-long concert for the whole family. Try the instruments in the foyer before.",
        ),
        format="on_site",
        audiences=("children", "adults"),
        keywords=("music", "concerts", "family-events", "childrens-culture"),
        when=Once(weekday=5, week=3, at="14:00", minutes=60),
        capacity=350,
        ages=(3, None),
        venue="musiikkikeskus",
        accessibility=HALL_ACCESS,
        price="8.00",
        price_info=(
            "Alle 7-vuotiaat maksutta aikuisen seurassa.",
            "Barn under 7 år gratis i sällskap med en vuxen.",
            "Under-7s free with an adult.",
        ),
    ),
    OfferingSpec(
        key="kuopio-jousikvartetti-striimi",
        city="kuopio",
        organisation="musiikkikeskus",
        title=(
            "Hoivakotien striimikonsertti: kaupunginorkesterin jousikvartetti",
            "Strömmad konsert för vårdhem: stadsorkesterns stråkkvartett",
            "Streamed concert for care homes: the City Orchestra's string quartet",
        ),
        short=(
            "Jousikvartetti soittaa tuttuja klassikoita ja suomalaisia kansanlauluja.",
            "Stråkkvartetten spelar kända klassiker och finska folkvisor.",
            "The string quartet plays well-known classics and Finnish folk songs.",
        ),
        description=(
            "Lähetys tulee musiikkikeskuksen pienestä salista. Soittajat esittelevät "
            "soittimensa lähikuvassa.",
            "Sändningen kommer från musikcentrets lilla sal. Musikerna visar sina instrument i "
            "närbild.",
            "Streamed from the music centre's small hall. The players show their instruments "
            "close up.",
        ),
        format="live_stream",
        audiences=("care_units", "older_people"),
        keywords=("music", "concerts", "classical-music"),
        when=Weekly(weekdays=(2,), at="14:00", minutes=40, every=2),
        capacity=60,
        languages=("fi", "none"),
        online_url=f"{STREAM}/jousikvartetti",
        accessibility=ONLINE_ACCESS,
        group_orders=True,
        auto_accept=True,
    ),
    OfferingSpec(
        key="kuopio-soitinesittely",
        city="kuopio",
        organisation="musiikkikeskus",
        title=(
            "Soitinesittely koululaisille",
            "Instrumentpresentation för skolelever",
            "Instrument showcase for school pupils",
        ),
        short=(
            "Orkesterin muusikot esittelevät soittimensa ja oppilaat pääsevät kokeilemaan.",
            "Orkesterns musiker visar sina instrument och eleverna får prova.",
            "Orchestra musicians show their instruments and pupils get to try them.",
        ),
        description=(
            "Puolentoista tunnin vierailu musiikkikeskuksessa, sovitaan luokan kanssa.",
            "Ett besök på en och en halv timme i musikcentret, enligt överenskommelse.",
            "A 90-minute visit to the music centre, arranged with the class.",
        ),
        format="on_site",
        audiences=("schools", "children"),
        keywords=("music", "workshops", "childrens-culture"),
        when=None,
        ages=(6, 12),
        venue="musiikkikeskus",
        accessibility=HALL_ACCESS,
        enrolment=False,
        group_orders=True,
        group=(10, 30),
    ),
    OfferingSpec(
        key="kuopio-korttelimuseo",
        city="kuopio",
        organisation="kulttuuripalvelut",
        title=(
            "Korttelimuseon opastettu kierros",
            "Guidad visning i Kvartersmuseet",
            "Guided tour of the Old Kuopio Museum",
        ),
        short=(
            "Kurkistus puutalokorttelin koteihin 1700-luvulta 1930-luvulle.",
            "En titt in i trähuskvarterets hem från 1700-talet till 1930-talet.",
            "A look into the wooden houses' homes from the 1700s to the 1930s.",
        ),
        description=(
            "Kierros kulkee pihapiirin taloissa ja kertoo kuopiolaisten arjesta. Osa "
            "taloista on kynnyksellisiä.",
            "Visningen går genom husen kring gården och berättar om Kuopiobornas vardag. "
            "En del hus har trösklar.",
            "The tour goes through the courtyard houses and tells of everyday life. Some "
            "houses have thresholds.",
        ),
        format="on_site",
        audiences=("adults", "older_people", "youth"),
        keywords=("guided-tours", "museums", "local-history", "cultural-heritage"),
        when=Weekly(weekdays=(5,), at="13:00", minutes=60),
        capacity=20,
        location="Kuopion korttelimuseo, Kirkkokatu 22, 70100 Kuopio",
        accessibility=(
            "Pihapiiri on kivetty. Osaan taloista on korkeat kynnykset; opas kertoo kiertoreitin.",
            "Gården är stenlagd. En del hus har höga trösklar; guiden visar en annan väg.",
            "The courtyard is cobbled. Some houses have high thresholds; the guide shows a "
            "way round.",
        ),
        price="8.00",
        price_info=(
            "Museokortilla maksutta.",
            "Gratis med Museikortet.",
            "Free with the Museum Card.",
        ),
    ),
    OfferingSpec(
        key="kuopio-muistelutyopaja",
        city="kuopio",
        organisation="kulttuuripalvelut",
        title=(
            "Muistojen albumi – muistelutyöpaja etänä",
            "Minnesalbumet – minnesverkstad på distans",
            "The memory album – remote reminiscence workshop",
        ),
        short=(
            "Vanhat valokuvat ja esineet herättävät muistot, ohjaaja johdattaa keskustelua.",
            "Gamla fotografier och föremål väcker minnen, ledaren styr samtalet.",
            "Old photos and objects bring back memories; the leader guides the talk.",
        ),
        description=(
            "Museon kokoelmien kuvat näytetään ruudulla, ja ohjaaja kysyy niistä. Hoitaja "
            "tukee ryhmää paikan päällä.",
            "Bilder ur museets samlingar visas på skärmen och ledaren ställer frågor. En "
            "skötare stöder gruppen på plats.",
            "Pictures from the museum's collections are shown and the leader asks about them. "
            "A carer supports the group on site.",
        ),
        format="live_stream",
        audiences=("care_units", "older_people"),
        keywords=("reminiscence", "local-history", "wellbeing"),
        when=None,
        online_url=f"{STREAM}/muistelutyopaja",
        accessibility=ONLINE_ACCESS,
        enrolment=False,
        group_orders=True,
        group=(3, 15),
    ),
    OfferingSpec(
        key="kuopio-digiopastus",
        city="kuopio",
        organisation="kulttuuripalvelut",
        title=(
            "Kirjaston digiopastus: verkkopankki ja Omakanta",
            "Bibliotekets digihandledning: nätbanken och Mina Kanta-sidor",
            "Library digital help: online banking and My Kanta",
        ),
        short=(
            "Opastetaan turvallisesti asioimaan verkossa, myös omalla laitteella.",
            "Vi handleder i att uträtta ärenden tryggt på nätet, också med egen enhet.",
            "Learn to do your errands safely online, on your own device too.",
        ),
        description=(
            "Käydään läpi tunnistautuminen, reseptien uusiminen ja huijausviestien "
            "tunnistaminen. Tunnuksia ei kysytä.",
            "Vi går igenom identifiering, förnyande av recept och hur man känner igen "
            "bluffmeddelanden. Inga koder efterfrågas.",
            "Signing in, renewing prescriptions and spotting scam messages. Nobody asks for "
            "your codes.",
        ),
        format="on_site",
        audiences=("older_people", "adults"),
        keywords=("digital-skills", "libraries"),
        when=Weekly(weekdays=(1,), at="13:00", minutes=90),
        capacity=10,
        venue="paakirjasto",
        accessibility=LIBRARY_ACCESS,
    ),
    OfferingSpec(
        key="kuopio-kansantanssi",
        city="kuopio",
        organisation="savon-kansantanssijat",
        title=(
            "Kansantanssin alkeet",
            "Folkdans för nybörjare",
            "Folk dance for beginners",
        ),
        short=(
            "Savolaisia piiri- ja paritansseja pelimannien säestyksellä.",
            "Ringdanser och pardanser från Savolax till spelmansmusik.",
            "Ring and couple dances from Savo, with live fiddle music.",
        ),
        description=(
            "Tervetuloa yksin tai parin kanssa. Tanssikengiksi käyvät kevyet sisäkengät.",
            "Välkommen ensam eller med partner. Lätta inneskor räcker som danskor.",
            "Come alone or with a partner. Light indoor shoes will do.",
        ),
        format="on_site",
        audiences=("adults", "youth"),
        keywords=("dance", "cultural-heritage", "movement"),
        when=Weekly(weekdays=(2,), at="18:00", minutes=90),
        capacity=30,
        languages=("fi", "none"),
        venue="kulttuuritalo-vainola",
        accessibility=HALL_ACCESS,
        price="5.00",
        price_info=("Kausimaksu 45 €.", "Säsongsavgift 45 €.", "Season fee €45."),
    ),
    OfferingSpec(
        key="kuopio-pelimannitallenne",
        city="kuopio",
        organisation="savon-kansantanssijat",
        title=(
            "Pelimannit ja tanssijat – tallenne hoivakoteihin",
            "Spelmän och dansare – inspelning för vårdhem",
            "Fiddlers and dancers – a recording for care homes",
        ),
        short=(
            "Tallennettu esitys, jonka katselemme yhdessä verkossa viikoittain.",
            "En inspelad föreställning som vi ser tillsammans på nätet varje vecka.",
            "A recorded performance shown together online every week.",
        ),
        description=(
            "Tanssijat esittävät polkkia, valsseja ja katrilleja. Katseluhetken juontaa "
            "yhdistyksen tanssija, joka vastaa kysymyksiin.",
            "Dansarna framför polkor, valser och kadrilj. Visningen leds av en av "
            "föreningens dansare som svarar på frågor.",
            "The dancers perform polkas, waltzes and quadrilles. One of them hosts the "
            "screening and answers questions.",
        ),
        format="recording",
        audiences=("care_units", "older_people"),
        keywords=("dance", "music", "cultural-heritage", "reminiscence"),
        when=Weekly(weekdays=(3,), at="13:00", minutes=45),
        capacity=80,
        online_url=f"{STREAM}/pelimannit-tallenne",
        accessibility=ONLINE_ACCESS,
        group_orders=True,
        auto_accept=True,
    ),
    OfferingSpec(
        key="kuopio-akvarelli",
        city="kuopio",
        organisation="kuvataiteilija-miettinen",
        title=(
            "Akvarellimaalauksen työpaja: Kallaveden valo",
            "Akvarellverkstad: ljuset över Kallavesi",
            "Watercolour workshop: the light on Lake Kallavesi",
        ),
        short=(
            "Maalataan järvimaisemia märkää märälle -tekniikalla.",
            "Vi målar sjölandskap med vått-i-vått-teknik.",
            "Paint lake views with the wet-on-wet technique.",
        ),
        description=(
            "Taiteilija Elina Miettinen opastaa vaihe vaiheelta. Välineet ja paperit "
            "sisältyvät hintaan.",
            "Konstnären Elina Miettinen handleder steg för steg. Material och papper ingår.",
            "Artist Elina Miettinen guides you step by step. Materials and paper included.",
        ),
        format="on_site",
        audiences=("adults", "older_people"),
        keywords=("visual-arts", "workshops"),
        when=Once(weekday=5, week=6, at="11:00", minutes=180),
        capacity=12,
        venue="kulttuuritalo-vainola",
        accessibility=WORKSHOP_ACCESS,
        price="20.00",
        cancellation_hours=48,
    ),
    OfferingSpec(
        key="kuopio-maalataan-yhdessa",
        city="kuopio",
        organisation="kuvataiteilija-miettinen",
        title=(
            "Maalataan yhdessä – etätyöpaja hoivakodeille",
            "Vi målar tillsammans – distansverkstad för vårdhem",
            "Painting together – remote workshop for care homes",
        ),
        short=(
            "Taiteilija maalaa ruudulla, ja ryhmä maalaa mukana omassa tahdissaan.",
            "Konstnären målar på skärmen och gruppen målar med i egen takt.",
            "The artist paints on screen and the group paints along at its own pace.",
        ),
        description=(
            "Aiheina kukat, linnut ja vuodenajat. Tarvikelista lähetetään tilaajalle; "
            "maalata voi myös sormin.",
            "Motiven är blommor, fåglar och årstider. En materiallista skickas till "
            "beställaren; man kan också måla med fingrarna.",
            "Flowers, birds and seasons. The unit receives a list of materials; finger "
            "painting is fine too.",
        ),
        format="live_stream",
        audiences=("care_units", "older_people"),
        keywords=("visual-arts", "workshops", "wellbeing"),
        when=Weekly(weekdays=(0,), at="13:30", minutes=60, every=2, phase=1),
        capacity=30,
        online_url=f"{STREAM}/maalataan-yhdessa",
        accessibility=SEATED_ACCESS,
        enrolment=False,
        group_orders=True,
        auto_accept=True,
        group=(2, 15),
    ),
]
