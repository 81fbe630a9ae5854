"""The demo network's organisations: every kind in every city, named as the cities name them."""

from __future__ import annotations

from lampio.demo.spaces_data_schools import SCHOOL_ORGANISATIONS

# (municipality, slug, kind, (name fi, sv, en), (description fi, sv, en), website)
ORGANISATIONS: list[tuple[str, str, str, tuple[str, str, str], tuple[str, str, str], str]] = [
    # Oulu
    (
        "oulu",
        "kulttuuripalvelut",
        "city_institution",
        ("Oulun kulttuuripalvelut", "Uleåborgs kulturtjänster", "Oulu Culture Services"),
        (
            "Kaupungin kulttuuritilat, tapahtumat ja avustukset.",
            "Stadens kulturlokaler, evenemang och understöd.",
            "The city's culture venues, events and grants.",
        ),
        "https://www.ouka.fi/",
    ),
    (
        "oulu",
        "kaupunginkirjasto",
        "city_institution",
        ("Oulun kaupunginkirjasto", "Uleåborgs stadsbibliotek", "Oulu City Library"),
        (
            "Pääkirjasto ja lähikirjastot: lainaus, tilat ja tapahtumat.",
            "Huvudbiblioteket och närbiblioteken: lån, lokaler och evenemang.",
            "Main and branch libraries: loans, rooms and events.",
        ),
        "",
    ),
    (
        "oulu",
        "taidemuseo",
        "city_institution",
        ("Oulun taidemuseo", "Uleåborgs konstmuseum", "Oulu Museum of Art"),
        (
            "Nykytaidetta ja opastuksia kouluryhmille.",
            "Samtidskonst och guidningar för skolgrupper.",
            "Contemporary art and guided tours for school groups.",
        ),
        "",
    ),
    (
        "oulu",
        "pohjoisen-tanssi",
        "association",
        ("Pohjoisen Tanssi ry", "Pohjoisen Tanssi rf", "Pohjoisen Tanssi association"),
        (
            "Tanssikursseja lapsille ja aikuisille.",
            "Danskurser för barn och vuxna.",
            "Dance classes for children and adults.",
        ),
        "",
    ),
    (
        "oulu",
        "koskelan-palvelukoti",
        "care_unit",
        ("Koskelan palvelukoti", "Koskela servicehem", "Koskela Care Home"),
        (
            "Ympärivuorokautista hoivaa 40 asukkaalle.",
            "Vård dygnet runt för 40 invånare.",
            "Round-the-clock care for 40 residents.",
        ),
        "",
    ),
    (
        "oulu",
        "tuiran-koulu",
        "school",
        ("Tuiran koulu", "Tuira skola", "Tuira School"),
        (
            "Perusopetus luokat 1–9.",
            "Grundläggande utbildning årskurs 1–9.",
            "Basic education, grades 1–9.",
        ),
        "",
    ),
    (
        "oulu",
        "aino-kantele",
        "independent_provider",
        ("Kantelemusiikki Aino Kallio", "Kantelemusik Aino Kallio", "Kantele music by Aino Kallio"),
        (
            "Kantelekonsertteja ja -työpajoja paikan päällä ja verkossa.",
            "Kantelekonserter och -verkstäder på plats och på nätet.",
            "Kantele concerts and workshops on site and online.",
        ),
        "",
    ),
    # Jyväskylä
    (
        "jyvaskyla",
        "kulttuuri",
        "city_institution",
        (
            "Jyväskylän kaupungin kulttuuripalvelut",
            "Jyväskylä stads kulturtjänster",
            "City of Jyväskylä Culture Services",
        ),
        (
            "Kulttuuritalot, tapahtumat ja harrastustilat.",
            "Kulturhus, evenemang och hobbylokaler.",
            "Culture houses, events and hobby spaces.",
        ),
        "https://www.jyvaskyla.fi/",
    ),
    (
        "jyvaskyla",
        "sinfonia",
        "city_institution",
        ("Jyväskylä Sinfonia", "Jyväskylä Sinfonia", "Jyväskylä Sinfonia"),
        (
            "Kaupunginorkesterin konsertit ja striimatut esitykset.",
            "Stadsorkesterns konserter och strömmade föreställningar.",
            "The city orchestra's concerts and streamed performances.",
        ),
        "",
    ),
    (
        "jyvaskyla",
        "kuoroliitto",
        "association",
        (
            "Keski-Suomen Kuoroliitto ry",
            "Mellersta Finlands körförbund rf",
            "Central Finland Choir Association",
        ),
        ("Kuoroja kaikenikäisille.", "Körer för alla åldrar.", "Choirs for all ages."),
        "",
    ),
    (
        "jyvaskyla",
        "kotirinne",
        "care_unit",
        ("Kotirinteen hoivakoti", "Kotirinne vårdhem", "Kotirinne Care Home"),
        (
            "Tehostettua palveluasumista Kuokkalassa.",
            "Serviceboende med heldygnsomsorg i Kuokkala.",
            "Assisted living with 24-hour care in Kuokkala.",
        ),
        "",
    ),
    (
        "jyvaskyla",
        "kilpisen-koulu",
        "school",
        ("Kilpisen koulu", "Kilpinen skola", "Kilpinen School"),
        ("Yläkoulu keskustassa.", "Högstadium i centrum.", "Lower secondary school in the centre."),
        "",
    ),
    (
        "jyvaskyla",
        "teatteri-kuiskaus",
        "independent_provider",
        ("Teatteri Kuiskaus", "Teater Kuiskaus", "Theatre Kuiskaus"),
        (
            "Pienten näyttämöiden teatteria ja etäesityksiä hoivakodeille.",
            "Teater för små scener och distansföreställningar för vårdhem.",
            "Small-stage theatre and remote performances for care homes.",
        ),
        "",
    ),
    # Kuopio
    (
        "kuopio",
        "kulttuuripalvelut",
        "city_institution",
        ("Kuopion kulttuuripalvelut", "Kuopio kulturtjänster", "Kuopio Culture Services"),
        (
            "Musiikkikeskus, museot ja kirjastot.",
            "Musikcentret, museerna och biblioteken.",
            "The music centre, museums and libraries.",
        ),
        "https://www.kuopio.fi/",
    ),
    (
        "kuopio",
        "musiikkikeskus",
        "city_institution",
        ("Kuopion musiikkikeskus", "Kuopio musikcenter", "Kuopio Music Centre"),
        (
            "Konserttisalit ja harjoitustilat.",
            "Konsertsalar och övningslokaler.",
            "Concert halls and rehearsal rooms.",
        ),
        "",
    ),
    (
        "kuopio",
        "savon-kansantanssijat",
        "association",
        ("Savon Kansantanssijat ry", "Savolax folkdansare rf", "Savo Folk Dancers"),
        (
            "Kansantanssia ja pelimannimusiikkia.",
            "Folkdans och spelmansmusik.",
            "Folk dance and fiddle music.",
        ),
        "",
    ),
    (
        "kuopio",
        "harjulan-palvelutalo",
        "care_unit",
        ("Harjulan palvelutalo", "Harjula servicehus", "Harjula Service House"),
        (
            "Palveluasumista ja päivätoimintaa ikäihmisille.",
            "Serviceboende och dagverksamhet för äldre.",
            "Assisted living and day activities for older people.",
        ),
        "",
    ),
    (
        "kuopio",
        "snellmanin-koulu",
        "school",
        ("Snellmanin koulu", "Snellmans skola", "Snellman School"),
        (
            "Alakoulu ja musiikkiluokat.",
            "Lågstadium och musikklasser.",
            "Primary school with music classes.",
        ),
        "",
    ),
    (
        "kuopio",
        "kuvataiteilija-miettinen",
        "independent_provider",
        (
            "Kuvataiteilija Elina Miettinen",
            "Bildkonstnär Elina Miettinen",
            "Visual artist Elina Miettinen",
        ),
        (
            "Maalaustyöpajoja aikuisille ja ikäihmisille.",
            "Målarverkstäder för vuxna och äldre.",
            "Painting workshops for adults and older people.",
        ),
        "",
    ),
    # Lahti
    (
        "lahti",
        "kulttuuri",
        "city_institution",
        (
            "Lahden kaupungin kulttuuripalvelut",
            "Lahtis stads kulturtjänster",
            "City of Lahti Culture Services",
        ),
        (
            "Sibeliustalo, museot ja kirjastot.",
            "Sibeliushuset, museerna och biblioteken.",
            "Sibelius Hall, museums and libraries.",
        ),
        "https://www.lahti.fi/",
    ),
    (
        "lahti",
        "kaupunginkirjasto",
        "city_institution",
        ("Lahden kaupunginkirjasto", "Lahtis stadsbibliotek", "Lahti City Library"),
        (
            "Kirjastot, pajat ja kokoustilat.",
            "Bibliotek, verkstäder och mötesrum.",
            "Libraries, makerspaces and meeting rooms.",
        ),
        "",
    ),
    (
        "lahti",
        "lahden-kamarikuoro",
        "association",
        ("Lahden Kamarikuoro ry", "Lahtis kammarkör rf", "Lahti Chamber Choir"),
        (
            "Kuorokonsertteja ja laulupiirejä.",
            "Körkonserter och sångcirklar.",
            "Choir concerts and singing circles.",
        ),
        "",
    ),
    (
        "lahti",
        "jalkarannan-hoivakoti",
        "care_unit",
        ("Jalkarannan hoivakoti", "Jalkaranta vårdhem", "Jalkaranta Care Home"),
        (
            "Hoivaa ja virikkeitä järven rannalla.",
            "Omsorg och aktiviteter vid sjön.",
            "Care and activities by the lake.",
        ),
        "",
    ),
    (
        "lahti",
        "kivimaan-koulu",
        "school",
        ("Kivimaan koulu", "Kivimaa skola", "Kivimaa School"),
        (
            "Yhtenäiskoulu luokat 1–9.",
            "Enhetsskola årskurs 1–9.",
            "Comprehensive school, grades 1–9.",
        ),
        "",
    ),
    (
        "lahti",
        "sirkus-tahti",
        "independent_provider",
        ("Sirkusryhmä Tahti", "Cirkusgruppen Tahti", "Circus group Tahti"),
        (
            "Nykysirkusta ja sirkuskouluja.",
            "Nycirkus och cirkusskolor.",
            "Contemporary circus and circus schools.",
        ),
        "",
    ),
    # Turku
    (
        "turku",
        "kulttuuri",
        "city_institution",
        (
            "Turun kaupungin kulttuuripalvelut",
            "Åbo stads kulturtjänster",
            "City of Turku Culture Services",
        ),
        (
            "Museot, kirjastot ja kulttuuritalot.",
            "Museer, bibliotek och kulturhus.",
            "Museums, libraries and culture houses.",
        ),
        "https://www.turku.fi/",
    ),
    (
        "turku",
        "aurajoen-seniorit",
        "care_unit",
        ("Aurajoen seniorikoti", "Aura ås seniorhem", "Aurajoki Senior Home"),
        (
            "Senioriasumista keskustassa.",
            "Seniorboende i centrum.",
            "Senior housing in the centre.",
        ),
        "",
    ),
]

# Two more schools per core city own the school venues of the spaces demo.
ORGANISATIONS.extend(SCHOOL_ORGANISATIONS)
