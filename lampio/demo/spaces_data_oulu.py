"""Oulu's demo venues and spaces."""

from __future__ import annotations

from lampio.demo.spaces_data import SpaceSpec, VenueSpec, school_spaces

VENUES: list[VenueSpec] = [
    VenueSpec(
        city="oulu",
        organisation="kulttuuripalvelut",
        slug="kulttuuritalo-pikisaari",
        kind="culture_centre",
        name=("Kulttuuritalo Pikisaari", "Kulturhuset Pikisaari", "Pikisaari Culture House"),
        description=(
            "Entinen verkatehdas Pikisaaressa, nykyään harrastajien ja taiteilijoiden "
            "kulttuuritalo.",
            "En före detta klädesfabrik på Pikisaari, i dag ett kulturhus för amatörer och "
            "konstnärer.",
            "A former cloth mill on Pikisaari island, now a culture house for amateurs and "
            "artists.",
        ),
        street_address="Pikisaarentie 8",
        postal_code="90100",
        post_office="Oulu",
        directions=(
            "Keskustasta pääsee kävellen tai pyörällä Pikisillan yli. Pääsisäänkäynti on joen "
            "puolella, ovi A. Pysäköinti on talon takana.",
            "Från centrum kommer man till fots eller med cykel över Pikisilta-bron. "
            "Huvudingången finns på älvsidan, dörr A. Parkeringen ligger bakom huset.",
            "Walk or cycle from the centre over the Pikisilta bridge. The main entrance faces "
            "the river, door A. Parking is behind the building.",
        ),
        accessibility=(
            "Ovella A on luiska ja automaattiovi. Hissi kulkee kaikkiin kerroksiin. Esteetön wc "
            "on ensimmäisessä kerroksessa. Salissa on induktiosilmukka.",
            "Vid dörr A finns en ramp och en automatisk dörr. Hissen går till alla våningar. "
            "Tillgänglig toalett finns i första våningen. Salen har induktionsslinga.",
            "Door A has a ramp and an automatic door. A lift serves every floor. There is an "
            "accessible toilet on the ground floor and an induction loop in the hall.",
        ),
        latitude="65.017600",
        longitude="25.461200",
        spaces=(
            SpaceSpec(
                "sali",
                "culture_hall",
                ("Verkatehtaan sali", "Klädesfabrikens sal", "Mill Hall"),
                180,
            ),
            SpaceSpec(
                "studio", "culture_studio", ("Tanssistudio", "Dansstudio", "Dance studio"), 25
            ),
            SpaceSpec(
                "keramiikkapaja",
                "culture_workshop",
                ("Keramiikkapaja", "Keramikverkstad", "Ceramics workshop"),
                14,
                description=(
                    "Paja, jossa on dreijat, keramiikkauuni, isot työpöydät ja käsityökalut.",
                    "Verkstad med drejskivor, keramikugn, stora arbetsbord och handverktyg.",
                    "A workshop with potter's wheels, a kiln, large work tables and hand tools.",
                ),
                extra_equipment=("kiln",),
            ),
        ),
    ),
    VenueSpec(
        city="oulu",
        organisation="kaupunginkirjasto",
        slug="paakirjasto",
        kind="library",
        name=("Oulun pääkirjasto", "Uleåborgs huvudbibliotek", "Oulu Main Library"),
        description=(
            "Kaupungin pääkirjasto Hupisaarten puiston laidalla. Kokoushuoneet ja "
            "musiikkihuone ovat kaikkien varattavissa.",
            "Stadens huvudbibliotek invid Hupisaari-parken. Mötesrummen och musikrummet kan "
            "bokas av alla.",
            "The city's main library beside Hupisaaret park. Anyone can book its meeting rooms "
            "and music room.",
        ),
        street_address="Kaarlenväylä 3",
        postal_code="90100",
        post_office="Oulu",
        directions=(
            "Pääovi on Kaarlenväylän puolella. Kokoushuoneet ovat toisessa kerroksessa: hissi ja "
            "portaat ovat aulasta oikealle. Musiikkihuone on kellarikerroksessa.",
            "Huvudingången ligger mot Kaarlenväylä. Mötesrummen finns i andra våningen: hissen "
            "och trappan ligger till höger i entréhallen. Musikrummet finns i källarvåningen.",
            "The main door is on Kaarlenväylä. The meeting rooms are one floor up: the lift and "
            "stairs are to the right of the lobby. The music room is in the basement.",
        ),
        accessibility=(
            "Pääovelta on esteetön sisäänkäynti ja hissi kaikkiin kerroksiin. Esteetön wc on "
            "joka kerroksessa. Kokoushuoneissa on induktiosilmukka.",
            "Huvudingången är tillgänglig och hissen går till alla våningar. Tillgänglig "
            "toalett finns i varje våning. Mötesrummen har induktionsslinga.",
            "Step-free entrance through the main door and a lift to every floor. Accessible "
            "toilets on every floor. Induction loops in the meeting rooms.",
        ),
        latitude="65.014100",
        longitude="25.466800",
        spaces=(
            SpaceSpec(
                "hupisaari",
                "meeting_room",
                ("Kokoushuone Hupisaari", "Mötesrummet Hupisaari", "Hupisaari meeting room"),
                12,
            ),
            SpaceSpec(
                "merikoski",
                "meeting_room",
                ("Kokoushuone Merikoski", "Mötesrummet Merikoski", "Merikoski meeting room"),
                8,
            ),
            SpaceSpec(
                "toppila",
                "meeting_room",
                ("Ryhmätyötila Toppila", "Grupprummet Toppila", "Toppila group room"),
                6,
            ),
            SpaceSpec(
                "soittohuone", "library_music", ("Soittohuone", "Musikrummet", "Music room"), 6
            ),
        ),
    ),
    VenueSpec(
        city="oulu",
        organisation="kulttuuripalvelut",
        slug="musiikkikeskus",
        kind="music_centre",
        name=("Oulun musiikkikeskus", "Uleåborgs musikcenter", "Oulu Music Centre"),
        description=(
            "Konserttisali ja harjoitustilat kaupunginorkesterille, musiikkiopistolle ja "
            "harrastajille.",
            "Konsertsal och övningslokaler för stadsorkestern, musikinstitutet och amatörer.",
            "A concert hall and rehearsal rooms for the city orchestra, the music institute and "
            "amateur musicians.",
        ),
        street_address="Leevi Madetojan katu 1–3",
        postal_code="90100",
        post_office="Oulu",
        directions=(
            "Sisäänkäynti on Leevi Madetojan kadulta, pääovi B. Harjoitushuoneisiin mennään "
            "aulasta vasemmalle käytävää pitkin. Pysäköinti on musiikkikeskuksen pihalla.",
            "Ingången finns på Leevi Madetojan katu, huvuddörr B. Till övningsrummen går man "
            "till vänster från entréhallen längs korridoren. Parkering finns på gården.",
            "Enter from Leevi Madetojan katu by main door B. For the rehearsal rooms, turn left "
            "in the lobby and follow the corridor. Parking is in the yard.",
        ),
        accessibility=(
            "Pääovessa on automaattiovi, ja saliin ja harjoitushuoneisiin pääsee ilman kynnyksiä. "
            "Pyörätuolipaikat ovat salin permannolla. Esteetön wc on aulassa.",
            "Huvudingången har automatisk dörr och det finns inga trösklar till salen eller "
            "övningsrummen. Rullstolsplatserna finns på parketten. Tillgänglig toalett i "
            "entréhallen.",
            "The main door opens automatically and there are no thresholds to the hall or the "
            "rehearsal rooms. Wheelchair spaces are in the stalls. Accessible toilet in the "
            "lobby.",
        ),
        latitude="65.009300",
        longitude="25.477200",
        spaces=(
            SpaceSpec(
                "kamarimusiikkisali",
                "concert_hall",
                ("Kamarimusiikkisali", "Kammarmusiksalen", "Chamber music hall"),
                220,
            ),
            SpaceSpec(
                "harjoitushuone-1",
                "rehearsal",
                ("Harjoitushuone 1", "Övningsrum 1", "Rehearsal room 1"),
                20,
            ),
        ),
    ),
    VenueSpec(
        city="oulu",
        organisation="tuiran-koulu",
        slug="tuiran-koulu",
        kind="school",
        name=("Tuiran koulu", "Tuira skola", "Tuira School"),
        description=(
            "Tuiran koulun liikuntasali ja luokka ovat asukkaiden käytössä iltaisin ja "
            "viikonloppuisin.",
            "Tuira skolas gymnastiksal och klassrum kan användas av invånarna på kvällar och "
            "veckoslut.",
            "Tuira School's gym and a classroom are open to residents on evenings and weekends.",
        ),
        street_address="Tuiranpuistikko 6",
        postal_code="90500",
        post_office="Oulu",
        directions=(
            "Iltaisin sisäänkäynti on koulun pihalta, ovi C. Liikuntasali on heti oven vieressä, "
            "luokka 112 käytävän päässä.",
            "På kvällarna är ingången från skolgården, dörr C. Gymnastiksalen ligger genast "
            "bredvid dörren, klassrum 112 i slutet av korridoren.",
            "In the evenings, enter from the schoolyard by door C. The gym is right next to the "
            "door; classroom 112 is at the end of the corridor.",
        ),
        accessibility=(
            "Ovella C on luiska. Liikuntasali ja luokka ovat katutasossa. Esteetön wc on "
            "pukuhuoneiden vieressä.",
            "Vid dörr C finns en ramp. Gymnastiksalen och klassrummet ligger i gatuplanet. "
            "Tillgänglig toalett finns bredvid omklädningsrummen.",
            "Door C has a ramp. The gym and the classroom are at street level. There is an "
            "accessible toilet next to the changing rooms.",
        ),
        latitude="65.026200",
        longitude="25.466000",
        spaces=school_spaces(
            ("Luokka 112", "Klassrum 112", "Classroom 112"), gym_capacity=40, classroom_capacity=28
        ),
    ),
    VenueSpec(
        city="oulu",
        organisation="pateniemen-koulu",
        slug="pateniemen-koulu",
        kind="school",
        name=("Pateniemen koulu", "Pateniemi skola", "Pateniemi School"),
        description=(
            "Meren rannalla oleva alakoulu, jonka sali on iltaisin seurojen ja perheiden käytössä.",
            "Lågstadium vid havet. Salen används på kvällarna av föreningar och familjer.",
            "A primary school by the sea whose gym is used by clubs and families in the evenings.",
        ),
        street_address="Rajakyläntie 48",
        postal_code="90230",
        post_office="Oulu",
        directions=(
            "Käytä liikuntasalin päädyn ovea D parkkipaikan puolella. Luokka 204 on toisessa "
            "kerroksessa, portaat oven D vieressä.",
            "Använd dörr D på gymnastiksalens gavel mot parkeringen. Klassrum 204 ligger i andra "
            "våningen, trappan finns bredvid dörr D.",
            "Use door D at the gym end of the building, on the car park side. Classroom 204 is "
            "one floor up; the stairs are next to door D.",
        ),
        accessibility=(
            "Liikuntasaliin pääsee ovelta D ilman portaita. Luokka 204 on toisessa kerroksessa, "
            "eikä rakennuksessa ole hissiä. Esteetön wc on salin aulassa.",
            "Till gymnastiksalen kommer man från dörr D utan trappor. Klassrum 204 ligger i "
            "andra våningen och huset har ingen hiss. Tillgänglig toalett i salens entré.",
            "The gym is step-free from door D. Classroom 204 is upstairs and the building has no "
            "lift. There is an accessible toilet in the gym lobby.",
        ),
        latitude="65.082600",
        longitude="25.420300",
        spaces=school_spaces(
            ("Luokka 204", "Klassrum 204", "Classroom 204"),
            gym_capacity=35,
            classroom_capacity=24,
            classroom_step_free=False,
        ),
    ),
    VenueSpec(
        city="oulu",
        organisation="kaukovainion-koulu",
        slug="kaukovainion-koulu",
        kind="school",
        name=("Kaukovainion koulu", "Kaukovainio skola", "Kaukovainio School"),
        description=(
            "Yhtenäiskoulu, jossa on iso jaettava liikuntasali ja luokka kokouksia varten.",
            "Enhetsskola med en stor delbar gymnastiksal och ett klassrum för möten.",
            "A comprehensive school with a large divisible gym and a classroom for meetings.",
        ),
        street_address="Kaukovainiontie 4",
        postal_code="90570",
        post_office="Oulu",
        directions=(
            "Sisäänkäynti on Kiertotien puoleiselta pihalta, ovi E. Ovi on auki varausten "
            "alkaessa. Luokka on liikuntasalin aulan vieressä.",
            "Ingången är från gården mot Kiertotie, dörr E. Dörren är öppen när bokningarna "
            "börjar. Klassrummet ligger bredvid gymnastiksalens entré.",
            "Enter from the yard on the Kiertotie side, door E. The door is open when bookings "
            "start. The classroom is next to the gym lobby.",
        ),
        accessibility=(
            "Kaikki tilat ovat samassa kerroksessa, ja ovella E on automaattiovi. Esteetön wc on "
            "aulassa.",
            "Alla lokaler ligger på samma våning och dörr E är automatisk. Tillgänglig toalett "
            "i entréhallen.",
            "Everything is on one floor and door E opens automatically. Accessible toilet in "
            "the lobby.",
        ),
        latitude="65.001900",
        longitude="25.531800",
        spaces=school_spaces(
            ("Luokka Kuusi", "Klassrummet Granen", "Spruce classroom"),
            gym_capacity=60,
            classroom_capacity=30,
        ),
    ),
    VenueSpec(
        city="oulu",
        organisation="kulttuuripalvelut",
        slug="nuorisotalo-kaakkuri",
        kind="youth_house",
        name=("Kaakkurin nuorisotalo", "Kaakkuri ungdomsgård", "Kaakkuri Youth House"),
        description=(
            "Nuorten olohuone, jossa on sali, bändikämppä ja keittiö. Auki arkisin iltaan asti.",
            "Ungdomarnas vardagsrum med sal, replokal och kök. Öppet vardagar till kvällen.",
            "A living room for young people with a hall, a band room and a kitchen. Open until "
            "the evening on weekdays.",
        ),
        street_address="Kaakkurinkulma 3",
        postal_code="90410",
        post_office="Oulu",
        directions=(
            "Nuorisotalo on koulun ja kaupan välissä. Sisäänkäynti on pyöräparkin puolelta, ovi "
            "1. Bändikämppä on alakerrassa.",
            "Ungdomsgården ligger mellan skolan och butiken. Ingången är på cykelparkeringens "
            "sida, dörr 1. Replokalen finns i nedre våningen.",
            "The youth house is between the school and the shop. Enter on the bike park side by "
            "door 1. The band room is downstairs.",
        ),
        accessibility=(
            "Sali ja keittiö ovat katutasossa. Bändikämppään on vain portaat. Esteetön wc on "
            "eteisessä.",
            "Salen och köket ligger i gatuplanet. Till replokalen finns bara trappor. "
            "Tillgänglig toalett i tamburen.",
            "The hall and the kitchen are at street level. The band room can only be reached by "
            "stairs. Accessible toilet in the entrance hall.",
        ),
        latitude="64.968200",
        longitude="25.523600",
        spaces=(
            SpaceSpec(
                "nuorisosali", "youth_hall", ("Nuorisosali", "Ungdomssalen", "Youth hall"), 80
            ),
            SpaceSpec(
                "bandikamppa",
                "band_room",
                ("Bändikämppä", "Replokalen", "Band room"),
                8,
                step_free=False,
            ),
            SpaceSpec("keittio", "youth_kitchen", ("Keittiö", "Köket", "Kitchen"), 12),
        ),
    ),
]
