"""The demo's digital sessions of Kuopio, Lahti and Turku (shapes and texts: digital_data.py)."""

from __future__ import annotations

from lampio.demo.digital_data import (
    AT_HOME,
    EVERY_DAY,
    HALL_AND_HOME,
    PER_UNIT,
    PER_VIEWER,
    SEATED,
    DigitalSpec,
)
from lampio.demo.offerings_data import Weekly

KUOPIO: list[DigitalSpec] = [
    DigitalSpec(
        key="kuopio-aamujumppa",
        city="kuopio",
        organisation="kulttuuripalvelut",
        slug="aamun-tuolijumppa",
        title=(
            "Aamun tuolijumppa musiikin kanssa",
            "Morgonens stolgympa med musik",
            "Morning chair exercise with music",
        ),
        short=(
            "Puolen tunnin rauhallinen jumppa tuolilla istuen, joka aamu suorana lähetyksenä.",
            "En lugn halvtimmes gympa sittande på en stol, varje morgon direktsänd.",
            "A calm half hour of exercise sitting on a chair, streamed live every morning.",
        ),
        description=(
            "Fysioterapeutti ohjaa liikkeet ja kertoo ne myös sanoin, joten mukana pysyy, vaikka "
            "ruutua ei näkisi hyvin. Musiikkina on kuopiolaisten pelimannien soittoa. Välineitä "
            "ei tarvita.",
            "En fysioterapeut leder rörelserna och beskriver dem också i ord, så du hänger med "
            "även om du inte ser skärmen så bra. Musiken spelas av spelmän från Kuopio. Du "
            "behöver inga redskap.",
            "A physiotherapist leads the movements and also describes them in words, so you can "
            "follow even if you cannot see the screen well. The music is played by Kuopio folk "
            "fiddlers. No equipment needed.",
        ),
        format="live_stream",
        keywords=("movement", "wellbeing", "music"),
        weekly=Weekly(weekdays=EVERY_DAY, at="10:00", minutes=30),
        accessibility=SEATED,
        capacity=500,
    ),
    DigitalSpec(
        key="kuopio-korttelimuseo-etana",
        city="kuopio",
        organisation="kulttuuripalvelut",
        slug="korttelimuseo-etakierros",
        title=(
            "Korttelimuseon etäkierros: vanhan Kuopion kodit",
            "Kvartersmuseets distansvisning: hem i det gamla Kuopio",
            "Old Kuopio Museum remote tour: homes of old Kuopio",
        ),
        short=(
            "Opas kulkee kameran kanssa puutalojen kodeissa ja kertoo, miten niissä elettiin.",
            "Guiden går med kameran genom trähusens hem och berättar hur man levde där.",
            "The guide walks a camera through the wooden houses' homes and tells how people "
            "lived there.",
        ),
        description=(
            "Kierroksella nähdään 1800-luvun kauppiaan koti, 1930-luvun keittiö ja 1950-luvun "
            "olohuone. Katsojat voivat pyytää oppaalta lähikuvaa esineestä. Sopii "
            "muistelutuokioksi hoivakodin päiväsaliin.",
            "Under visningen ser vi en köpmans hem från 1800-talet, ett kök från 1930-talet och "
            "ett vardagsrum från 1950-talet. Tittarna kan be guiden visa ett föremål på nära "
            "håll. Passar som minnesstund i vårdhemmets dagrum.",
            "The tour shows a 19th-century merchant's home, a 1930s kitchen and a 1950s living "
            "room. Viewers can ask the guide for a close-up of an object. Good for a "
            "reminiscence session in a care home's day room.",
        ),
        format="live_stream",
        keywords=("museums", "guided-tours", "local-history", "reminiscence"),
        weekly=Weekly(weekdays=(1,), at="13:00", minutes=45),
        audiences=("care_units", "older_people"),
        accessibility=AT_HOME,
        price="45.00",
        price_basis="per_unit",
        price_info=PER_UNIT,
        enrolment=False,
        auto_accept=False,
        capacity=200,
    ),
    DigitalSpec(
        key="kuopio-maalaustuokio",
        city="kuopio",
        organisation="kuvataiteilija-miettinen",
        slug="maalaustuokio",
        title=(
            "Maalaustuokio kotona: talven siniset sävyt",
            "Målarstund hemma: vinterns blå toner",
            "Painting at home: the blues of winter",
        ),
        short=(
            "Kuvataiteilija Elina Miettinen ohjaa vesivärimaalausta vaihe vaiheelta.",
            "Bildkonstnären Elina Miettinen leder akvarellmålning steg för steg.",
            "Artist Elina Miettinen guides a watercolour painting step by step.",
        ),
        description=(
            "Tarvitset vesivärit, siveltimen, paperia ja vesilasin. Maalaamme lumisen maiseman, "
            "ja jokainen vaihe näytetään rauhassa. Lopuksi voit näyttää työsi muille, jos "
            "haluat.",
            "Du behöver akvarellfärger, en pensel, papper och ett vattenglas. Vi målar ett "
            "snöigt landskap, och varje steg visas i lugn takt. Till sist kan du visa ditt verk "
            "för de andra om du vill.",
            "You need watercolours, a brush, paper and a glass of water. We paint a snowy "
            "landscape, and every step is shown slowly. At the end you can show your painting "
            "to the others if you like.",
        ),
        format="live_stream",
        keywords=("visual-arts", "workshops"),
        weekly=Weekly(weekdays=(2,), at="13:00", minutes=60),
        audiences=("older_people",),
        accessibility=AT_HOME,
        price="8.00",
        price_info=PER_VIEWER,
        group_orders=False,
        capacity=16,
    ),
    DigitalSpec(
        key="kuopio-jazz-paivakahville",
        city="kuopio",
        organisation="musiikkikeskus",
        slug="jazzia-paivakahville",
        title=(
            "Jazzia päiväkahville – striimattu konsertti",
            "Jazz till eftermiddagskaffet – strömmad konsert",
            "Jazz with afternoon coffee – a streamed concert",
        ),
        short=(
            "Musiikkikeskuksen trio soittaa tuttuja iskelmiä ja jazzin klassikoita.",
            "Musikcentrets trio spelar kända schlager och jazzklassiker.",
            "The Music Centre's trio plays familiar popular songs and jazz classics.",
        ),
        description=(
            "Piano, kontrabasso ja rummut soittavat 1940–60-lukujen tuttuja kappaleita. "
            "Konsertti on tehty katsottavaksi yhdessä hoivakotien päiväsaleissa kahvin kanssa. "
            "Kesto 45 minuuttia.",
            "Piano, kontrabas och trummor spelar välkända låtar från 1940–60-talen. Konserten "
            "är gjord för att ses tillsammans i vårdhemmens dagrum till kaffet. Längd 45 "
            "minuter.",
            "Piano, double bass and drums play familiar songs from the 1940s to the 60s. The "
            "concert is made to be watched together in care homes' day rooms over coffee. 45 "
            "minutes.",
        ),
        format="live_stream",
        keywords=("music", "concerts", "jazz"),
        weekly=Weekly(weekdays=(0, 3), at="14:30", minutes=45),
        audiences=("care_units", "older_people"),
        accessibility=AT_HOME,
        price="40.00",
        price_basis="per_unit",
        price_info=PER_UNIT,
        enrolment=False,
    ),
]

