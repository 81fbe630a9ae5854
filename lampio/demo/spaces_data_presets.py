"""Kinds of space in the demo: what each is for, its rules, price and usual bookings."""

from __future__ import annotations

from lampio.demo.spaces_data import Preset

_MEETING = ("Yhdistyksen kokous", "Föreningsmöte")
_BAND = ("Bändiharjoitus", "Bandrepetition")
_CHOIR = ("Kuoroharjoitus", "Körövning")
_COOKING = ("Kokkikerho", "Matlagningsklubb")
_BAKING = ("Leivontailta", "Bakkväll")
_DANCE = ("Tanssiharjoitus", "Dansträning")

PRESETS: dict[str, Preset] = {
    "culture_hall": Preset(
        space_type="hall",
        hours="culture",
        description=(
            "Juhla- ja esityssali, jossa on näyttämö, katsomo ja esitystekniikka. Sopii "
            "konsertteihin, esityksiin ja juhliin.",
            "Fest- och föreställningssal med scen, läktare och scenteknik. Passar för konserter, "
            "föreställningar och fester.",
            "A hall for performances and celebrations, with a stage, seating and stage "
            "technology. Suits concerts, shows and parties.",
        ),
        terms=(
            "Varaus vahvistetaan, kun henkilökunta on käsitellyt sen. Talon henkilökunta "
            "opastaa tekniikan käytössä. Sali luovutetaan siistinä.",
            "Bokningen bekräftas när personalen har behandlat den. Husets personal visar hur "
            "tekniken används. Salen ska lämnas i städat skick.",
            "A booking is confirmed once staff have handled it. House staff show you how to use "
            "the technology. Leave the hall tidy.",
        ),
        equipment=("stage-lighting", "sound-system", "projector", "piano"),
        purposes=(
            ("Kuoron konsertti", "Körkonsert"),
            ("Tanssiesityksen kenraaliharjoitus", "Generalrepetition för dansföreställning"),
            ("Yhdistyksen vuosijuhla", "Föreningens årsfest"),
            ("Asukasilta", "Invånarkväll"),
            ("Harrastajateatterin esitys", "Amatörteaterföreställning"),
        ),
        durations=(120, 180, 240),
        busyness=0.3,
        min_minutes=120,
        max_minutes=480,
        buffer_before=30,
        buffer_after=30,
        requires_handling=True,
        price_type="per_hour",
        price="60.00",
        induction_loop=True,
        booking_opens_days=120,
        cancellation_hours=72,
    ),
    "culture_studio": Preset(
        space_type="studio",
        hours="culture",
        description=(
            "Valoisa studio, jossa on joustava lattia ja peiliseinä. Sopii tanssiin, joogaan ja "
            "teatteriharjoituksiin.",
            "Ljus studio med fjädrande golv och spegelvägg. Passar för dans, yoga och "
            "teaterrepetitioner.",
            "A bright studio with a sprung floor and a mirror wall. Suits dance, yoga and "
            "theatre rehearsals.",
        ),
        terms=(
            "Studiossa liikutaan sisäkengillä tai paljain jaloin.",
            "I studion används inneskor eller så är man barfota.",
            "Wear indoor shoes or go barefoot in the studio.",
        ),
        equipment=("mirror-wall", "sound-system"),
        purposes=(
            _DANCE,
            ("Joogaryhmä", "Yogagrupp"),
            ("Teatteriharjoitus", "Teaterrepetition"),
            ("Seniorien tuolijumppa", "Stolgymnastik för seniorer"),
        ),
        durations=(60, 120),
        busyness=0.35,
        price_type="per_hour",
        price="25.00",
    ),
    "culture_workshop": Preset(
        space_type="workshop",
        hours="culture",
        description=(
            "Käsityöpaja, jossa on isot työpöydät, ompelukoneet ja käsityökalut.",
            "Hantverksverkstad med stora arbetsbord, symaskiner och handverktyg.",
            "A craft workshop with large work tables, sewing machines and hand tools.",
        ),
        terms=(
            "Tuo omat materiaalit. Palauta työkalut paikoilleen ja pyyhi pöydät.",
            "Ta med eget material. Lägg tillbaka verktygen och torka av borden.",
            "Bring your own materials. Put the tools back and wipe the tables.",
        ),
        equipment=("workbench", "sewing-machines"),
        purposes=(
            ("Keramiikkailta", "Keramikkväll"),
            ("Ompelukerho", "Syklubb"),
            ("Korjauskahvila", "Reparationscafé"),
            ("Askartelupaja lapsille", "Pysselverkstad för barn"),
        ),
        durations=(120, 180),
        busyness=0.4,
        max_minutes=240,
        price_type="per_hour",
        price="20.00",
    ),
    "culture_kitchen": Preset(
        space_type="kitchen",
        hours="culture",
        description=(
            "Opetuskeittiö, jossa on neljä työpistettä, uunit ja astianpesukone. Sopii "
            "kokkikursseille ja leivontaan.",
            "Undervisningskök med fyra arbetsstationer, ugnar och diskmaskin. Passar för "
            "matlagningskurser och bakning.",
            "A teaching kitchen with four work stations, ovens and a dishwasher. Suits cooking "
            "classes and baking.",
        ),
        terms=(
            "Siivoa keittiö ja pese astiat käytön jälkeen. Tuo omat raaka-aineet.",
            "Städa köket och diska efter användningen. Ta med egna råvaror.",
            "Clean the kitchen and wash the dishes after use. Bring your own ingredients.",
        ),
        equipment=("kitchen-appliances", "coffee-maker"),
        purposes=(
            _COOKING,
            _BAKING,
            ("Myyjäisten leivonta", "Bakning inför basaren"),
            ("Kasvisruokakurssi", "Kurs i vegetarisk matlagning"),
        ),
        durations=(120, 180),
        busyness=0.35,
        max_minutes=240,
        price_type="per_hour",
        price="20.00",
    ),
    "meeting_room": Preset(
        space_type="meeting_room",
        hours="library",
        description=(
            "Kokoushuone, jossa on iso näyttö, valkotaulu ja videoneuvottelulaitteet. Maksuton.",
            "Mötesrum med stor bildskärm, whiteboardtavla och utrustning för videomöten. "
            "Avgiftsfritt.",
            "A meeting room with a large screen, a whiteboard and video conferencing. Free of "
            "charge.",
        ),
        terms=(
            "Huone on tarkoitettu ei-kaupalliseen käyttöön. Jätä huone siistiksi seuraavalle.",
            "Rummet är avsett för icke-kommersiell användning. Lämna rummet snyggt åt nästa.",
            "The room is for non-commercial use. Leave it tidy for the next group.",
        ),
        equipment=("whiteboard", "display", "video-conferencing"),
        purposes=(
            _MEETING,
            ("Hallituksen kokous", "Styrelsemöte"),
            ("Opintopiiri", "Studiecirkel"),
            ("Etäpalaveri", "Distansmöte"),
            ("Läksykerho", "Läxhjälp"),
            ("Kirjapiiri", "Bokcirkel"),
        ),
        durations=(60, 90, 120),
        busyness=0.2,
        slot_minutes=30,
        min_minutes=30,
        max_minutes=240,
        induction_loop=True,
    ),
    "library_music": Preset(
        space_type="music_room",
        hours="library",
        description=(
            "Äänieristetty musiikkihuone, jossa on piano, rumpusetti, vahvistimet ja mikrofonit. "
            "Maksuton.",
            "Ljudisolerat musikrum med piano, trumset, förstärkare och mikrofoner. Avgiftsfritt.",
            "A soundproofed music room with a piano, a drum kit, amplifiers and microphones. "
            "Free of charge.",
        ),
        terms=(
            "Tuo omat soittimet ja rumpukapulat. Enintään kaksi tuntia kerrallaan.",
            "Ta med egna instrument och trumstockar. Högst två timmar åt gången.",
            "Bring your own instruments and drumsticks. At most two hours at a time.",
        ),
        equipment=("piano", "drum-kit", "guitar-amplifiers", "sound-system"),
        purposes=(
            _BAND,
            ("Pianoharjoitus", "Pianoövning"),
            ("Demon äänitys", "Inspelning av demo"),
            ("Laulutunti", "Sånglektion"),
        ),
        durations=(60, 120),
        busyness=0.3,
        max_minutes=120,
    ),
    "concert_hall": Preset(
        space_type="hall",
        hours="music",
        description=(
            "Konserttisali, jossa on hyvä akustiikka, flyygeli ja esitysvalaistus. Sopii "
            "konsertteihin ja äänityksiin.",
            "Konsertsal med god akustik, flygel och scenbelysning. Passar för konserter och "
            "inspelningar.",
            "A concert hall with fine acoustics, a grand piano and stage lighting. Suits "
            "concerts and recordings.",
        ),
        terms=(
            "Varaus vahvistetaan, kun henkilökunta on käsitellyt sen. Varaukseen kuuluu tunti "
            "valmisteluaikaa ennen ja tunti purkuaikaa jälkeen. Maksuton peruutus viikkoa "
            "ennen.",
            "Bokningen bekräftas när personalen har behandlat den. I bokningen ingår en timme "
            "för förberedelser före och en timme för nedmontering efter. Avgiftsfri avbokning "
            "senast en vecka före.",
            "A booking is confirmed once staff have handled it. An hour before and an hour after "
            "are kept free for setting up and clearing away. Free cancellation up to a week "
            "before.",
        ),
        equipment=("grand-piano", "stage-lighting", "sound-system"),
        purposes=(
            ("Kuorokonsertti", "Körkonsert"),
            ("Orkesterin harjoitus", "Orkesterrepetition"),
            ("Musiikkiopiston oppilaskonsertti", "Musikinstitutets elevkonsert"),
            ("Kamarimusiikkikonsertti", "Kammarmusikkonsert"),
            _CHOIR,
        ),
        durations=(120, 180, 240),
        busyness=0.3,
        min_minutes=120,
        max_minutes=480,
        buffer_before=60,
        buffer_after=60,
        requires_handling=True,
        price_type="per_hour",
        price="60.00",
        induction_loop=True,
        booking_opens_days=180,
        cancellation_hours=168,
    ),
    "rehearsal": Preset(
        space_type="music_room",
        hours="music",
        description=(
            "Harjoitushuone pienille kokoonpanoille ja kuoroille. Huoneessa on piano, "
            "nuottitelineet ja äänentoisto.",
            "Övningsrum för små ensembler och körer. I rummet finns piano, notställ och "
            "ljudanläggning.",
            "A rehearsal room for small ensembles and choirs, with a piano, music stands and a "
            "sound system.",
        ),
        terms=(
            "Palauta tuolit ja nuottitelineet paikoilleen harjoituksen jälkeen.",
            "Ställ tillbaka stolarna och notställen efter repetitionen.",
            "Put the chairs and music stands back after the rehearsal.",
        ),
        equipment=("piano", "sound-system"),
        purposes=(
            _CHOIR,
            _BAND,
            ("Jousikvartetin harjoitus", "Stråkkvartettens repetition"),
            ("Pelimanniharjoitus", "Spelmansövning"),
        ),
        durations=(60, 120, 180),
        busyness=0.35,
        price_type="per_hour",
        price="15.00",
    ),
    "school_gym": Preset(
        space_type="gym",
        hours="school",
        description=(
            "Koulun liikuntasali iltaisin ja viikonloppuisin. Sopii salibandyyn, sulkapalloon, "
            "lentopalloon ja jumppaan.",
            "Skolans gymnastiksal på kvällar och veckoslut. Passar för innebandy, badminton, "
            "volleyboll och gymnastik.",
            "The school gym on evenings and weekends. Suits floorball, badminton, volleyball and "
            "exercise classes.",
        ),
        terms=(
            "Käytä puhtaita sisäpelikenkiä. Palauta välineet varastoon. Vuoron vastuuhenkilön "
            "on oltava täysi-ikäinen.",
            "Använd rena inneskor. Ställ tillbaka redskapen i förrådet. Den som ansvarar för "
            "turen ska vara myndig.",
            "Wear clean indoor sports shoes. Put the equipment back in the store room. The "
            "person responsible for the booking must be an adult.",
        ),
        equipment=("wall-bars", "floorball-goals", "badminton-nets", "sound-system"),
        purposes=(
            ("Salibandyvuoro", "Innebandy"),
            ("Sulkapallo", "Badminton"),
            ("Lentopallovuoro", "Volleyboll"),
            ("Kuntojumppa", "Motionsgymnastik"),
            ("Futsal-harjoitus", "Futsalträning"),
            ("Lasten temppukerho", "Rörelselek för barn"),
        ),
        durations=(60, 60, 120),
        busyness=0.6,
        price_type="per_hour",
        price="20.00",
    ),
    "classroom": Preset(
        space_type="classroom",
        hours="school",
        description=(
            "Luokkahuone kokouksiin, kerhoihin ja kursseille koulupäivän jälkeen. Pulpetit voi "
            "järjestää ryhmiin.",
            "Klassrum för möten, klubbar och kurser efter skoldagen. Pulpeterna kan ställas i "
            "grupper.",
            "A classroom for meetings, clubs and courses after the school day. The desks can be "
            "arranged in groups.",
        ),
        terms=(
            "Palauta pulpetit riveihin käytön jälkeen. Älä käytä koulun tarvikkeita.",
            "Ställ tillbaka pulpeterna i rader efter användningen. Använd inte skolans material.",
            "Put the desks back in rows afterwards. Leave the school's own supplies alone.",
        ),
        equipment=("whiteboard", "projector"),
        purposes=(
            _MEETING,
            ("Suomen kielen keskusteluryhmä", "Samtalsgrupp i finska"),
            ("Shakkikerho", "Schackklubb"),
            ("Asukasyhdistyksen kokous", "Invånarföreningens möte"),
        ),
        durations=(60, 120),
        busyness=0.25,
        price_type="per_hour",
        price="10.00",
    ),
    "youth_hall": Preset(
        space_type="hall",
        hours="youth",
        description=(
            "Nuorisotalon sali tapahtumiin, tanssiin ja peli-iltoihin. Nuorten ryhmät varaavat "
            "salin maksutta.",
            "Ungdomsgårdens sal för evenemang, dans och spelkvällar. Ungdomsgrupper bokar salen "
            "avgiftsfritt.",
            "The youth house hall for events, dance and game nights. Youth groups book it free "
            "of charge.",
        ),
        terms=(
            "Päihteetön tila. Nuorten ryhmällä on oltava täysi-ikäinen yhteyshenkilö.",
            "Drogfri lokal. Ungdomsgruppen ska ha en myndig kontaktperson.",
            "No alcohol or drugs. A youth group needs an adult contact person.",
        ),
        equipment=("sound-system", "stage-lighting", "projector"),
        purposes=(
            ("Nuorten disko", "Ungdomsdisco"),
            _DANCE,
            ("Peli-ilta", "Spelkväll"),
            ("Nuorisovaltuuston kokous", "Ungdomsfullmäktiges möte"),
        ),
        durations=(120, 180),
        busyness=0.4,
        max_minutes=240,
    ),
    "band_room": Preset(
        space_type="music_room",
        hours="youth",
        description=(
            "Bändikämppä, jossa on rummut, vahvistimet ja PA-laitteet. Ensisijaisesti nuorten "
            "bändeille.",
            "Replokal med trummor, förstärkare och PA-utrustning. I första hand för ungdomsband.",
            "A band room with drums, amplifiers and a PA. Mainly for young people's bands.",
        ),
        terms=(
            "Kuulosuojaimet ovat kaapissa. Älä siirrä rumpusettiä.",
            "Hörselskydd finns i skåpet. Flytta inte trumsetet.",
            "Ear protection is in the cupboard. Please do not move the drum kit.",
        ),
        equipment=("drum-kit", "guitar-amplifiers", "sound-system"),
        purposes=(_BAND, ("Rumputunti", "Trumlektion"), ("Räppityöpaja", "Rapverkstad")),
        durations=(60, 120),
        busyness=0.45,
        max_minutes=120,
    ),
    "youth_kitchen": Preset(
        space_type="kitchen",
        hours="youth",
        description=(
            "Nuorisotalon keittiö kokkikerhoille ja leivontailtoihin.",
            "Ungdomsgårdens kök för matlagningsklubbar och bakkvällar.",
            "The youth house kitchen for cooking clubs and baking nights.",
        ),
        terms=(
            "Siivoa keittiö ja tiskaa astiat ennen lähtöä.",
            "Städa köket och diska innan du går.",
            "Clean up and wash the dishes before you leave.",
        ),
        equipment=("kitchen-appliances", "coffee-maker"),
        purposes=(_COOKING, _BAKING, ("Pizzailta", "Pizzakväll")),
        durations=(120,),
        busyness=0.3,
    ),
}
