"""Kuopio's demo venues and spaces."""

from __future__ import annotations

from lampio.demo.spaces_data import SpaceSpec, VenueSpec, school_spaces

VENUES: list[VenueSpec] = [
    VenueSpec(
        city="kuopio",
        organisation="kulttuuripalvelut",
        slug="kulttuuritalo-vainola",
        kind="culture_centre",
        name=("Kulttuuritalo Väinölä", "Kulturhuset Väinölä", "Väinölä Culture House"),
        description=(
            "Väinölänniemen puiston laidalla oleva puinen kulttuuritalo, jossa on juhlasali, "
            "peilisali ja askartelupaja.",
            "Ett kulturhus i trä vid Väinölänniemi-parken med festsal, spegelsal och "
            "pysselverkstad.",
            "A wooden culture house by Väinölänniemi park with a festival hall, a mirror studio "
            "and a craft workshop.",
        ),
        street_address="Väinölänniemenkatu 3",
        postal_code="70100",
        post_office="Kuopio",
        directions=(
            "Torilta on kymmenen minuutin kävely satamaan päin. Sisäänkäynti on puiston "
            "puolelta, ovi A. Askartelupajaan on oma ovi C pihalla.",
            "Från torget är det tio minuters promenad mot hamnen. Ingången är på parksidan, "
            "dörr A. Pysselverkstaden har en egen dörr C på gården.",
            "It is a ten-minute walk from the market square towards the harbour. Enter on the "
            "park side by door A. The craft workshop has its own door C in the yard.",
        ),
        accessibility=(
            "Ovelle A on luiska. Juhlasali ja askartelupaja ovat katutasossa, peilisaliin on "
            "porrashissi. Esteetön wc on aulassa.",
            "Till dörr A finns en ramp. Festsalen och pysselverkstaden ligger i gatuplanet, "
            "till spegelsalen finns en trapphiss. Tillgänglig toalett i entréhallen.",
            "There is a ramp to door A. The festival hall and the workshop are at street level; "
            "a stair lift goes up to the mirror studio. Accessible toilet in the lobby.",
        ),
        latitude="62.887600",
        longitude="27.694500",
        spaces=(
            SpaceSpec(
                "juhlasali", "culture_hall", ("Juhlasali", "Festsalen", "Festival hall"), 200
            ),
            SpaceSpec(
                "peilisali", "culture_studio", ("Peilisali", "Spegelsalen", "Mirror studio"), 30
            ),
            SpaceSpec(
                "askartelupaja",
                "culture_workshop",
                ("Askartelupaja", "Pysselverkstaden", "Craft workshop"),
                16,
            ),
        ),
    ),
    VenueSpec(
        city="kuopio",
        organisation="kulttuuripalvelut",
        slug="paakirjasto",
        kind="library",
        name=("Kuopion pääkirjasto", "Kuopio huvudbibliotek", "Kuopio Main Library"),
        description=(
            "Kaupungin pääkirjasto keskustassa. Kokoushuoneet ja soittohuone varataan maksutta.",
            "Stadens huvudbibliotek i centrum. Mötesrummen och musikrummet bokas avgiftsfritt.",
            "The city's main library in the centre. The meeting rooms and the music room are "
            "free to book.",
        ),
        street_address="Maaherrankatu 12",
        postal_code="70100",
        post_office="Kuopio",
        directions=(
            "Pääovi on Maaherrankadun puolella. Kokoushuoneet ovat toisessa kerroksessa "
            "lastenosaston vieressä, soittohuone pohjakerroksessa.",
            "Huvudingången ligger mot Maaherrankatu. Mötesrummen finns i andra våningen bredvid "
            "barnavdelningen, musikrummet i bottenvåningen.",
            "The main door is on Maaherrankatu. The meeting rooms are one floor up next to the "
            "children's section; the music room is on the lower floor.",
        ),
        accessibility=(
            "Esteetön sisäänkäynti pääovelta. Hissi kulkee kaikkiin kerroksiin. Kokoushuoneissa "
            "on induktiosilmukka. Esteetön wc on jokaisessa kerroksessa.",
            "Tillgänglig ingång via huvuddörren. Hissen går till alla våningar. Mötesrummen har "
            "induktionsslinga. Tillgänglig toalett i varje våning.",
            "Step-free entrance through the main door. The lift serves every floor. The meeting "
            "rooms have induction loops. Accessible toilets on every floor.",
        ),
        latitude="62.893000",
        longitude="27.679500",
        spaces=(
            SpaceSpec(
                "kallavesi",
                "meeting_room",
                ("Kokoushuone Kallavesi", "Mötesrummet Kallavesi", "Kallavesi meeting room"),
                12,
            ),
            SpaceSpec(
                "puijo",
                "meeting_room",
                ("Kokoushuone Puijo", "Mötesrummet Puijo", "Puijo meeting room"),
                8,
            ),
            SpaceSpec(
                "soittohuone", "library_music", ("Soittohuone", "Musikrummet", "Music room"), 6
            ),
        ),
    ),
    VenueSpec(
        city="kuopio",
        organisation="musiikkikeskus",
        slug="musiikkikeskus",
        kind="music_centre",
        name=("Kuopion musiikkikeskus", "Kuopio musikcenter", "Kuopio Music Centre"),
        description=(
            "Konserttitalo Kuopionlahden rannalla. Pieni sali ja harjoitushuoneet ovat "
            "kuorojen, yhtyeiden ja musiikkiopiston oppilaiden varattavissa.",
            "Konserthus vid Kuopionlahti. Lilla salen och övningsrummen kan bokas av körer, "
            "ensembler och musikinstitutets elever.",
            "A concert house on Kuopionlahti bay. Choirs, ensembles and music institute students "
            "can book the small hall and the rehearsal rooms.",
        ),
        street_address="Kuopionlahdenkatu 23",
        postal_code="70100",
        post_office="Kuopio",
        directions=(
            "Pääovi on Kuopionlahdenkadulla. Harjoitushuoneisiin kuljetaan taiteilijaovesta D "
            "talon takaa. Ovi avataan varauksen alkaessa.",
            "Huvudingången ligger på Kuopionlahdenkatu. Till övningsrummen går man genom "
            "artistingången, dörr D, på baksidan. Dörren öppnas när bokningen börjar.",
            "The main door is on Kuopionlahdenkatu. For the rehearsal rooms, use the artists' "
            "entrance, door D, at the back. It is opened when your booking starts.",
        ),
        accessibility=(
            "Pääovi ja ovi D ovat esteettömiä. Pienessä salissa on pyörätuolipaikat ja "
            "induktiosilmukka. Esteetön wc on aulassa ja taiteilijakäytävällä.",
            "Huvuddörren och dörr D är tillgängliga. Lilla salen har rullstolsplatser och "
            "induktionsslinga. Tillgängliga toaletter i entréhallen och i artistkorridoren.",
            "The main door and door D are step-free. The small hall has wheelchair spaces and an "
            "induction loop. Accessible toilets in the lobby and the artists' corridor.",
        ),
        latitude="62.889600",
        longitude="27.686300",
        spaces=(
            SpaceSpec(
                "pieni-sali", "concert_hall", ("Pieni sali", "Lilla salen", "Small hall"), 250
            ),
            SpaceSpec(
                "sointu",
                "rehearsal",
                ("Harjoitushuone Sointu", "Övningsrummet Sointu", "Sointu rehearsal room"),
                20,
            ),
            SpaceSpec(
                "kaiku",
                "rehearsal",
                ("Harjoitushuone Kaiku", "Övningsrummet Kaiku", "Kaiku rehearsal room"),
                8,
                price="12.00",
            ),
        ),
    ),
    VenueSpec(
        city="kuopio",
        organisation="snellmanin-koulu",
        slug="snellmanin-koulu",
        kind="school",
        name=("Snellmanin koulu", "Snellmans skola", "Snellman School"),
        description=(
            "Keskustan alakoulu, jossa on musiikkiluokkia. Sali ja luokka ovat iltaisin "
            "asukkaiden käytössä.",
            "Lågstadium med musikklasser i centrum. Salen och ett klassrum kan användas av "
            "invånarna på kvällarna.",
            "A primary school with music classes in the centre. Its gym and a classroom are open "
            "to residents in the evenings.",
        ),
        street_address="Snellmaninkatu 19",
        postal_code="70100",
        post_office="Kuopio",
        directions=(
            "Sisäänkäynti on koulun pihalta Snellmaninkadun puolelta, ovi C. Sali on "
            "pohjakerroksessa, luokka 8 heti sen vieressä.",
            "Ingången är från skolgården på Snellmaninkatus sida, dörr C. Salen finns i "
            "bottenvåningen, klassrum 8 genast bredvid.",
            "Enter from the schoolyard on the Snellmaninkatu side by door C. The gym is on the "
            "lower floor, with classroom 8 right next to it.",
        ),
        accessibility=(
            "Ovella C on kolme porrasta, esteetön reitti kulkee pääoven kautta: soita "
            "ovikelloa. Esteetön wc on pukuhuoneiden käytävällä.",
            "Vid dörr C finns tre trappsteg; den tillgängliga vägen går via huvuddörren: ring "
            "på. Tillgänglig toalett i korridoren vid omklädningsrummen.",
            "Door C has three steps; the step-free route is through the main door: ring the "
            "bell. Accessible toilet in the changing room corridor.",
        ),
        latitude="62.893500",
        longitude="27.672000",
        spaces=school_spaces(
            ("Luokka 8", "Klassrum 8", "Classroom 8"), gym_capacity=40, classroom_capacity=26
        ),
    ),
    VenueSpec(
        city="kuopio",
        organisation="neulamaen-koulu",
        slug="neulamaen-koulu",
        kind="school",
        name=("Neulamäen koulu", "Neulamäki skola", "Neulamäki School"),
        description=(
            "Neulamäen alakoulu. Liikuntasalissa on hyvät välineet sulkapalloon ja salibandyyn.",
            "Lågstadium i Neulamäki. Gymnastiksalen har bra redskap för badminton och innebandy.",
            "Neulamäki primary school. The gym is well equipped for badminton and floorball.",
        ),
        street_address="Neulamäentie 2",
        postal_code="70840",
        post_office="Kuopio",
        directions=(
            "Käytä liikuntasalin sivuovea E Neulamäentien puolella. Pysäköinti koulun edessä.",
            "Använd gymnastiksalens sidodörr E mot Neulamäentie. Parkering framför skolan.",
            "Use the gym's side door E facing Neulamäentie. Parking in front of the school.",
        ),
        accessibility=(
            "Ovi E on kynnyksetön. Sali ja luokka ovat samassa kerroksessa. Esteetön wc on "
            "salin aulassa.",
            "Dörr E saknar tröskel. Salen och klassrummet ligger på samma våning. Tillgänglig "
            "toalett i salens entré.",
            "Door E has no threshold. The gym and the classroom are on the same floor. "
            "Accessible toilet in the gym lobby.",
        ),
        latitude="62.870500",
        longitude="27.626500",
        spaces=school_spaces(
            ("Luokka Kettu", "Klassrummet Räven", "Fox classroom"),
            gym_capacity=35,
            classroom_capacity=24,
        ),
    ),
    VenueSpec(
        city="kuopio",
        organisation="jynkan-koulu",
        slug="jynkan-koulu",
        kind="school",
        name=("Jynkän koulu", "Jynkkä skola", "Jynkkä School"),
        description=(
            "Jynkän yhtenäiskoulu. Iso liikuntasali sopii myös turnauksiin.",
            "Enhetsskolan i Jynkkä. Den stora gymnastiksalen passar också för turneringar.",
            "Jynkkä comprehensive school. The large gym also suits tournaments.",
        ),
        street_address="Jynkänrinne 2",
        postal_code="70620",
        post_office="Kuopio",
        directions=(
            "Iltaisin sisään pääsee vain liikuntasalin ovesta G koulun takapihalta. Luokka 120 "
            "on salin yläkerrassa.",
            "På kvällarna kommer man in endast genom gymnastiksalens dörr G på skolans bakgård. "
            "Klassrum 120 ligger en våning upp från salen.",
            "In the evenings the only way in is the gym door G in the back yard. Classroom 120 "
            "is one floor above the gym.",
        ),
        accessibility=(
            "Ovi G on esteetön. Luokkaan 120 on vain portaat. Esteetön wc on salin aulassa.",
            "Dörr G är tillgänglig. Till klassrum 120 finns bara trappor. Tillgänglig toalett i "
            "salens entré.",
            "Door G is step-free. Classroom 120 can only be reached by stairs. Accessible toilet "
            "in the gym lobby.",
        ),
        latitude="62.851200",
        longitude="27.652300",
        spaces=school_spaces(
            ("Luokka 120", "Klassrum 120", "Classroom 120"),
            gym_capacity=80,
            classroom_capacity=28,
            classroom_step_free=False,
        ),
    ),
    VenueSpec(
        city="kuopio",
        organisation="kulttuuripalvelut",
        slug="nuorisotalo-petonen",
        kind="youth_house",
        name=("Petosen nuorisotalo", "Petonen ungdomsgård", "Petonen Youth House"),
        description=(
            "Petosen nuorisotalolla on sali, bändikämppä ja keittiö nuorten omille ryhmille.",
            "Petonen ungdomsgård har sal, replokal och kök för ungdomarnas egna grupper.",
            "Petonen youth house has a hall, a band room and a kitchen for young people's own "
            "groups.",
        ),
        street_address="Petosenkaari 2",
        postal_code="70820",
        post_office="Kuopio",
        directions=(
            "Nuorisotalo on palvelukeskuksen toisessa päädyssä. Sisäänkäynti on "
            "jalkapallokentän puolelta, ovi N.",
            "Ungdomsgården ligger i andra ändan av servicecentret. Ingången är på "
            "fotbollsplanens sida, dörr N.",
            "The youth house is at the far end of the service centre. Enter on the football "
            "pitch side by door N.",
        ),
        accessibility=(
            "Ovella N on automaattiovi. Kaikki tilat ovat katutasossa. Esteetön wc on eteisessä.",
            "Dörr N är automatisk. Alla lokaler ligger i gatuplanet. Tillgänglig toalett i "
            "tamburen.",
            "Door N opens automatically. Everything is at street level. Accessible toilet in "
            "the entrance hall.",
        ),
        latitude="62.860100",
        longitude="27.640800",
        spaces=(
            SpaceSpec(
                "nuorisosali", "youth_hall", ("Nuorisosali", "Ungdomssalen", "Youth hall"), 60
            ),
            SpaceSpec("bandikamppa", "band_room", ("Bändikämppä", "Replokalen", "Band room"), 8),
            SpaceSpec("keittio", "youth_kitchen", ("Keittiö", "Köket", "Kitchen"), 10),
        ),
    ),
]