LAHTI: list[DigitalSpec] = [
    DigitalSpec(
        key="lahti-lukupiiri-verkossa",
        city="lahti",
        organisation="kaupunginkirjasto",
        slug="lukupiiri-verkossa",
        title=(
            "Lukupiiri verkossa: kotimaisia novelleja",
            "Läsecirkel på nätet: finländska noveller",
            "Online reading circle: Finnish short stories",
        ),
        short=(
            "Luemme ääneen lyhyen novellin ja juttelemme siitä yhdessä.",
            "Vi läser en kort novell högt och pratar om den tillsammans.",
            "We read a short story aloud and talk about it together.",
        ),
        description=(
            "Kirjastonhoitaja lukee novellin alusta loppuun, joten kirjaa ei tarvitse hankkia. "
            "Ajatuksia voi kirjoittaa keskusteluun, ja kirjastonhoitaja lukee ne ääneen. Tällä "
            "kaudella luemme Minna Canthin ja Juhani Ahon novelleja.",
            "Bibliotekarien läser novellen från början till slut, så du behöver ingen bok. Du "
            "kan skriva dina tankar i chatten, och bibliotekarien läser upp dem. Den här "
            "säsongen läser vi noveller av Minna Canth och Juhani Aho.",
            "The librarian reads the story from start to finish, so you need no book. You can "
            "write your thoughts in the chat, and the librarian reads them aloud. This season "
            "we read stories by Minna Canth and Juhani Aho.",
        ),
        format="live_stream",
        keywords=("reading", "literature", "libraries"),
        weekly=Weekly(weekdays=(1,), at="14:00", minutes=60),
        audiences=("older_people",),
        accessibility=AT_HOME,
        group_orders=False,
        capacity=40,
    ),
    DigitalSpec(
        key="lahti-julistemuseo",
        city="lahti",
        organisation="kulttuuri",
        slug="julistemuseo-etakierros",
        title=(
            "Julistemuseon etäkierros: mainosten kultainen aika",
            "Affischmuseets distansvisning: reklamens guldålder",
            "Poster Museum remote tour: the golden age of advertising",
        ),
        short=(
            "Katsotaan yhdessä 1950- ja 60-lukujen julisteita kahvista, saippuasta ja elokuvista.",
            "Vi tittar tillsammans på affischer från 1950- och 60-talen om kaffe, tvål och film.",
            "Together we look at 1950s and 60s posters for coffee, soap and films.",
        ),
        description=(
            "Opas näyttää julisteet isona ruudulla ja kertoo niiden tarinat. Moni tuttu "
            "tuotemerkki herättää muistoja, ja niistä saa kertoa keskustelussa. Sopii "
            "hoivakotien muistelutuokioksi.",
            "Guiden visar affischerna stort på skärmen och berättar deras historia. Många kända "
            "varumärken väcker minnen, och dem får man gärna berätta om i chatten. Passar som "
            "minnesstund på vårdhem.",
            "The guide shows the posters large on the screen and tells their stories. Many "
            "familiar brands bring back memories, which you are welcome to share in the chat. "
            "Good for a reminiscence session in care homes.",
        ),
        format="live_stream",
        keywords=("museums", "guided-tours", "design", "reminiscence"),
        weekly=Weekly(weekdays=(3,), at="10:00", minutes=45),
        audiences=("care_units", "older_people"),
        accessibility=AT_HOME,
        price="50.00",
        price_basis="per_unit",
        price_info=PER_UNIT,
        enrolment=False,
        auto_accept=False,
        capacity=200,
    ),
    DigitalSpec(
        key="lahti-iltalaulut",
        city="lahti",
        organisation="lahden-kamarikuoro",
        slug="kamarikuoron-iltalaulut",
        title=(
            "Kamarikuoron iltalaulut – suora lähetys",
            "Kammarkörens aftonsånger – direktsändning",
            "The chamber choir's evening songs – live stream",
        ),
        short=(
            "Lahden Kamarikuoro laulaa rauhallisia kansanlauluja ja iltavirsiä.",
            "Lahtis kammarkör sjunger lugna folkvisor och aftonpsalmer.",
            "Lahti Chamber Choir sings calm folk songs and evening hymns.",
        ),
        description=(
            "Kuoronjohtaja kertoo laulujen taustoista lyhyesti ennen jokaista laulua. Lopuksi "
            "kuoro laulaa kuulijoiden toiveen, jonka voi kirjoittaa keskusteluun lähetyksen "
            "aikana.",
            "Körledaren berättar kort om varje sång innan den sjungs. Till sist sjunger kören "
            "en önskesång som lyssnarna kan skriva i chatten under sändningen.",
            "The conductor says a few words about each song before it is sung. At the end the "
            "choir sings a listener's request, which you can write in the chat during the "
            "stream.",
        ),
        format="live_stream",
        keywords=("choirs", "music", "concerts"),
        weekly=Weekly(weekdays=(6,), at="18:00", minutes=45),
        accessibility=AT_HOME,
        price="6.00",
        price_info=PER_VIEWER,
        auto_accept=False,
    ),
]

