"""Oulu's demo offerings by an association and an independent artist: dance and kantele."""

from __future__ import annotations

from lampio.demo.offerings_data import (
    HALL_ACCESS,
    ONLINE_ACCESS,
    SEATED_ACCESS,
    WORKSHOP_ACCESS,
    OfferingSpec,
    Weekly,
)

STREAM = "https://striimi.demo.lampio.fi/oulu"

OFFERINGS: list[OfferingSpec] = [
    OfferingSpec(
        key="oulu-tanssin-ilo",
        city="oulu",
        organisation="pohjoisen-tanssi",
        title=(
            "Tanssin iloa senioreille",
            "Danslust för seniorer",
            "The joy of dance for seniors",
        ),
        short=(
            "Lempeää tanssia tutun musiikin tahtiin, ei parin tarvetta.",
            "Mjuk dans till välkänd musik, ingen partner behövs.",
            "Gentle dance to familiar music; no partner needed.",
        ),
        description=(
            "Tunnilla tanssitaan valssia, humppaa ja linjatanssia omaan tahtiin. Mukaan "
            "mukavat kengät ja vesipullo.",
            "Vi dansar vals, humppa och linedance i egen takt. Ta med bekväma skor och en "
            "vattenflaska.",
            "Waltz, humppa and line dance at your own pace. Bring comfortable shoes and a "
            "water bottle.",
        ),
        format="on_site",
        audiences=("older_people",),
        keywords=("dance", "movement", "wellbeing"),
        when=Weekly(weekdays=(0,), at="11:00", minutes=60),
        capacity=24,
        languages=("fi", "none"),
        venue="kulttuuritalo-pikisaari",
        accessibility=HALL_ACCESS,
        price="5.00",
        price_info=(
            "5 € kerta, kymmenen kerran kortti 40 €.",
            "5 € per gång, tiokort 40 €.",
            "€5 a time, ten-time card €40.",
        ),
    ),
    OfferingSpec(
        key="oulu-tuolijumppa",
        city="oulu",
        organisation="pohjoisen-tanssi",
        title=(
            "Tuolijumppaa musiikin tahtiin – suora lähetys",
            "Stolgympa till musik – direktsändning",
            "Chair exercise to music – live stream",
        ),
        short=(
            "Puoli tuntia liikettä istuen, ohjaaja näkyy isolta näytöltä.",
            "En halvtimme rörelse sittande, ledaren syns på en stor skärm.",
            "Half an hour of seated movement, with the instructor on a big screen.",
        ),
        description=(
            "Liikkeet vahvistavat ja notkistavat, ja musiikkina on iskelmiä ja tangoja. "
            "Hoivakodit tilaavat lähetyksen ryhmälle; kotona voi liikkua mukana.",
            "Rörelserna stärker och mjukar upp till schlager och tango. Vårdhemmen beställer "
            "sändningen för en grupp; hemma kan man röra sig med.",
            "Strengthening and loosening movements to schlager and tango. Care homes order the "
            "stream for a group; you can join from home too.",
        ),
        format="live_stream",
        audiences=("older_people", "care_units"),
        keywords=("movement", "wellbeing", "music"),
        when=Weekly(weekdays=(4,), at="10:00", minutes=30),
        capacity=100,
        languages=("fi", "fi-plain"),
        online_url=f"{STREAM}/tuolijumppa",
        accessibility=SEATED_ACCESS,
        group_orders=True,
        auto_accept=True,
    ),
    OfferingSpec(
        key="oulu-kantelepaja",
        city="oulu",
        organisation="aino-kantele",
        title=(
            "Kantelepaja aloittelijoille",
            "Kanteleverkstad för nybörjare",
            "Kantele workshop for beginners",
        ),
        short=(
            "Opitaan soittamaan viisikielistä kanteletta, soittimet lainataan.",
            "Vi lär oss spela femsträngad kantele, instrumenten lånas ut.",
            "Learn to play the five-string kantele; instruments are lent.",
        ),
        description=(
            "Ensimmäisellä kerralla opitaan kaksi kansanlaulua korvakuulolta. Nuotteja ei "
            "tarvitse osata.",
            "Första gången lär vi oss två folkvisor på gehör. Man behöver inte kunna noter.",
            "In the first session we learn two folk songs by ear. No need to read music.",
        ),
        format="on_site",
        audiences=("adults", "older_people"),
        keywords=("music", "workshops", "cultural-heritage"),
        when=Weekly(weekdays=(5,), at="12:00", minutes=90),
        capacity=8,
        venue="paakirjasto",
        accessibility=WORKSHOP_ACCESS,
        price="15.00",
        price_info=(
            "Sisältää soittimen lainan.",
            "Inklusive lån av instrument.",
            "Includes the loan of an instrument.",
        ),
        cancellation_hours=48,
    ),
    OfferingSpec(
        key="oulu-kantele-etana",
        city="oulu",
        organisation="aino-kantele",
        title=(
            "Kanteleen kaikua – etäkonsertti hoivakoteihin",
            "Kantelens klang – distanskonsert för vårdhem",
            "Echoes of the kantele – remote concert for care homes",
        ),
        short=(
            "Kanteletaiteilija soittaa ja laulaa toiveita videoyhteydellä.",
            "Kantelekonstnären spelar och sjunger önskemål via video.",
            "The kantele player plays and sings requests over video.",
        ),
        description=(
            "Konsertti rakennetaan asukkaiden toivelauluista; laulut lähetetään kirjoina "
            "etukäteen, jotta kaikki voivat laulaa mukana.",
            "Konserten byggs av invånarnas önskesånger; sångtexterna skickas på förhand så att "
            "alla kan sjunga med.",
            "The concert is built from the residents' requests; the lyrics are sent ahead so "
            "everyone can sing along.",
        ),
        format="live_stream",
        audiences=("older_people", "care_units"),
        keywords=("music", "concerts", "community-singing", "reminiscence"),
        when=None,
        online_url=f"{STREAM}/kantele-etakonsertti",
        accessibility=ONLINE_ACCESS,
        price="120.00",
        price_info=(
            "Hinta ryhmältä, sisältää laulukirjat.",
            "Pris per grupp, inklusive sånghäften.",
            "Price per group, song sheets included.",
        ),
        enrolment=False,
        group_orders=True,
        group=(3, 40),
    ),
]
