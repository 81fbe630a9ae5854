"""The demo's feedback: each city's desk and routing, reply templates, and 40 messages.

Messages are about the demo's own venues, spaces and offerings where they name one (looked up
by natural key: a venue by slug, a space by venue and slug, an offering by the start of its
Finnish title) and end in every state: new, in progress, answered, closed and published.
No message carries an email address, so loading the demo sends no receipts.
"""

from __future__ import annotations

from dataclasses import dataclass

from lampio.core.multilingual import Translated

# The fixed key of the demo's Open311 client (only ever created with the demo data).
DEMO_OPEN311_KEY = "demo-open311-key"
DEMO_OPEN311_CLIENT = "Lämpiö demo client"

# city: (feedback desk, Open311 id, {category code: answering organisation})
CITIES: dict[str, tuple[str, str, dict[str, str]]] = {
    "oulu": (
        "kulttuuripalvelut",
        "oulu.fi",
        {
            "spaces": "kulttuuripalvelut",
            "events": "kulttuuripalvelut",
            "digital": "kaupunginkirjasto",
        },
    ),
    "jyvaskyla": ("kulttuuri", "jyvaskyla.fi", {"events": "kulttuuri", "digital": "kulttuuri"}),
    "kuopio": (
        "kulttuuripalvelut",
        "kuopio.fi",
        {"events": "musiikkikeskus", "spaces": "kulttuuripalvelut"},
    ),
    "lahti": ("kulttuuri", "lahti.fi", {"digital": "kaupunginkirjasto", "events": "kulttuuri"}),
    "turku": ("kulttuuri", "turku.fi", {}),
}

# (name, body) of the desk's reply templates
REPLY_TEMPLATES: list[tuple[Translated, Translated]] = [
    (
        Translated("Kiitos palautteesta", "Tack för responsen", "Thank you for your feedback"),
        Translated(
            "Kiitos palautteestasi! Se on välitetty asiasta vastaaville, ja otamme sen huomioon "
            "toiminnan kehittämisessä.",
            "Tack för din respons! Den har skickats till de ansvariga och vi beaktar den när vi "
            "utvecklar verksamheten.",
            "Thank you for your feedback! It has been passed on to the people responsible, and "
            "we will take it into account.",
        ),
    ),
    (
        Translated("Vika korjattu", "Felet åtgärdat", "Fault fixed"),
        Translated(
            "Kiitos ilmoituksesta. Vika on nyt korjattu. Pahoittelemme haittaa.",
            "Tack för anmälan. Felet är nu åtgärdat. Vi ber om ursäkt för besväret.",
            "Thank you for reporting this. The fault has now been fixed. We apologise for the "
            "inconvenience.",
        ),
    ),
    (
        Translated("Selvitämme asiaa", "Vi utreder saken", "We are looking into it"),
        Translated(
            "Kiitos palautteesta. Selvitämme asiaa ja palaamme siihen mahdollisimman pian.",
            "Tack för responsen. Vi utreder saken och återkommer så snart som möjligt.",
            "Thank you for your feedback. We are looking into it and will get back to you as "
            "soon as we can.",
        ),
    ),
]


@dataclass(frozen=True)
class DemoFeedback:
    city: str
    category: str
    text: str
    language: str = "fi"
    age_days: float = 1.0
    # ("venue", slug) | ("space", venue slug, space slug) | ("offering", title start)
    # | ("session", title start): the offering's first time, a digital session
    about: tuple[str, ...] = ()
    name: str = ""  # named, with a phone number (never an email: no receipts in the demo)
    pseudonym: str = ""
    wants_public: bool = False
    outcome: str = "new"  # new | progress | answered | closed | published
    reply: str = ""
    note: str = ""
    public_text: str = ""


F = DemoFeedback