TURKU: list[DigitalSpec] = [
    DigitalSpec(
        key="turku-allsang",
        city="turku",
        organisation="kulttuuri",
        slug="allsang-pa-distans",
        title=(
            "Yhteislaulua ruotsiksi: vanhoja lauluja",
            "Allsång på distans: gamla visor",
            "Sing-along in Swedish: old songs",
        ),
        short=(
            "Laulamme tuttuja suomenruotsalaisia lauluja ja kansanlauluja ruotsiksi.",
            "Vi sjunger kända finlandssvenska visor och folkvisor.",
            "We sing well-known Finland-Swedish songs and folk songs in Swedish.",
        ),
        description=(
            "Sanat näkyvät ruudulla isolla, ja laulattaja kertoo laulujen tarinoita. Mukana on "
            "esimerkiksi Vårvindar friska ja Slumrande toner. Ohjelma on ruotsiksi.",
            "Orden syns stort på skärmen, och sångledaren berättar sångernas historia. Vi "
            "sjunger till exempel Vårvindar friska och Slumrande toner. Programmet är på "
            "svenska.",
            "The words show large on the screen, and the song leader tells the songs' stories. "
            "We sing, for example, Vårvindar friska and Slumrande toner. The session is in "
            "Swedish.",
        ),
        format="hybrid",
        keywords=("community-singing", "music"),
        weekly=Weekly(weekdays=(2,), at="13:30", minutes=50),
        languages=("sv",),
        location="Åbo stadsbibliotek, Studion, Linnankatu 2, Turku",
        accessibility=HALL_AND_HOME,
    ),
]
