"""Turku's demo offerings (bilingual city): the philharmonic, the castle, the library."""

from __future__ import annotations

from lampio.demo.offerings_data import (
    HALL_ACCESS,
    LIBRARY_ACCESS,
    ONLINE_ACCESS,
    OfferingSpec,
    Once,
    Weekly,
)

STREAM = "https://striimi.demo.lampio.fi/turku"

OFFERINGS: list[OfferingSpec] = [
    OfferingSpec(
        key="turku-lounaskonsertti",
        city="turku",
        organisation="kulttuuri",
        title=(
            "Turun filharmonisen orkesterin lounaskonsertti",
            "Åbo filharmoniska orkesters lunchkonsert",
            "Turku Philharmonic Orchestra lunch concert",
        ),
        short=(
            "Suomen vanhimman orkesterin puolen tunnin konsertti kesken päivän.",
            "En halvtimmes konsert mitt på dagen med Finlands äldsta orkester.",
            "A half-hour midday concert by Finland's oldest orchestra.",
        ),
        description=(
            "Ohjelmassa Mozartia ja Bernhard Crusellin klarinettimusiikkia. Juonto suomeksi ja "
            "ruotsiksi.",
            "På programmet Mozart och Bernhard Crusells klarinettmusik. Presentation på finska "
            "och svenska.",
            "Mozart and Bernhard Crusell's clarinet music, presented in Finnish and Swedish.",
        ),
        format="on_site",
        audiences=("adults", "older_people"),
        keywords=("music", "concerts", "classical-music"),
        when=Once(weekday=2, week=5, at="12:00", minutes=30),
        capacity=400,
        languages=("fi", "sv"),
        location="Turun konserttitalo, Aninkaistenkatu 9, 20100 Turku",
        accessibility=HALL_ACCESS,
        price="10.00",
        price_info=("Alle 18-vuotiaat maksutta.", "Gratis för under 18 år.", "Under-18s free."),
    ),
    OfferingSpec(
        key="turku-filharmonia-striimi",
        city="turku",
        organisation="kulttuuri",
        title=(
            "Filharmonia hoivakoteihin – striimattu konsertti",
            "Filharmonin till vårdhemmen – strömmad konsert",
            "The Philharmonic for care homes – streamed concert",
        ),
        short=(
            "Orkesterin puhallinkvintetti soittaa suomeksi ja ruotsiksi juonnettuna.",
            "Orkesterns blåskvintett spelar, med presentationer på finska och svenska.",
            "The orchestra's wind quintet plays, presented in Finnish and Swedish.",
        ),
        description=(
            "Tuttuja valsseja, kansanlauluja ja merimieslauluja Turun satamakaupungista. "
            "Hoivakodit tilaavat lähetyksen ryhmälle.",
            "Kända valser, folkvisor och sjömansvisor från hamnstaden Åbo. Vårdhemmen "
            "beställer sändningen för en grupp.",
            "Familiar waltzes, folk songs and sea shanties from the port city of Turku. Care "
            "homes order the stream for a group.",
        ),
        format="live_stream",
        audiences=("care_units", "older_people"),
        keywords=("music", "concerts", "reminiscence"),
        when=Weekly(weekdays=(1,), at="14:00", minutes=40, every=2),
        capacity=60,
        languages=("fi", "sv"),
        online_url=f"{STREAM}/filharmonia-hoivakodit",
        accessibility=ONLINE_ACCESS,
        group_orders=True,
        auto_accept=True,
    ),
    OfferingSpec(
        key="turku-linna",
        city="turku",
        organisation="kulttuuri",
        title=(
            "Turun linnan opastettu kierros ruotsiksi",
            "Guidad visning av Åbo slott på svenska",
            "Guided tour of Turku Castle in Swedish",
        ),
        short=(
            "Linnan salit, vankityrmät ja Kaarina Maununtyttären tarina.",
            "Slottets salar, fängelsehålor och Karin Månsdotters historia.",
            "The castle's halls, dungeons and the story of Karin Månsdotter.",
        ),
        description=(
            "Kierros kulkee keskiaikaisessa esilinnassa ja renessanssiajan kerroksissa. "
            "Portaita on paljon.",
            "Visningen går genom den medeltida kärnborgen och renässansvåningarna. Det är "
            "många trappor.",
            "The tour goes through the medieval keep and the Renaissance floors. There are "
            "many stairs.",
        ),
        format="on_site",
        audiences=("adults", "youth", "older_people"),
        keywords=("guided-tours", "museums", "history", "cultural-heritage"),
        when=Weekly(weekdays=(5,), at="14:00", minutes=60),
        capacity=25,
        languages=("sv",),
        location="Turun linna, Linnankatu 80, 20100 Turku",
        accessibility=(
            "Linnassa on paljon portaita; esilinnan pohjakerros on esteetön. Kysy "
            "esteettömästä reitistä kassalta.",
            "Slottet har många trappor; bottenvåningen i förborgen är tillgänglig. Fråga om "
            "den tillgängliga rutten i kassan.",
            "The castle has many stairs; the ground floor of the bailey is step-free. Ask at the "
            "ticket desk about the accessible route.",
        ),
        price="14.00",
        price_info=(
            "Museokortilla maksutta.",
            "Gratis med Museikortet.",
            "Free with the Museum Card.",
        ),
    ),
    OfferingSpec(
        key="turku-lasecirkel",
        city="turku",
        organisation="kulttuuri",
        title=(
            "Ruotsinkielinen lukupiiri",
            "Läsecirkel på svenska",
            "Reading circle in Swedish",
        ),
        short=(
            "Luetaan suomenruotsalaista kirjallisuutta ja keskustellaan ruotsiksi.",
            "Vi läser finlandssvensk litteratur och samtalar på svenska.",
            "We read Finland-Swedish literature and talk in Swedish.",
        ),
        description=(
            "Syksyn kirjoissa Tove Jansson ja Kjell Westö. Piiriin voi tulla myös ruotsia "
            "opetteleva.",
            "På hösten läser vi Tove Jansson och Kjell Westö. Också den som lär sig svenska är "
            "välkommen.",
            "This season: Tove Jansson and Kjell Westö. Learners of Swedish are welcome too.",
        ),
        format="on_site",
        audiences=("adults", "older_people"),
        keywords=("literature", "reading", "libraries"),
        when=Weekly(weekdays=(2,), at="17:00", minutes=90),
        capacity=14,
        languages=("sv",),
        venue="paakirjasto",
        accessibility=LIBRARY_ACCESS,
    ),
    OfferingSpec(
        key="turku-digiapu",
        city="turku",
        organisation="kulttuuri",
        title=(
            "Digiapua ikäihmisille",
            "Digihjälp för seniorer",
            "Digital help for older people",
        ),
        short=(
            "Kysy puhelimesta, tabletista tai tietokoneesta suomeksi tai ruotsiksi.",
            "Fråga om telefonen, surfplattan eller datorn på finska eller svenska.",
            "Ask about your phone, tablet or computer in Finnish or Swedish.",
        ),
        description=(
            "Digitukihenkilö auttaa yksi kerrallaan puolen tunnin ajan. Varaa aika "
            "ilmoittautumalla.",
            "En digistödperson hjälper en i taget i en halvtimme. Boka tid genom att anmäla dig.",
            "A digital helper assists one person at a time for half an hour. Book by enrolling.",
        ),
        format="on_site",
        audiences=("older_people",),
        keywords=("digital-skills", "libraries"),
        when=Weekly(weekdays=(1,), at="10:00", minutes=120),
        capacity=4,
        languages=("fi", "sv"),
        venue="paakirjasto",
        accessibility=LIBRARY_ACCESS,
    ),
    OfferingSpec(
        key="turku-muistelupiiri",
        city="turku",
        organisation="kulttuuri",
        title=(
            "Muistelupiiri etänä: vanha Turku kuvina",
            "Minnescirkel på distans: det gamla Åbo i bilder",
            "Remote reminiscence circle: old Turku in pictures",
        ),
        short=(
            "Museon valokuvat Aurajoen rannoilta herättävät keskustelun.",
            "Museets fotografier från Aura ås stränder väcker samtal.",
            "Museum photos from the banks of the Aura river start the conversation.",
        ),
        description=(
            "Ohjaaja näyttää kuvia kauppatorilta, satamasta ja raitiovaunuista ja kysyy, mitä "
            "ne tuovat mieleen. Keskustelu käydään ryhmän toivomalla kielellä.",
            "Ledaren visar bilder från salutorget, hamnen och spårvagnarna och frågar vad de "
            "väcker för minnen. Samtalet förs på gruppens önskade språk.",
            "The leader shows pictures of the market square, the harbour and the trams and "
            "asks what they bring to mind, in the group's language.",
        ),
        format="live_stream",
        audiences=("care_units", "older_people"),
        keywords=("reminiscence", "local-history", "photography"),
        when=None,
        languages=("fi", "sv"),
        online_url=f"{STREAM}/muistelupiiri",
        accessibility=ONLINE_ACCESS,
        enrolment=False,
        group_orders=True,
        group=(3, 15),
    ),
    OfferingSpec(
        key="turku-tanssitallenne",
        city="turku",
        organisation="kulttuuri",
        title=(
            "Tallenne: Aurajoen tarinoita – tanssiteos",
            "Inspelning: Berättelser från Aura å – ett dansverk",
            "Recording: Tales of the Aura River – a dance piece",
        ),
        short=(
            "Tanssiteos joen varren ihmisistä, katsottavissa viikoittain verkossa.",
            "Ett dansverk om människorna längs ån, visas varje vecka på nätet.",
            "A dance piece about the people along the river, shown weekly online.",
        ),
        description=(
            "Tallenteen jälkeen koreografi kertoo teoksen synnystä. Teoksessa ei puhuta, joten "
            "se sopii kaikille kielille.",
            "Efter inspelningen berättar koreografen om verkets tillkomst. Verket är ordlöst "
            "och passar alla språk.",
            "After the recording the choreographer tells how the piece came about. It has no "
            "words, so it suits any language.",
        ),
        format="recording",
        audiences=("older_people", "care_units", "adults"),
        keywords=("dance", "local-history"),
        when=Weekly(weekdays=(4,), at="13:00", minutes=50),
        capacity=100,
        languages=("none",),
        online_url=f"{STREAM}/aurajoen-tarinoita",
        accessibility=ONLINE_ACCESS,
        group_orders=True,
    ),
]