# fmt: off
MESSAGES: list[DemoFeedback] = [
    # Oulu
    F("oulu", "spaces", age_days=2, outcome="progress",
      about=("space", "kulttuuritalo-pikisaari", "sali"),
      text="Verkatehtaan salin projektori ei käynnistynyt tiistain tilaisuudessa. Kaukosäätimestä "
           "puuttuivat paristot ja HDMI-kaapeli oli rikki, joten esitys pidettiin ilman kuvia.",
      note="Uusi HDMI-kaapeli tilattu, talonmies tarkistaa projektorin torstaina."),
    F("oulu", "spaces", age_days=9, outcome="published", wants_public=True,
      about=("space", "kulttuuritalo-pikisaari", "studio"), name="Pirjo Kallio",
      text="Tanssistudiossa oli lauantaiaamuna todella kylmä, lämpömittari näytti 16 astetta. "
           "Venyttely ei onnistunut kunnolla.",
      reply="Kiitos ilmoituksesta. Studion ilmanvaihdon ajastus oli jäänyt talviasetukselle, ja se "
            "on nyt korjattu. Lämpötila on viikonloppuisin taas 21 astetta.",
      public_text="Tanssistudiossa oli lauantaiaamuna kylmä, noin 16 astetta."),
    F("oulu", "praise", age_days=6, outcome="published", wants_public=True,
      about=("offering", "Oulu Sinfonian lounaskonsertti"), pseudonym="Musiikinystävä",
      text="Kiitos upeasta lounaskonsertista! Madetojan musiikki oli elämys, ja konsertin pituus "
           "sopi hyvin ruokatunnille.",
      reply="Kiitos lämpimästä palautteesta! Välitämme sen Oulu Sinfonian muusikoille."),
    F("oulu", "accessibility", age_days=8, about=("venue", "paakirjasto"),
      text="Pääkirjaston sivuoven automaattiovi ei aukea painikkeesta, joten pyörätuolilla on "
           "kierrettävä pääovelle. Ovella ei ole opastetta kiertotiestä."),
    F("oulu", "digital", age_days=4, outcome="answered",
      about=("session", "Oulu Sinfonia hoivakoteihin"), name="Marjatta Heikkinen",
      text="Striimatun konsertin ääni katkeili noin vartin välein, ja viimeinen kappale jäi "
           "kokonaan kuulematta. Katsoimme konserttia palvelukodin yhteiseltä näytöltä.",
      reply="Kiitos, että kerroitte. Lähetyspalvelimella oli häiriö. Konsertin tallenne on "
            "katsottavissa kahden viikon ajan."),
    F("oulu", "bookings", about=("venue", "nuorisotalo-kaakkuri"),
      text="Varasin nuorisotalon bändikämpän, mutta ovikoodi ei toiminut ja odotimme puoli tuntia "
           "ulkona ennen kuin joku päästi meidät sisään."),
    F("oulu", "other", language="en", age_days=3, outcome="closed", about=("venue", "paakirjasto"),
      text="The library's self-service return machine kept rejecting my books yesterday evening. "
           "There was no staff to ask and no sign in English explaining what to do.",
      reply="Thank you for letting us know. The return machine had a jammed belt, and it was fixed "
            "the next morning. We have also put an English sign next to it."),
    F("oulu", "praise", language="sv", age_days=12, outcome="published", wants_public=True,
      about=("offering", "Lukupiiri: Pohjoisen kirjailijat"), pseudonym="Läsaren",
      text="Tack för en fin läsecirkel i huvudbiblioteket! Det var roligt att diskutera norra "
           "Finlands författare också på svenska.",
      reply="Tack för de vänliga orden! Läsecirkeln fortsätter varannan tisdag."),
    # Jyväskylä
    F("jyvaskyla", "spaces", age_days=5, about=("venue", "kulttuuritalo-satama"),
      text="Satamakulttuuritalon naulakoissa ei ole tarpeeksi henkareita isojen tapahtumien "
           "aikaan. Takit päätyvät lattialle."),
    F("jyvaskyla", "events", age_days=7, outcome="answered",
      about=("offering", "Sinfoniailta: Sibelius ja Madetoja"), name="Kari Lehtonen",
      text="Konsertti oli hieno, mutta salissa oli niin kuuma, että moni lähti väliajalla. "
           "Ilmastointi ei tuntunut toimivan lainkaan.",
      reply="Kiitos palautteesta. Musiikkitalon ilmanvaihto säädettiin konsertin jälkeen, ja "
            "tarkistamme salin lämpötilan ennen jokaista konserttia."),
    F("jyvaskyla", "digital", age_days=15, outcome="progress", about=("offering", "Digitreffit"),
      pseudonym="Eläkeläinen",
      text="Digitreffeillä oli liian vähän ohjaajia, ja moni jäi odottamaan apua koko tunnin ajan.",
      note="Selvitetään, saadaanko vapaaehtoisia digitukihenkilöitä lisää."),
    F("jyvaskyla", "accessibility", age_days=2, about=("venue", "paakirjasto"),
      text="Kirjaston induktiosilmukka ei toiminut lukupiirin aikana, kuulokojeeseen kuului vain "
           "sirinää."),
    F("jyvaskyla", "praise", age_days=10, outcome="published", wants_public=True,
      about=("offering", "Mummon matkalaukku"), pseudonym="Perheenäiti",
      text="Mummon matkalaukku -näytelmä sai koko perheen nauramaan ja itkemään. Kiitos Teatteri "
           "Kuiskaukselle!",
      reply="Voi kiitos! Välitämme terveiset näyttelijöille."),
    F("jyvaskyla", "bookings", age_days=20, outcome="closed", name="Hanna Mäkinen",
      text="Tilavarauksen vahvistus tuli vasta varauspäivän aamuna. Olisin halunnut tiedon "
           "aiemmin, jotta olisin ehtinyt ilmoittaa kuorolaisille.",
      reply="Kiitos palautteesta. Salien varaukset käsitellään jatkossa kahden arkipäivän "
            "kuluessa."),
    F("jyvaskyla", "other", language="en", age_days=4, outcome="answered",
      text="Is there a way to get the event calendar as a printed leaflet? My father does not use "
           "the internet.",
      reply="Yes: printed monthly programme leaflets are available at the main library and at the "
            "culture centre's info desk."),
    F("jyvaskyla", "spaces", about=("venue", "nuorisotalo-huhtasuo"),
      text="Huhtasuon nuorisotalon keittiön astianpesukone vuotaa, lattialla oli vettä kokkikerhon "
           "jälkeen."),
    # Kuopio
    F("kuopio", "praise", age_days=9, outcome="published", wants_public=True,
      about=("offering", "Kuopion kaupunginorkesterin perhekonsertti"),
      pseudonym="Kolmen lapsen isä",
      text="Eläinten karnevaali oli lasten mielestä paras konsertti ikinä. Kiitos, että juontaja "
           "esitteli soittimet niin hauskasti!",
      reply="Kiitos! Perhekonsertteja on tulossa lisää keväällä."),
    F("kuopio", "spaces", age_days=6, outcome="progress", about=("venue", "musiikkikeskus"),
      name="Ville Räsänen",
      text="Musiikkikeskuksen harjoitushuoneen piano on pahasti epävireessä, erityisesti "
           "keskirekisterissä.",
      note="Pianonvirittäjä tilattu ensi viikolle."),
    F("kuopio", "accessibility", age_days=11, about=("venue", "kulttuuritalo-vainola"),
      text="Väinölän kulttuuritalon luiska on liukas eikä sitä ole hiekoitettu. Rollaattorilla on "
           "vaikea päästä sisään."),
    F("kuopio", "digital", age_days=3, outcome="answered",
      about=("session", "Hoivakotien striimikonsertti"), name="Sari Hyvönen",
      text="Lähetyksessä kuva jäätyi monta kertaa, vaikka ääni kuului. Voisiko lähetyksen laatua "
           "laskea, jos yhteys on hidas?",
      reply="Kiitos vinkistä. Seuraavassa lähetyksessä on matalamman laadun vaihtoehto hitaille "
            "yhteyksille."),
    F("kuopio", "bookings", age_days=2,
      text="Verkkomaksu epäonnistui kahdesti, kun yritin varata kirjaston kokoushuonetta. Varaus "
           "onnistui lopulta vasta puhelimella."),
    F("kuopio", "other", language="sv", age_days=5, outcome="answered",
      text="Finns det svenskspråkiga evenemang för barn i Kuopio? Jag hittade inga i kalendern.",
      reply="Tack för frågan! Biblioteket ordnar en sagostund på svenska den första lördagen varje "
            "månad."),
    F("kuopio", "events", age_days=14, outcome="closed",
      about=("offering", "Akvarellimaalauksen työpaja"), pseudonym="Maalari",
      text="Akvarellityöpajassa oli liian vähän pöytätilaa kahdellekymmenelle osallistujalle, ja "
           "valaistus oli hämärä.",
      reply="Kiitos palautteesta. Siirrämme seuraavan työpajan isompaan pajatilaan, jossa on "
            "paremmat valot."),
    F("kuopio", "praise", language="en", age_days=7, outcome="published", wants_public=True,
      about=("venue", "paakirjasto"),
      text="Great library! The staff helped me get a library card and set up the e-book app in "
           "English.",
      reply="Thank you, we are happy to help!"),
    # Lahti
    F("lahti", "events", age_days=8, outcome="answered",
      about=("offering", "Sinfonia Lahti: Sibelius-viikon"), name="Timo Laaksonen",
      text="Sibeliustalon lipunmyynnissä oli niin pitkä jono, että konsertti alkoi ennen kuin "
           "pääsimme saliin.",
      reply="Pahoittelemme jonoa. Avaamme jatkossa toisen lipunmyyntipisteen suurten konserttien "
            "ajaksi."),
    F("lahti", "digital", age_days=3, outcome="progress",
      about=("session", "Sinfonia Lahti kotisohvalle"),
      text="Verkkolähetyksessä ääni ja kuva eivät olleet samassa tahdissa: ääni tuli noin sekunnin "
           "jäljessä.",
      note="Tarkistetaan enkooderin viiveasetus ennen seuraavaa lähetystä."),
    F("lahti", "accessibility", age_days=13, outcome="published", wants_public=True,
      about=("venue", "vanha-paloasema"), pseudonym="Pyörätuolilla liikkuva",
      text="Vanhan paloaseman toiseen kerrokseen ei pääse ilman portaita, koska hissi on ollut "
           "rikki jo toista viikkoa.",
      reply="Hissin korjaus on valmis ja hissi on taas käytössä. Pahoittelemme pitkää katkosta."),
    F("lahti", "praise", age_days=4, outcome="answered", about=("offering", "Muistikahvila"),
      name="Leena Koskinen",
      text="Muistikahvila on äidilleni viikon kohokohta. Kiitos ystävällisille ohjaajille!",
      reply="Kiitos kauniista sanoista, välitämme ne ohjaajille."),
    F("lahti", "spaces", age_days=18, about=("venue", "paakirjasto"),
      text="Pääkirjaston lukusalissa vetää ikkunoiden vieressä, ja juuri siellä ovat kaikki "
           "pistorasiapaikat."),
    F("lahti", "bookings", age_days=2, about=("venue", "nuorisotalo-kiverio"), pseudonym="Rumpali",
      text="Bändihuoneen varauskalenterissa näkyi vapaa aika, mutta paikan päällä huoneessa oli "
           "toinen ryhmä."),
    F("lahti", "other", language="en", age_days=6, outcome="closed",
      text="Could you add English captions to the recorded concerts? I am learning Finnish but "
           "cannot follow the spoken introductions yet.",
      reply="Thank you for the suggestion. New recordings will have English captions from next "
            "month."),
    F("lahti", "events", language="sv", about=("offering", "Kamarikuoron iltakonsertti"),
      text="Kammarkörens konsert var vacker, men programbladet fanns bara på finska."),
    # Turku
    F("turku", "spaces", language="sv", age_days=3, outcome="progress",
      about=("venue", "paakirjasto"),
      text="Det var mycket kallt i bibliotekets mötesrum på onsdagskvällen. Vi satt med jackorna "
           "på under hela mötet.",
      note="Fastighetsservice kontrollerar värmen i mötesrummen."),
    F("turku", "events", language="sv", age_days=10, outcome="published", wants_public=True,
      about=("offering", "Turun linnan opastettu kierros"), pseudonym="Historieintresserad",
      text="Guidningen på Åbo slott var utmärkt, men gruppen var för stor för att alla skulle höra "
           "guiden.",
      reply="Tack! Vi begränsar grupperna till 25 personer och guiden får en mikrofon."),
    F("turku", "digital", age_days=5, outcome="answered",
      about=("session", "Filharmonia hoivakoteihin"), name="Riitta Virtanen",
      text="Striimin linkki ei toiminut hoivakodin tabletilla, sivu jäi latautumaan.",
      reply="Kiitos. Vika johtui vanhasta selainversiosta, ja päivitys korjasi sen. Lähetämme "
            "hoivakodeille ohjeen."),
    F("turku", "accessibility", age_days=9, about=("venue", "kulttuuritalo-aurajoki"),
      text="Kulttuuritalon esteetön wc oli lukossa koko illan, eikä infosta löytynyt avainta."),
    F("turku", "praise", language="sv", age_days=20, outcome="published", wants_public=True,
      about=("offering", "Ruotsinkielinen lukupiiri"), name="Ulla Lindholm",
      text="Tack för den svenskspråkiga läsecirkeln, den är en viktig mötesplats för oss äldre.",
      reply="Tack, det värmer! Läsecirkeln fortsätter hela våren."),
    F("turku", "other", language="en", age_days=2, about=("venue", "kulttuuritalo-aurajoki"),
      text="The culture house website says it opens at 10, but the door was locked until 11 on "
           "Saturday."),
    F("turku", "bookings", age_days=7, outcome="closed", name="Jari Salo",
      text="Varasin kokoushuoneen, mutta ovikoodi tuli tekstiviestinä vasta tunti varauksen alun "
           "jälkeen.",
      reply="Pahoittelemme. Tekstiviestipalvelussa oli viivettä; koodit lähetetään nyt vuorokautta "
            "ennen varausta."),
    F("turku", "events", language="sv", age_days=4,
      about=("offering", "Tallenne: Aurajoen tarinoita"),
      text="Ljudet i inspelningen är mycket svagt, man hör knappt berättaren."),
]
# fmt: on
