"""Oulu's demo offerings by city institutions: Oulu Sinfonia, the art museum, the library."""

from __future__ import annotations

from lampio.demo.offerings_data import (
    HALL_ACCESS,
    LIBRARY_ACCESS,
    MUSEUM_ACCESS,
    ONLINE_ACCESS,
    OfferingSpec,
    Once,
    Weekly,
)

STREAM = "https://striimi.demo.lampio.fi/oulu"
MUSEUM = "Oulun taidemuseo, Kasarmintie 7, 90130 Oulu"

OFFERINGS: list[OfferingSpec] = [
    OfferingSpec(
        key="oulu-lounaskonsertti",
        city="oulu",
        organisation="kulttuuripalvelut",
        title=(
            "Oulu Sinfonian lounaskonsertti: Madetojan maisemat",
            "Oulu Sinfonias lunchkonsert: Madetojas landskap",
            "Oulu Sinfonia lunch concert: Madetoja's landscapes",
        ),
        short=(
            "Kolmen vartin konsertti keskellä päivää, juontajana kapellimestari.",
            "En konsert på tre kvart mitt på dagen, med dirigenten som värd.",
            "A 45-minute concert in the middle of the day, hosted by the conductor.",
        ),
        description=(
            "Leevi Madetojan Pohjalaisia-sarjan tuttuja säveliä ja kapellimestarin tarinoita "
            "teosten taustoista. Sopii hyvin myös ensimmäiseksi konsertiksi.",
            "Välkända melodier ur Leevi Madetojas svit Österbottningar och dirigentens "
            "berättelser om verken. Passar bra också som första konsert.",
            "Familiar tunes from Leevi Madetoja's Ostrobothnians suite and the conductor's "
            "stories behind the works. A good first concert, too.",
        ),
        format="on_site",
        audiences=("adults", "older_people"),
        keywords=("music", "concerts", "classical-music"),
        when=Once(weekday=2, week=1, at="12:00", minutes=45),
        capacity=300,
        languages=("fi",),
        venue="musiikkikeskus",
        accessibility=HALL_ACCESS,
        price="12.00",
        price_info=(
            "Eläkeläiset ja opiskelijat 8 €, alle 18-vuotiaat maksutta.",
            "Pensionärer och studerande 8 €, under 18 år gratis.",
            "Pensioners and students €8, under-18s free.",
        ),
    ),
    OfferingSpec(
        key="oulu-sinfonia-striimi",
        city="oulu",
        organisation="kulttuuripalvelut",
        title=(
            "Oulu Sinfonia hoivakoteihin: striimattu iltapäiväkonsertti",
            "Oulu Sinfonia till vårdhemmen: strömmad eftermiddagskonsert",
            "Oulu Sinfonia for care homes: streamed afternoon concert",
        ),
        short=(
            "Kamarikokoonpano soittaa suorana lähetyksenä hoivakotien päiväsaleihin.",
            "En kammarensemble spelar direkt till vårdhemmens dagrum.",
            "A chamber ensemble plays live to the day rooms of care homes.",
        ),
        description=(
            "Tuttuja lauluja ja klassisia helmiä noin 40 minuuttia. Muusikot tervehtivät "
            "katsojia ja ottavat toiveita vastaan etukäteen.",
            "Kända sånger och klassiska pärlor i ungefär 40 minuter. Musikerna hälsar på "
            "publiken och tar emot önskemål på förhand.",
            "Familiar songs and classical gems for about 40 minutes. The musicians greet the "
            "viewers and take requests in advance.",
        ),
        format="live_stream",
        audiences=("older_people", "care_units"),
        keywords=("music", "concerts", "classical-music"),
        when=Weekly(weekdays=(3,), at="14:00", minutes=40, every=2),
        capacity=60,
        languages=("fi", "none"),
        online_url=f"{STREAM}/sinfonia-hoivakodit",
        accessibility=ONLINE_ACCESS,
        group_orders=True,
        auto_accept=True,
        group=(1, 40),
    ),
    OfferingSpec(
        key="oulu-pohjoinen-valo",
        city="oulu",
        organisation="taidemuseo",
        title=(
            "Opastettu kierros: Pohjoisen valo -näyttely",
            "Guidad visning: utställningen Nordligt ljus",
            "Guided tour: the Northern Light exhibition",
        ),
        short=(
            "Oppaan johdolla läpi pohjoisen taiteen valon ja pimeän.",
            "Med en guide genom ljus och mörker i nordlig konst.",
            "A guide leads you through light and darkness in northern art.",
        ),
        description=(
            "Näyttely kokoaa yhteen maalauksia ja valoinstallaatioita kaamoksesta "
            "yöttömään yöhön. Kierros kestää tunnin.",
            "Utställningen samlar målningar och ljusinstallationer från kaamos till midnattssol. "
            "Visningen tar en timme.",
            "Paintings and light installations from the polar night to the midnight sun. The "
            "tour lasts an hour.",
        ),
        format="on_site",
        audiences=("adults", "older_people", "youth"),
        keywords=("exhibitions", "guided-tours", "visual-arts", "museums"),
        when=Weekly(weekdays=(6,), at="13:00", minutes=60),
        capacity=25,
        location=MUSEUM,
        accessibility=MUSEUM_ACCESS,
        price="10.00",
        price_info=(
            "Sisältyy museolippuun. Museokortilla maksutta.",
            "Ingår i museibiljetten. Gratis med Museikortet.",
            "Included in the museum ticket. Free with the Museum Card.",
        ),
    ),
    OfferingSpec(
        key="oulu-koululaisopastus",
        city="oulu",
        organisation="taidemuseo",
        title=(
            "Työpajaopastus koululaisille: värit ja valo",
            "Verkstadsvisning för skolelever: färg och ljus",
            "Workshop tour for pupils: colour and light",
        ),
        short=(
            "Opastus ja oma teos museon pajassa, tilauksesta luokille.",
            "Visning och ett eget verk i museets verkstad, för klasser på beställning.",
            "A tour and a work of one's own in the museum workshop, ordered by classes.",
        ),
        description=(
            "Katsotaan näyttelyn teoksia yhdessä ja tehdään sitten oma valotaulu. Opettaja "
            "ehdottaa sopivia aikoja tilauksessa.",
            "Vi tittar på verken tillsammans och gör sedan en egen ljustavla. Läraren föreslår "
            "tider i beställningen.",
            "We look at the works together and then make a light picture. The teacher proposes "
            "times in the order.",
        ),
        format="on_site",
        audiences=("schools", "children"),
        keywords=("workshops", "visual-arts", "museums", "childrens-culture"),
        when=None,
        capacity=30,
        ages=(7, 15),
        location=MUSEUM,
        accessibility=MUSEUM_ACCESS,
        enrolment=False,
        group_orders=True,
        group=(8, 30),
    ),
    OfferingSpec(
        key="oulu-etaopastus",
        city="oulu",
        organisation="taidemuseo",
        title=(
            "Taidetta kotisohvalta: etäopastus hoivakodeille",
            "Konst från soffan: distansvisning för vårdhem",
            "Art from the sofa: remote tour for care homes",
        ),
        short=(
            "Museo-opas esittelee teoksia suorassa videoyhteydessä.",
            "En museiguide visar verk i direkt videoförbindelse.",
            "A museum guide shows works over a live video call.",
        ),
        description=(
            "Opas kuljettaa kameran teosten äärelle ja keskustelee katsojien kanssa. Aika "
            "sovitaan hoivakodin päivärytmin mukaan.",
            "Guiden för kameran fram till verken och samtalar med tittarna. Tiden anpassas "
            "efter vårdhemmets dagsrytm.",
            "The guide takes the camera to the works and talks with the viewers. The time is "
            "agreed around the care home's day.",
        ),
        format="live_stream",
        audiences=("older_people", "care_units"),
        keywords=("guided-tours", "visual-arts", "museums"),
        when=None,
        online_url=f"{STREAM}/taidemuseo-etaopastus",
        accessibility=ONLINE_ACCESS,
        enrolment=False,
        group_orders=True,
        group=(3, 30),
    ),
    OfferingSpec(
        key="oulu-lukupiiri",
        city="oulu",
        organisation="kaupunginkirjasto",
        title=(
            "Lukupiiri: Pohjoisen kirjailijat",
            "Läsecirkel: Nordens författare",
            "Reading circle: writers of the north",
        ),
        short=(
            "Keskustellaan kuukauden kirjasta kahvikupin äärellä.",
            "Vi samtalar om månadens bok över en kopp kaffe.",
            "We talk about the book of the month over coffee.",
        ),
        description=(
            "Luemme pohjoissuomalaisten kirjailijoiden romaaneja. Kirjoja on varattu "
            "lainaksi lukupiiriläisille, myös äänikirjoina.",
            "Vi läser romaner av nordfinländska författare. Böcker finns reserverade för "
            "deltagarna, också som ljudböcker.",
            "We read novels by writers from northern Finland. Copies are reserved for the "
            "circle, audiobooks too.",
        ),
        format="on_site",
        audiences=("adults", "older_people"),
        keywords=("literature", "reading", "libraries"),
        when=Weekly(
            weekdays=(1,),
            at="17:30",
            minutes=90,
            cancelled_week=3,
            notice=(
                "Tämän kerran lukupiiri on peruttu vetäjän sairastumisen vuoksi.",
                "Läsecirkeln är inställd den här gången eftersom ledaren insjuknat.",
                "This meeting of the circle is cancelled because the host is ill.",
            ),
        ),
        capacity=15,
        venue="paakirjasto",
        accessibility=LIBRARY_ACCESS,
    ),
    OfferingSpec(
        key="oulu-digiapu",
        city="oulu",
        organisation="kaupunginkirjasto",
        title=(
            "Digiapu: tabletti ja älypuhelin tutuiksi",
            "Digihjälp: bekanta dig med surfplattan och smarttelefonen",
            "Digital help: getting to know tablets and smartphones",
        ),
        short=(
            "Henkilökohtaista opastusta omalla laitteella, kiireettä.",
            "Personlig handledning med din egen enhet, utan brådska.",
            "One-to-one help with your own device, at your own pace.",
        ),
        description=(
            "Opetellaan viestit, kuvat, videopuhelut ja tunnistautuminen. Ota mukaan oma laite "
            "ja sen tunnukset.",
            "Vi lär oss meddelanden, bilder, videosamtal och identifiering. Ta med din enhet "
            "och dess koder.",
            "Messages, photos, video calls and signing in. Bring your own device and its "
            "passwords.",
        ),
        format="on_site",
        audiences=("older_people", "adults"),
        keywords=("digital-skills", "libraries"),
        when=Weekly(weekdays=(3,), at="10:00", minutes=90),
        capacity=8,
        languages=("fi", "fi-plain"),
        venue="paakirjasto",
        accessibility=LIBRARY_ACCESS,
    ),
    OfferingSpec(
        key="oulu-lukuhetki-etana",
        city="oulu",
        organisation="kaupunginkirjasto",
        title=(
            "Etälukuhetki hoivakoteihin",
            "Högläsning på distans för vårdhem",
            "Remote reading hour for care homes",
        ),
        short=(
            "Kirjastonhoitaja lukee novelleja ja runoja suorana lähetyksenä.",
            "En bibliotekarie läser noveller och dikter i direktsändning.",
            "A librarian reads short stories and poems in a live stream.",
        ),
        description=(
            "Puolen tunnin lukuhetki, jonka lopuksi jutellaan luetusta. Toiveita voi lähettää "
            "etukäteen.",
            "En halvtimmes högläsning som avslutas med ett samtal. Önskemål kan skickas på "
            "förhand.",
            "Half an hour of reading aloud, followed by a chat about it. Requests are welcome "
            "in advance.",
        ),
        format="live_stream",
        audiences=("older_people", "care_units"),
        keywords=("reading", "literature", "storytelling", "libraries"),
        when=Weekly(weekdays=(2,), at="10:30", minutes=30),
        capacity=80,
        online_url=f"{STREAM}/kirjasto-lukuhetki",
        accessibility=ONLINE_ACCESS,
        group_orders=True,
        auto_accept=True,
    ),
]
