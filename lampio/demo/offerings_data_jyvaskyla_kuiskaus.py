"""Jyväskylä's demo offerings by Theatre Kuiskaus, an independent provider."""

from __future__ import annotations

from lampio.demo.offerings_data import (
    HALL_ACCESS,
    ONLINE_ACCESS,
    WORKSHOP_ACCESS,
    OfferingSpec,
    Once,
    Weekly,
)

STREAM = "https://striimi.demo.lampio.fi/jyvaskyla"

OFFERINGS: list[OfferingSpec] = [
    OfferingSpec(
        key="jyvaskyla-mummon-matkalaukku",
        city="jyvaskyla",
        organisation="teatteri-kuiskaus",
        title=(
            "Mummon matkalaukku – näytelmä kahdelle näyttelijälle",
            "Mormors resväska – en pjäs för två skådespelare",
            "Grandma's Suitcase – a play for two actors",
        ),
        short=(
            "Lämminhenkinen komedia muistoista, jotka eivät mahdu laukkuun.",
            "En varm komedi om minnen som inte ryms i väskan.",
            "A warm comedy about memories that won't fit in a suitcase.",
        ),
        description=(
            "Esitys kestää tunnin ilman väliaikaa. Esitys tulkataan suomalaiselle "
            "viittomakielelle.",
            "Föreställningen tar en timme utan paus. Den tolkas till finskt teckenspråk.",
            "The play lasts an hour with no interval and is interpreted into Finnish Sign "
            "Language.",
        ),
        format="on_site",
        audiences=("adults", "older_people"),
        keywords=("theatre",),
        when=Once(weekday=4, week=5, at="18:00", minutes=60),
        capacity=60,
        languages=("fi", "fse"),
        venue="kulttuuritalo-satama",
        accessibility=HALL_ACCESS,
        price="18.00",
        price_info=("Eläkeläiset 14 €.", "Pensionärer 14 €.", "Pensioners €14."),
    ),
    OfferingSpec(
        key="jyvaskyla-etateatteri",
        city="jyvaskyla",
        organisation="teatteri-kuiskaus",
        title=(
            "Etäteatteri hoivakoteihin: Kesäillan muistot",
            "Distansteater för vårdhem: Minnen från en sommarkväll",
            "Remote theatre for care homes: Memories of a summer evening",
        ),
        short=(
            "Näyttelijät esittävät suoraan hoivakodin näytölle ja juttelevat lopuksi.",
            "Skådespelarna spelar direkt på vårdhemmets skärm och samtalar efteråt.",
            "The actors perform live on the care home's screen and chat afterwards.",
        ),
        description=(
            "Tanssilavojen, heinäntekojen ja mökkikesien tarinoita musiikin kera. Esityksen "
            "jälkeen asukkaat voivat kertoa omia muistojaan.",
            "Berättelser om dansbanor, slåtter och sommarstugor med musik. Efteråt kan "
            "invånarna berätta egna minnen.",
            "Stories of dance pavilions, haymaking and cottage summers, with music. Afterwards "
            "the residents can share memories.",
        ),
        format="live_stream",
        audiences=("care_units", "older_people"),
        keywords=("theatre", "reminiscence"),
        when=None,
        online_url=f"{STREAM}/kuiskaus-etateatteri",
        accessibility=ONLINE_ACCESS,
        price="150.00",
        price_info=("Hinta ryhmältä.", "Pris per grupp.", "Price per group."),
        enrolment=False,
        group_orders=True,
        group=(5, 40),
        cancellation_hours=72,
    ),
    OfferingSpec(
        key="jyvaskyla-lumikuningatar",
        city="jyvaskyla",
        organisation="teatteri-kuiskaus",
        title=(
            "Tallenne: Lumikuningatar lapsille",
            "Inspelning: Snödrottningen för barn",
            "Recording: The Snow Queen for children",
        ),
        short=(
            "Nukketeatteritallenne päiväkodeille ja alakouluille.",
            "En inspelad dockteater för daghem och lågstadier.",
            "A recorded puppet play for day care and primary schools.",
        ),
        description=(
            "H. C. Andersenin satu nukeilla ja varjoilla, 35 minuuttia. Mukana tehtäviä "
            "katselun jälkeen.",
            "H. C. Andersens saga med dockor och skuggor, 35 minuter. Uppgifter för efter "
            "visningen ingår.",
            "Hans Christian Andersen's tale with puppets and shadows, 35 minutes, with tasks "
            "for after.",
        ),
        format="recording",
        audiences=("schools", "children"),
        keywords=("puppet-theatre", "theatre", "childrens-culture"),
        when=None,
        ages=(4, 10),
        online_url=f"{STREAM}/kuiskaus-lumikuningatar",
        enrolment=False,
        group_orders=True,
    ),
    OfferingSpec(
        key="jyvaskyla-draamapaja",
        city="jyvaskyla",
        organisation="teatteri-kuiskaus",
        title=(
            "Draamatyöpaja nuorille",
            "Dramaverkstad för unga",
            "Drama workshop for young people",
        ),
        short=(
            "Improa, kehollisuutta ja oma lyhytesitys kauden lopuksi.",
            "Improvisation, kroppsspråk och en egen kort föreställning i slutet.",
            "Improvisation, movement and a short show of your own at the end.",
        ),
        description=(
            "Pajassa ei tarvita aiempaa kokemusta. Ohjaajina Teatteri Kuiskauksen näyttelijät.",
            "Ingen tidigare erfarenhet behövs. Ledare är Teater Kuiskaus skådespelare.",
            "No experience needed. Led by the actors of Theatre Kuiskaus.",
        ),
        format="on_site",
        audiences=("youth",),
        keywords=("theatre", "workshops", "youth-culture"),
        when=Weekly(weekdays=(1,), at="17:00", minutes=90),
        capacity=14,
        ages=(13, 18),
        venue="nuorisotalo-huhtasuo",
        accessibility=WORKSHOP_ACCESS,
    ),
]
