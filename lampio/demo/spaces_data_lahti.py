"""Lahti's demo venues and spaces."""

from __future__ import annotations

from lampio.demo.spaces_data import SpaceSpec, VenueSpec, school_spaces

VENUES: list[VenueSpec] = [
    VenueSpec(
        city="lahti",
        organisation="kulttuuri",
        slug="vanha-paloasema",
        kind="culture_centre",
        name=(
            "Kulttuuritalo Vanha Paloasema",
            "Kulturhuset Gamla Brandstationen",
            "Old Fire Station Culture House",
        ),
        description=(
            "Vanhasta paloasemasta tehty kulttuuritalo. Entinen kalustohalli on nyt sali, ja "
            "yläkerrassa on studio ja paja.",
            "Ett kulturhus i den gamla brandstationen. Den tidigare garagehallen är i dag en sal "
            "och i övre våningen finns en studio och en verkstad.",
            "A culture house in the old fire station. The former engine hall is now a hall, with "
            "a studio and a workshop upstairs.",
        ),
        street_address="Harjukatu 46",
        postal_code="15100",
        post_office="Lahti",
        directions=(
            "Salin sisäänkäynti on entisistä paloautojen ovista Harjukadun puolella, ovi 1. "
            "Studioon ja pajaan kuljetaan sisäpihan ovesta 2.",
            "Salens ingång är genom de gamla brandbilsportarna mot Harjukatu, dörr 1. Till "
            "studion och verkstaden går man genom dörr 2 på innergården.",
            "The hall is entered through the old fire engine doors on Harjukatu, door 1. The "
            "studio and the workshop are reached through door 2 in the courtyard.",
        ),
        accessibility=(
            "Saliin pääsee ovesta 1 ilman portaita. Sisäpihan ovelta 2 on hissi yläkertaan. "
            "Esteetön wc on salin aulassa.",
            "Till salen kommer man utan trappor genom dörr 1. Från dörr 2 på innergården går en "
            "hiss till övre våningen. Tillgänglig toalett i salens entré.",
            "The hall is step-free through door 1. From door 2 in the courtyard a lift goes "
            "upstairs. Accessible toilet in the hall lobby.",
        ),
        latitude="60.983700",
        longitude="25.662000",
        spaces=(
            SpaceSpec("sali", "culture_hall", ("Kalustohalli", "Garagehallen", "Engine Hall"), 160),
            SpaceSpec(
                "studio",
                "culture_studio",
                ("Letkutorni-studio", "Slangtornsstudion", "Hose Tower Studio"),
                25,
            ),
            SpaceSpec("paja", "culture_workshop", ("Paja", "Verkstaden", "Workshop"), 12),
        ),
    ),
    VenueSpec(
        city="lahti",
        organisation="kaupunginkirjasto",
        slug="paakirjasto",
        kind="library",
        name=("Lahden pääkirjasto", "Lahtis huvudbibliotek", "Lahti Main Library"),
        description=(
            "Pääkirjasto keskustassa. Kokoushuoneissa on videoneuvottelulaitteet, ja "
            "musiikkihuoneessa voi harjoitella ja äänittää.",
            "Huvudbiblioteket i centrum. Mötesrummen har utrustning för videomöten och i "
            "musikrummet kan man öva och spela in.",
            "The main library in the centre. The meeting rooms have video conferencing, and you "
            "can rehearse and record in the music room.",
        ),
        street_address="Kirkkokatu 31",
        postal_code="15140",
        post_office="Lahti",
        directions=(
            "Pääovi on Kirkkokadun puolella. Kokoushuoneet ovat kolmannessa kerroksessa. "
            "Musiikkihuone on toisessa kerroksessa musiikkiosaston perällä.",
            "Huvudingången ligger mot Kirkkokatu. Mötesrummen finns i tredje våningen. "
            "Musikrummet ligger i andra våningen längst bort på musikavdelningen.",
            "The main door is on Kirkkokatu. The meeting rooms are on the third floor. The music "
            "room is on the second floor at the far end of the music section.",
        ),
        accessibility=(
            "Esteetön sisäänkäynti Kirkkokadulta ja hissi kaikkiin kerroksiin. "
            "Kokoushuoneissa on induktiosilmukka. Esteetön wc on ensimmäisessä kerroksessa.",
            "Tillgänglig ingång från Kirkkokatu och hiss till alla våningar. Mötesrummen har "
            "induktionsslinga. Tillgänglig toalett i första våningen.",
            "Step-free entrance from Kirkkokatu and a lift to every floor. The meeting rooms "
            "have induction loops. Accessible toilet on the ground floor.",
        ),
        latitude="60.984000",
        longitude="25.657500",
        spaces=(
            SpaceSpec(
                "vesijarvi",
                "meeting_room",
                ("Kokoushuone Vesijärvi", "Mötesrummet Vesijärvi", "Vesijärvi meeting room"),
                14,
            ),
            SpaceSpec(
                "salpausselka",
                "meeting_room",
                (
                    "Kokoushuone Salpausselkä",
                    "Mötesrummet Salpausselkä",
                    "Salpausselkä meeting room",
                ),
                8,
            ),
            SpaceSpec(
                "musiikkihuone", "library_music", ("Musiikkihuone", "Musikrummet", "Music room"), 6
            ),
        ),
    ),
    VenueSpec(
        city="lahti",
        organisation="kulttuuri",
        slug="sibeliustalo",
        kind="music_centre",
        name=("Sibeliustalo", "Sibeliushuset", "Sibelius Hall"),
        description=(
            "Puinen konsertti- ja kongressitalo Vesijärven rannalla. Puusepänverstas ja "
            "harjoitushuone ovat kuorojen ja yhtyeiden varattavissa.",
            "Ett konsert- och kongresshus i trä vid Vesijärvi. Snickeriverkstaden och "
            "övningsrummet kan bokas av körer och ensembler.",
            "A wooden concert and congress hall on Lake Vesijärvi. Choirs and ensembles can book "
            "the Carpentry Hall and the rehearsal room.",
        ),
        street_address="Ankkurikatu 7",
        postal_code="15140",
        post_office="Lahti",
        directions=(
            "Pääovi on Ankkurikadun puolella. Puusepänverstas on vanhassa tehdasrakennuksessa "
            "aulan vasemmalla puolella. Harjoitushuoneeseen mennään taiteilijaovesta T satamaan "
            "päin.",
            "Huvudingången ligger mot Ankkurikatu. Snickeriverkstaden ligger i den gamla "
            "fabriksbyggnaden till vänster om foajén. Till övningsrummet går man genom "
            "artistingången T mot hamnen.",
            "The main door is on Ankkurikatu. The Carpentry Hall is in the old factory building "
            "to the left of the foyer. For the rehearsal room, use artists' door T facing the "
            "harbour.",
        ),
        accessibility=(
            "Pääovi ja taiteilijaovi T ovat esteettömiä. Puusepänverstaassa on pyörätuolipaikat "
            "ja induktiosilmukka. Esteettömät wc:t ovat aulassa.",
            "Huvuddörren och artistingången T är tillgängliga. Snickeriverkstaden har "
            "rullstolsplatser och induktionsslinga. Tillgängliga toaletter i foajén.",
            "The main door and artists' door T are step-free. The Carpentry Hall has wheelchair "
            "spaces and an induction loop. Accessible toilets in the foyer.",
        ),
        latitude="60.990500",
        longitude="25.645200",
        spaces=(
            SpaceSpec(
                "puusepanverstas",
                "concert_hall",
                ("Puusepänverstas", "Snickeriverkstaden", "Carpentry Hall"),
                300,
            ),
            SpaceSpec(
                "harjoitushuone",
                "rehearsal",
                ("Harjoitushuone Ankkuri", "Övningsrummet Ankaret", "Anchor rehearsal room"),
                16,
            ),
        ),
    ),
    VenueSpec(
        city="lahti",
        organisation="kivimaan-koulu",
        slug="kivimaan-koulu",
        kind="school",
        name=("Kivimaan koulu", "Kivimaa skola", "Kivimaa School"),
        description=(
            "Yhtenäiskoulu, jonka liikuntasali ja luokka ovat iltaisin ja viikonloppuisin "
            "asukkaiden käytössä.",
            "Enhetsskola vars gymnastiksal och klassrum kan användas av invånarna på kvällar och "
            "veckoslut.",
            "A comprehensive school whose gym and a classroom are open to residents on evenings "
            "and weekends.",
        ),
        street_address="Kivimaankatu 3",
        postal_code="15200",
        post_office="Lahti",
        directions=(
            "Sisäänkäynti koulun pihalta, ovi C. Liikuntasali on oven vasemmalla puolella, "
            "luokka 105 oikealla.",
            "Ingång från skolgården, dörr C. Gymnastiksalen ligger till vänster om dörren, "
            "klassrum 105 till höger.",
            "Enter from the schoolyard by door C. The gym is to the left of the door and "
            "classroom 105 to the right.",
        ),
        accessibility=(
            "Ovella C on luiska. Kaikki tilat ovat katutasossa. Esteetön wc on salin vieressä.",
            "Vid dörr C finns en ramp. Alla lokaler ligger i gatuplanet. Tillgänglig toalett "
            "bredvid salen.",
            "Door C has a ramp. Everything is at street level. Accessible toilet next to the gym.",
        ),
        latitude="60.971600",
        longitude="25.651200",
        spaces=school_spaces(
            ("Luokka 105", "Klassrum 105", "Classroom 105"), gym_capacity=45, classroom_capacity=28
        ),
    ),
    VenueSpec(
        city="lahti",
        organisation="mukkulan-koulu",
        slug="mukkulan-koulu",
        kind="school",
        name=("Mukkulan koulu", "Mukkula skola", "Mukkula School"),
        description=(
            "Mukkulan alakoulu lähellä Vesijärven rantaa.",
            "Lågstadiet i Mukkula nära Vesijärvis strand.",
            "Mukkula primary school near the shore of Lake Vesijärvi.",
        ),
        street_address="Ritaniemenkatu 2",
        postal_code="15240",
        post_office="Lahti",
        directions=(
            "Käytä liikuntasalin ovea B Ritaniemenkadun puolella. Luokka on käytävän päässä "
            "salin takana.",
            "Använd gymnastiksalens dörr B mot Ritaniemenkatu. Klassrummet ligger i slutet av "
            "korridoren bakom salen.",
            "Use the gym door B on the Ritaniemenkatu side. The classroom is at the end of the "
            "corridor behind the gym.",
        ),
        accessibility=(
            "Ovella B on yksi matala porras. Esteetön wc on salin aulassa.",
            "Vid dörr B finns ett lågt trappsteg. Tillgänglig toalett i salens entré.",
            "Door B has one low step. Accessible toilet in the gym lobby.",
        ),
        latitude="61.004200",
        longitude="25.670400",
        spaces=school_spaces(
            ("Luokka Kotka", "Klassrummet Örnen", "Eagle classroom"),
            gym_capacity=35,
            classroom_capacity=24,
        ),
        step_free=False,
    ),
    VenueSpec(
        city="lahti",
        organisation="liipolan-koulu",
        slug="liipolan-koulu",
        kind="school",
        name=("Liipolan koulu", "Liipola skola", "Liipola School"),
        description=(
            "Liipolan yhtenäiskoulu, jossa on kaksi liikuntasalia. Iltaisin varattavissa on "
            "iso sali.",
            "Enhetsskolan i Liipola har två gymnastiksalar. På kvällarna kan den stora salen "
            "bokas.",
            "Liipola comprehensive school has two gyms; the large one can be booked in the "
            "evenings.",
        ),
        street_address="Liipolankatu 5",
        postal_code="15300",
        post_office="Lahti",
        directions=(
            "Iltaisin sisäänkäynti on ison liikuntasalin päädystä, ovi S. Opastekyltit "
            "näyttävät tien pysäköintialueelta.",
            "På kvällarna är ingången på den stora gymnastiksalens gavel, dörr S. Skyltar visar "
            "vägen från parkeringen.",
            "In the evenings, enter at the end of the large gym by door S. Signs show the way "
            "from the car park.",
        ),
        accessibility=(
            "Ovi S on esteetön, ja hissi vie luokkakerrokseen. Esteetön wc on ison salin aulassa.",
            "Dörr S är tillgänglig och hissen går till klassrumsvåningen. Tillgänglig toalett i "
            "den stora salens entré.",
            "Door S is step-free and a lift goes up to the classrooms. Accessible toilet in the "
            "large gym lobby.",
        ),
        latitude="60.965000",
        longitude="25.698500",
        spaces=school_spaces(
            ("Luokka 214", "Klassrum 214", "Classroom 214"), gym_capacity=70, classroom_capacity=30
        ),
    ),
    VenueSpec(
        city="lahti",
        organisation="kulttuuri",
        slug="nuorisotalo-kiverio",
        kind="youth_house",
        name=("Kiveriön nuorisotalo", "Kiveriö ungdomsgård", "Kiveriö Youth House"),
        description=(
            "Nuorisotalo, jossa on sali, bändikämppä ja keittiö. Bändikämppä on Lahden "
            "suosituin nuorten harjoituspaikka.",
            "Ungdomsgård med sal, replokal och kök. Replokalen är den populäraste övningsplatsen "
            "för unga i Lahtis.",
            "A youth house with a hall, a band room and a kitchen. The band room is the most "
            "popular rehearsal place for young people in Lahti.",
        ),
        street_address="Kiveriönkatu 10",
        postal_code="15320",
        post_office="Lahti",
        directions=(
            "Nuorisotalo on koulun vieressä. Sisäänkäynti on pallokentän puolelta, ovi K.",
            "Ungdomsgården ligger bredvid skolan. Ingången är på bollplanens sida, dörr K.",
            "The youth house is next to the school. Enter on the ball field side by door K.",
        ),
        accessibility=(
            "Ovella K on luiska. Kaikki tilat ovat yhdessä kerroksessa. Esteetön wc on salin "
            "vieressä.",
            "Vid dörr K finns en ramp. Alla lokaler ligger på en våning. Tillgänglig toalett "
            "bredvid salen.",
            "Door K has a ramp. Everything is on one floor. Accessible toilet next to the hall.",
        ),
        latitude="60.973400",
        longitude="25.704500",
        spaces=(
            SpaceSpec(
                "nuorisosali", "youth_hall", ("Nuorisosali", "Ungdomssalen", "Youth hall"), 60
            ),
            SpaceSpec("bandikamppa", "band_room", ("Bändikämppä", "Replokalen", "Band room"), 8),
            SpaceSpec("keittio", "youth_kitchen", ("Keittiö", "Köket", "Kitchen"), 10),
        ),
    ),
]
