"""Jyväskylä's demo venues and spaces."""

from __future__ import annotations

from lampio.demo.spaces_data import SpaceSpec, VenueSpec, school_spaces

VENUES: list[VenueSpec] = [
    VenueSpec(
        city="jyvaskyla",
        organisation="kulttuuri",
        slug="kulttuuritalo-satama",
        kind="culture_centre",
        name=("Kulttuuritalo Satama", "Kulturhuset Hamnen", "Satama Culture House"),
        description=(
            "Jyväsjärven rannalla oleva kulttuuritalo, jossa harjoittelevat tanssijat, "
            "teatteriryhmät ja kokkikerhot.",
            "Kulturhus vid Jyväsjärvi där dansare, teatergrupper och matlagningsklubbar övar.",
            "A culture house on the shore of Lake Jyväsjärvi where dancers, theatre groups and "
            "cooking clubs meet.",
        ),
        street_address="Lutakonaukio 5",
        postal_code="40100",
        post_office="Jyväskylä",
        directions=(
            "Matkakeskukselta on viiden minuutin kävelymatka järvelle päin. Pääovi A on "
            "aukion puolella. Opetuskeittiöön on oma ovi B talon päädyssä.",
            "Från resecentret är det fem minuters promenad mot sjön. Huvuddörr A ligger mot "
            "torget. Undervisningsköket har en egen dörr B på husets gavel.",
            "From the travel centre it is a five-minute walk towards the lake. Main door A faces "
            "the square. The teaching kitchen has its own door B at the end of the building.",
        ),
        accessibility=(
            "Ovilla A ja B ei ole portaita. Hissi vie toiseen kerrokseen studioon. Esteetön wc "
            "on aulassa ja salissa on induktiosilmukka.",
            "Dörrarna A och B har inga trappor. Hissen går till studion i andra våningen. "
            "Tillgänglig toalett i entréhallen och induktionsslinga i salen.",
            "Doors A and B have no steps. A lift goes up to the studio. Accessible toilet in the "
            "lobby and an induction loop in the hall.",
        ),
        latitude="62.239900",
        longitude="25.758600",
        spaces=(
            SpaceSpec("sali", "culture_hall", ("Satamasali", "Hamnsalen", "Harbour Hall"), 150),
            SpaceSpec(
                "studio", "culture_studio", ("Studio Laituri", "Studio Bryggan", "Pier Studio"), 30
            ),
            SpaceSpec(
                "opetuskeittio",
                "culture_kitchen",
                ("Opetuskeittiö", "Undervisningsköket", "Teaching kitchen"),
                16,
            ),
        ),
    ),
    VenueSpec(
        city="jyvaskyla",
        organisation="kulttuuri",
        slug="paakirjasto",
        kind="library",
        name=("Jyväskylän pääkirjasto", "Jyväskylä huvudbibliotek", "Jyväskylä Main Library"),
        description=(
            "Keskustan pääkirjasto Kirkkopuiston laidalla. Kokoushuoneet ovat maksuttomia "
            "yhdistyksille ja asukkaille.",
            "Huvudbiblioteket i centrum invid Kyrkparken. Mötesrummen är avgiftsfria för "
            "föreningar och invånare.",
            "The main library in the centre beside the Church Park. The meeting rooms are free "
            "for associations and residents.",
        ),
        street_address="Vapaudenkatu 39–41",
        postal_code="40100",
        post_office="Jyväskylä",
        directions=(
            "Pääovi on Vapaudenkadulla. Kokoushuoneet ovat kolmannessa kerroksessa, "
            "musiikkistudio toisessa kerroksessa lehtilukusalin takana.",
            "Huvudingången ligger på Vapaudenkatu. Mötesrummen finns i tredje våningen, "
            "musikstudion i andra våningen bakom tidningsläsesalen.",
            "The main door is on Vapaudenkatu. The meeting rooms are on the third floor and the "
            "music studio is on the second floor behind the newspaper reading room.",
        ),
        accessibility=(
            "Pääovi on esteetön ja hissi kulkee kaikkiin kerroksiin. Esteettömät wc:t ovat "
            "ensimmäisessä ja kolmannessa kerroksessa.",
            "Huvudingången är tillgänglig och hissen går till alla våningar. Tillgängliga "
            "toaletter finns i första och tredje våningen.",
            "The main door is step-free and the lift serves every floor. Accessible toilets are "
            "on the ground and third floors.",
        ),
        latitude="62.241800",
        longitude="25.747500",
        spaces=(
            SpaceSpec(
                "harju",
                "meeting_room",
                ("Kokoushuone Harju", "Mötesrummet Åsen", "Harju meeting room"),
                10,
            ),
            SpaceSpec(
                "jyvasjarvi",
                "meeting_room",
                ("Kokoushuone Jyväsjärvi", "Mötesrummet Jyväsjärvi", "Jyväsjärvi meeting room"),
                16,
            ),
            SpaceSpec(
                "musiikkistudio",
                "library_music",
                ("Musiikkistudio", "Musikstudion", "Music studio"),
                5,
            ),
        ),
    ),
    VenueSpec(
        city="jyvaskyla",
        organisation="sinfonia",
        slug="musiikkitalo-tourula",
        kind="music_centre",
        name=("Musiikkitalo Tourula", "Musikhuset Tourula", "Tourula Music House"),
        description=(
            "Jyväskylä Sinfonian harjoitustalo. Sali ja harjoitushuone ovat kuorojen ja "
            "yhtyeiden vuokrattavissa, kun orkesteri ei harjoittele.",
            "Jyväskylä Sinfonias övningshus. Salen och övningsrummet kan hyras av körer och "
            "ensembler när orkestern inte övar.",
            "Jyväskylä Sinfonia's rehearsal house. Choirs and ensembles can rent the hall and "
            "the rehearsal room when the orchestra is not rehearsing.",
        ),
        street_address="Tourulankatu 15",
        postal_code="40100",
        post_office="Jyväskylä",
        directions=(
            "Sisäänkäynti on Tourulankadun puolelta, ovi 2. Soita ovikelloa, niin henkilökunta "
            "avaa. Salin lastausovi on pihan puolella.",
            "Ingången är från Tourulankatu, dörr 2. Ring på dörrklockan så öppnar personalen. "
            "Salens lastdörr finns på gårdssidan.",
            "Enter from Tourulankatu by door 2 and ring the bell; staff will let you in. The "
            "hall's loading door is on the yard side.",
        ),
        accessibility=(
            "Ovella 2 on luiska ja ovikello matalalla. Salissa on pyörätuolipaikat ja "
            "induktiosilmukka. Esteetön wc on aulassa.",
            "Vid dörr 2 finns en ramp och en lågt placerad dörrklocka. Salen har "
            "rullstolsplatser och induktionsslinga. Tillgänglig toalett i entréhallen.",
            "Door 2 has a ramp and a doorbell at wheelchair height. The hall has wheelchair "
            "spaces and an induction loop. Accessible toilet in the lobby.",
        ),
        latitude="62.247000",
        longitude="25.737800",
        spaces=(
            SpaceSpec(
                "tourula-sali",
                "concert_hall",
                ("Tourula-sali", "Tourulasalen", "Tourula Hall"),
                240,
            ),
            SpaceSpec(
                "harjoitushuone",
                "rehearsal",
                ("Harjoitushuone Aalto", "Övningsrummet Aalto", "Aalto rehearsal room"),
                14,
            ),
        ),
    ),
    VenueSpec(
        city="jyvaskyla",
        organisation="kilpisen-koulu",
        slug="kilpisen-koulu",
        kind="school",
        name=("Kilpisen koulu", "Kilpinen skola", "Kilpinen School"),
        description=(
            "Keskustan yläkoulu. Liikuntasali ja luokka 210 ovat iltaisin asukkaiden käytössä.",
            "Högstadium i centrum. Gymnastiksalen och klassrum 210 kan användas av invånarna på "
            "kvällarna.",
            "A lower secondary school in the centre. Its gym and classroom 210 are open to "
            "residents in the evenings.",
        ),
        street_address="Kilpisenkatu 8",
        postal_code="40100",
        post_office="Jyväskylä",
        directions=(
            "Iltakäytössä sisäänkäynti on Kilpisenkadun puoleiselta pihalta, ovi C. Pääovi on "
            "iltaisin lukossa.",
            "På kvällarna är ingången från gården mot Kilpisenkatu, dörr C. Huvuddörren är låst "
            "på kvällarna.",
            "In the evenings, enter from the yard on the Kilpisenkatu side by door C. The main "
            "door is locked in the evenings.",
        ),
        accessibility=(
            "Ovelta C pääsee hissillä liikuntasaliin ja luokkaan 210. Esteetön wc on "
            "liikuntasalin aulassa.",
            "Från dörr C kommer man med hiss till gymnastiksalen och klassrum 210. Tillgänglig "
            "toalett i gymnastiksalens entré.",
            "From door C a lift takes you to the gym and classroom 210. Accessible toilet "
            "in the gym lobby.",
        ),
        latitude="62.244000",
        longitude="25.740500",
        spaces=school_spaces(
            ("Luokka 210", "Klassrum 210", "Classroom 210"),
            gym_capacity=45,
            classroom_capacity=30,
        ),
    ),
    VenueSpec(
        city="jyvaskyla",
        organisation="kuokkalan-koulu",
        slug="kuokkalan-koulu",
        kind="school",
        name=("Kuokkalan koulu", "Kuokkala skola", "Kuokkala School"),
        description=(
            "Kuokkalan yhtenäiskoulu. Uusi liikuntasali on jaettavissa kahteen osaan.",
            "Kuokkala enhetsskola. Den nya gymnastiksalen kan delas i två delar.",
            "Kuokkala comprehensive school. The new gym can be divided in two.",
        ),
        street_address="Syöttäjänkatu 4",
        postal_code="40520",
        post_office="Jyväskylä",
        directions=(
            "Aja Syöttäjänkadun päähän. Sisäänkäynti liikuntasaliin on pysäköintialueen "
            "puolelta, ovi F. Luokka 15 on salin yläpuolella.",
            "Kör till slutet av Syöttäjänkatu. Ingången till gymnastiksalen är från "
            "parkeringsområdet, dörr F. Klassrum 15 ligger ovanför salen.",
            "Drive to the end of Syöttäjänkatu. The gym entrance is on the car park side, "
            "door F. Classroom 15 is above the gym.",
        ),
        accessibility=(
            "Ovi F avautuu painikkeella. Hissi vie luokkaan 15. Esteetön wc ja "
            "invapysäköintipaikat ovat oven F lähellä.",
            "Dörr F öppnas med en knapp. Hissen går till klassrum 15. Tillgänglig toalett och "
            "parkeringsplatser för personer med funktionsnedsättning finns nära dörr F.",
            "Door F opens with a push button. A lift goes to classroom 15. Accessible toilet and "
            "accessible parking near door F.",
        ),
        latitude="62.218400",
        longitude="25.732700",
        spaces=school_spaces(
            ("Luokka 15", "Klassrum 15", "Classroom 15"), gym_capacity=60, classroom_capacity=26
        ),
    ),
    VenueSpec(
        city="jyvaskyla",
        organisation="palokan-koulu",
        slug="palokan-koulu",
        kind="school",
        name=("Palokan koulu", "Palokka skola", "Palokka School"),
        description=(
            "Palokan alakoulu, jonka sali on suosittu lasten liikuntakerhoille.",
            "Lågstadium i Palokka. Salen är populär bland barnens idrottsklubbar.",
            "Palokka primary school, whose gym is popular with children's sports clubs.",
        ),
        street_address="Palokankaarre 12",
        postal_code="40270",
        post_office="Palokka",
        directions=(
            "Käytä koulun pihan puoleista ovea B. Pysäköi koulun eteen, sillä pihalle ei saa "
            "ajaa autolla.",
            "Använd dörr B mot skolgården. Parkera framför skolan, det är inte tillåtet att köra "
            "in på gården.",
            "Use door B on the schoolyard side. Park in front of the school: cars are not "
            "allowed in the yard.",
        ),
        accessibility=(
            "Ovella B on kaksi porrasta ja luiska. Sali ja luokka ovat samassa kerroksessa. "
            "Esteetön wc on opettajainhuoneen käytävällä.",
            "Vid dörr B finns två trappsteg och en ramp. Salen och klassrummet ligger på samma "
            "våning. Tillgänglig toalett i korridoren vid lärarrummet.",
            "Door B has two steps and a ramp. The gym and the classroom are on the same floor. "
            "Accessible toilet in the staff room corridor.",
        ),
        latitude="62.287200",
        longitude="25.717600",
        spaces=school_spaces(
            ("Luokka 3B", "Klassrum 3B", "Classroom 3B"), gym_capacity=35, classroom_capacity=24
        ),
    ),
    VenueSpec(
        city="jyvaskyla",
        organisation="kulttuuri",
        slug="nuorisotalo-huhtasuo",
        kind="youth_house",
        name=("Huhtasuon nuorisotalo", "Huhtasuo ungdomsgård", "Huhtasuo Youth House"),
        description=(
            "Nuorisotalo, jossa on sali, bändikämppä ja keittiö. Nuoret voivat varata tiloja "
            "omille ryhmilleen.",
            "Ungdomsgård med sal, replokal och kök. Unga kan boka lokalerna för sina egna grupper.",
            "A youth house with a hall, a band room and a kitchen. Young people can book them "
            "for their own groups.",
        ),
        street_address="Huhtasuontie 12",
        postal_code="40340",
        post_office="Jyväskylä",
        directions=(
            "Nuorisotalo on ostoskeskuksen takana. Sisäänkäynti on skeittiparkin puolelta, ovi A.",
            "Ungdomsgården ligger bakom köpcentret. Ingången är på skateparkens sida, dörr A.",
            "The youth house is behind the shopping centre. Enter on the skate park side by "
            "door A.",
        ),
        accessibility=(
            "Kaikki tilat ovat yhdessä kerroksessa. Ovella A on luiska. Esteetön wc on "
            "keittiön vieressä.",
            "Alla lokaler ligger på en våning. Vid dörr A finns en ramp. Tillgänglig toalett "
            "bredvid köket.",
            "Everything is on one floor. Door A has a ramp. Accessible toilet next to the kitchen.",
        ),
        latitude="62.238300",
        longitude="25.804000",
        spaces=(
            SpaceSpec(
                "nuorisosali", "youth_hall", ("Nuorisosali", "Ungdomssalen", "Youth hall"), 70
            ),
            SpaceSpec("bandikamppa", "band_room", ("Bändikämppä", "Replokalen", "Band room"), 8),
            SpaceSpec("keittio", "youth_kitchen", ("Keittiö", "Köket", "Kitchen"), 10),
        ),
    ),
]
