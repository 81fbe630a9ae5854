"""The demo's pilot library: six pilots the cities ran together, their phases, links, lessons in
the words (and language) of the organisation that wrote them, and two network webinars.

Dates are days relative to the day the demo is loaded, so the library always looks current.
Organisations are (city, slug) keys of organisations_data.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Org = tuple[str, str]
Texts = tuple[str, str, str]  # fi, sv, en


@dataclass(frozen=True)
class DemoLesson:
    organisation: Org
    language: str
    what_worked: str
    what_did_not: str
    do_differently: str


@dataclass(frozen=True)
class DemoPilot:
    key: str
    title: Texts
    summary: Texts
    lead: Org
    status: str
    starts_in_days: int  # negative: in the past
    ends_in_days: int | None
    cities: tuple[str, ...]
    participants: tuple[Org, ...]
    # core_team, procurement, implementation, round_table, webinar: status in this order
    phases: tuple[str, str, str, str, str]
    links: tuple[tuple[str, str, str], ...]  # (kind, title, url)
    lessons: tuple[DemoLesson, ...] = ()
    # Finnish titles of the roadmap demo's initiatives it implements
    # (capability_initiatives_data.py).
    initiative_titles: tuple[str, ...] = field(default_factory=tuple)


DOCS = "https://demo.lampio.fi/aineistot"

PILOTS: list[DemoPilot] = [
    DemoPilot(
        key="konsertit",
        title=(
            "Suoratoistetut konsertit hoivakoteihin",
            "Strömmade konserter till vårdhem",
            "Streamed concerts for care homes",
        ),
        summary=(
            "Jyväskylä Sinfonian päiväkonsertit välitettiin suorana neljän kaupungin "
            "hoivakotien yhteisiin tiloihin. Hoitajat tilasivat lähetykset Lämpiöstä, ja "
            "asukkaat saivat lähettää toivekappaleita etukäteen.",
            "Jyväskylä Sinfonias dagkonserter sändes direkt till de gemensamma utrymmena i "
            "vårdhem i fyra städer. Vårdarna beställde sändningarna i Lämpiö och de boende "
            "fick önska låtar i förväg.",
            "Jyväskylä Sinfonia's daytime concerts were streamed live to the common rooms of "
            "care homes in four cities. Care staff ordered the streams in Lämpiö, and residents "
            "could send song requests in advance.",
        ),
        lead=("jyvaskyla", "sinfonia"),
        status="finished",
        starts_in_days=-420,
        ends_in_days=-60,
        cities=("jyvaskyla", "oulu", "lahti", "turku"),
        participants=(
            ("jyvaskyla", "kotirinne"),
            ("oulu", "koskelan-palvelukoti"),
            ("lahti", "jalkarannan-hoivakoti"),
            ("turku", "aurajoen-seniorit"),
        ),
        phases=("done", "done", "done", "done", "done"),
        links=(
            ("report", "Loppuraportti: konsertit hoivakoteihin", f"{DOCS}/konsertit-raportti.pdf"),
            ("document", "Hoitajan pikaohje lähetyksen avaamiseen", f"{DOCS}/konsertit-ohje.pdf"),
        ),
        lessons=(
            DemoLesson(
                ("jyvaskyla", "sinfonia"),
                "fi",
                "Lyhyet, 45 minuutin konsertit juontoineen sopivat asukkaiden päivärytmiin. "
                "Toivekappaleet toivat asukkaat mukaan jo ennen lähetystä.",
                "Ensimmäisissä lähetyksissä ääni katkesi kahdessa kodissa, koska langaton "
                "verkko ei kantanut yhteiseen tilaan.",
                "Testaisimme jokaisen kodin yhteyden ja äänentoiston viikkoa ennen ensimmäistä "
                "lähetystä ja jättäisimme varalle valmiin tallenteen.",
            ),
            DemoLesson(
                ("oulu", "koskelan-palvelukoti"),
                "fi",
                "Kun lähetys oli viikko-ohjelmassa aina samana päivänä, asukkaat odottivat sitä "
                "ja omaisetkin tulivat kuuntelemaan.",
                "Tilaaminen vaati alussa kaksi eri tunnusta, ja iltavuoro ei aina tiennyt, "
                "kuka lähetyksen avaa.",
                "Nimeäisimme jokaiseen vuoroon vastuuhenkilön ja pitäisimme ohjeen "
                "television vieressä.",
            ),
            DemoLesson(
                ("turku", "aurajoen-seniorit"),
                "sv",
                "De boende uppskattade att programledaren hälsade på vårt hem vid namn. "
                "Det kändes som en konsert för oss.",
                "Textningen saknades i början, så de som hör dåligt tappade bort sig mellan "
                "styckena.",
                "Vi skulle be om textning och ett tryckt program på svenska redan från första "
                "konserten.",
            ),
        ),
        initiative_titles=("Musiikkikeskuksen striimausvalmius",),
    ),
    DemoPilot(
        key="salit",
        title=(
            "Koulujen salit yhdestä varauspaikasta",
            "Skolornas salar från ett bokningsställe",
            "One booking place for school gyms and halls",
        ),
        summary=(
            "Koulujen liikuntasalit ja juhlasalit tuotiin samaan varauspalveluun kuin "
            "kulttuuritalojen tilat. Seurat ja asukkaat näkevät vapaat illat ja varaavat ne "
            "itse; koulu hyväksyy vain poikkeukset.",
            "Skolornas gymnastiksalar och festsalar fördes in i samma bokningstjänst som "
            "kulturhusens lokaler. Föreningar och invånare ser lediga kvällar och bokar dem "
            "själva; skolan godkänner bara undantag.",
            "School gyms and halls were brought into the same booking service as the culture "
            "venues. Clubs and residents see free evenings and book them themselves; the school "
            "approves only exceptions.",
        ),
        lead=("oulu", "kulttuuripalvelut"),
        status="running",
        starts_in_days=-200,
        ends_in_days=120,
        cities=("oulu", "kuopio"),
        participants=(("oulu", "tuiran-koulu"), ("kuopio", "kulttuuripalvelut")),
        phases=("done", "skipped", "ongoing", "planned", "planned"),
        links=(
            ("document", "Koulujen tilojen varausehdot", f"{DOCS}/salit-varausehdot.pdf"),
            ("link", "Kokeilun väliraportin kalvot", f"{DOCS}/salit-valiraportti.pdf"),
        ),
        lessons=(
            DemoLesson(
                ("oulu", "kulttuuripalvelut"),
                "fi",
                "Kun vapaat vuorot näkyivät kaikille, iltojen käyttöaste nousi jo ensimmäisenä "
                "kuukautena, ja sähköposteja tuli selvästi vähemmän.",
                "Avainten luovutusta emme ratkaisseet ajoissa: vahtimestari joutui tulemaan "
                "paikalle iltaisin.",
                "Sopisimme kulunvalvonnasta ja iltasiivouksesta koulun kanssa ennen kuin tilat "
                "avataan varattaviksi.",
            ),
        ),
        initiative_titles=("Kulttuuritilojen yhteinen varausjärjestelmä",),
    ),
    DemoPilot(
        key="palveluavustaja",
        title=(
            "Palveluavustaja kirjaston asiakaspalveluun",
            "Tjänsteassistent i bibliotekets kundtjänst",
            "A service assistant for library customer service",
        ),
        summary=(
            "Kirjaston verkkosivuilla kokeillaan palveluavustajaa, joka vastaa yleisimpiin "
            "kysymyksiin aukioloajoista, lainoista ja tiloista kolmella kielellä ja ohjaa "
            "tarvittaessa ihmiselle.",
            "På bibliotekets webbplats prövas en tjänsteassistent som svarar på de vanligaste "
            "frågorna om öppettider, lån och lokaler på tre språk och vid behov hänvisar till "
            "en människa.",
            "A service assistant on the library's website answers the most common questions "
            "about opening hours, loans and rooms in three languages, and hands over to a "
            "person when needed.",
        ),
        lead=("lahti", "kaupunginkirjasto"),
        status="running",
        starts_in_days=-150,
        ends_in_days=90,
        cities=("lahti", "oulu"),
        participants=(("oulu", "kaupunginkirjasto"),),
        phases=("done", "done", "ongoing", "ongoing", "planned"),
        links=(
            (
                "report",
                "Väliraportti: kysymykset ja vastaukset",
                f"{DOCS}/avustaja-valiraportti.pdf",
            ),
        ),
        lessons=(
            DemoLesson(
                ("lahti", "kaupunginkirjasto"),
                "fi",
                "Kun vastaukset kirjoitettiin yhdessä asiakaspalvelun kanssa, avustaja osasi "
                "jo ensimmäisellä viikolla valtaosan kysymyksistä.",
                "Ruotsinkielisiä kysymyksiä tuli vähän, joten niiden vastaukset jäivät aluksi "
                "tarkistamatta.",
                "Varaisimme joka viikolle tunnin vastausten tarkistamiseen ja pyytäisimme "
                "ruotsinkielisen kollegan lukemaan ne.",
            ),
            DemoLesson(
                ("oulu", "kaupunginkirjasto"),
                "fi",
                "Siirto ihmiselle toimi hyvin: asiakas sai saman keskustelun jatkumaan eikä "
                "hänen tarvinnut toistaa asiaansa.",
                "Aukioloaikojen poikkeukset päivittyivät avustajalle viiveellä.",
                "Hakisimme aukioloajat suoraan samasta lähteestä kuin verkkosivut.",
            ),
        ),
        initiative_titles=("Ikäihmisten digituki kirjastoissa",),
    ),
    DemoPilot(
        key="omatoimi",
        title=(
            "Omatoimiaukiolo lähikirjastossa",
            "Meröppet i närbiblioteket",
            "Self-service opening hours at a branch library",
        ),
        summary=(
            "Lähikirjasto on auki aamuisin ja iltaisin myös ilman henkilökuntaa: asiakas "
            "kirjautuu ovella kirjastokortilla ja PIN-koodilla. Henkilökunnan aukiolo säilyi "
            "ennallaan.",
            "Närbiblioteket är öppet på morgnar och kvällar även utan personal: kunden loggar "
            "in vid dörren med lånekort och PIN-kod. Den bemannade öppettiden är oförändrad.",
            "The branch library is also open in the mornings and evenings without staff: "
            "customers sign in at the door with their library card and PIN. Staffed hours "
            "stayed as they were.",
        ),
        lead=("oulu", "kaupunginkirjasto"),
        status="finished",
        starts_in_days=-540,
        ends_in_days=-150,
        cities=("oulu",),
        participants=(),
        phases=("done", "done", "done", "done", "ongoing"),
        links=(("report", "Omatoimikirjaston loppuraportti", f"{DOCS}/omatoimi-raportti.pdf"),),
        lessons=(
            DemoLesson(
                ("oulu", "kaupunginkirjasto"),
                "fi",
                "Aukiolotunnit lähes kaksinkertaistuivat, ja iltaisin kirjastossa kävi "
                "opiskelijoita ja vuorotyötä tekeviä, joita emme ennen nähneet.",
                "Kameravalvonnasta kertova kyltti ja ohjeet olivat vain suomeksi, mikä "
                "hämmensi osaa asiakkaista.",
                "Tekisimme opastusvideon ja kolmikieliset ohjeet ennen avaamista ja "
                "järjestäisimme ensimmäisille viikoille opastetut illat.",
            ),
        ),
    ),
    DemoPilot(
        key="museo-opas",
        title=("Digitaalinen museo-opas", "Digital museiguide", "A digital museum guide"),
        summary=(
            "Näyttelyihin tehtiin puhelimella avattava opas, jossa on teosten tarinat "
            "kolmella kielellä, selkokielinen versio ja äänikuvaus näkövammaisille kävijöille.",
            "Utställningarna fick en guide som öppnas i telefonen, med verkens berättelser på "
            "tre språk, en lättläst version och syntolkning för synskadade besökare.",
            "The exhibitions got a guide opened on a phone, with the stories of the works in "
            "three languages, an easy-to-read version and audio description for visitors with "
            "a visual impairment.",
        ),
        lead=("turku", "kulttuuri"),
        status="running",
        starts_in_days=-120,
        ends_in_days=180,
        cities=("turku", "oulu"),
        participants=(("oulu", "taidemuseo"),),
        phases=("done", "done", "ongoing", "planned", "planned"),
        links=(("link", "Oppaan saavutettavuusarvio", f"{DOCS}/museo-opas-saavutettavuus.pdf"),),
        lessons=(
            DemoLesson(
                ("turku", "kulttuuri"),
                "sv",
                "Syntolkningen blev den mest använda delen av guiden, också bland seende besökare.",
                "QR-koderna placerades för högt för besökare i rullstol.",
                "Vi skulle testa placeringen av skyltar tillsammans med funktionshinderrådet "
                "innan utställningen öppnar.",
            ),
            DemoLesson(
                ("oulu", "taidemuseo"),
                "fi",
                "Selkokieliset tekstit kiinnostivat myös kieltä opiskelevia kävijöitä.",
                "Museon wifi ei kantanut kellarisaleihin, joten opas ei latautunut siellä.",
                "Tekisimme oppaasta ladattavan version, joka toimii ilman verkkoa.",
            ),
        ),
    ),
    DemoPilot(
        key="yhteislippu",
        title=(
            "Yhteinen lipunmyynti kulttuuritaloihin",
            "Gemensam biljettförsäljning till kulturhusen",
            "Joint ticketing for culture venues",
        ),
        summary=(
            "Kuopion ja Jyväskylän kulttuuritalot suunnittelevat yhteistä lipunmyyntiä, jossa "
            "saman ostoskorin voi maksaa kerralla ja kausikortti käy molempien kaupunkien "
            "taloihin.",
            "Kulturhusen i Kuopio och Jyväskylä planerar en gemensam biljettförsäljning där "
            "samma varukorg betalas på en gång och säsongskortet gäller i båda städernas hus.",
            "The culture venues of Kuopio and Jyväskylä are planning joint ticketing: one "
            "basket paid at once, and a season card valid in both cities' venues.",
        ),
        lead=("kuopio", "kulttuuripalvelut"),
        status="planned",
        starts_in_days=30,
        ends_in_days=400,
        cities=("kuopio", "jyvaskyla"),
        participants=(("kuopio", "musiikkikeskus"), ("jyvaskyla", "kulttuuri")),
        phases=("ongoing", "planned", "planned", "planned", "planned"),
        links=(),
        lessons=(
            DemoLesson(
                ("kuopio", "kulttuuripalvelut"),
                "fi",
                "Ydintiimiin otettiin alusta asti mukaan talojen lipunmyyjät, ja heidän "
                "listaamansa ongelmat ohjasivat vaatimuksia.",
                "Kahden kaupungin hankintasäännöt erosivat enemmän kuin oletimme.",
                "Selvittäisimme hankintatavan yhteishankintayksikön kanssa jo ennen "
                "ydintiimin ensimmäistä kokousta.",
            ),
        ),
        initiative_titles=("Kulttuuritoimijoiden yhteinen tapahtumadata",),
    ),
]


@dataclass(frozen=True)
class DemoWebinar:
    pilot_key: str
    organiser: Org
    title: Texts
    description: Texts
    starts_in_days: int
    recording_url: str = ""
    materials: tuple[tuple[str, str, str], ...] = ()


WEBINARS: list[DemoWebinar] = [
    DemoWebinar(
        pilot_key="konsertit",
        organiser=("jyvaskyla", "sinfonia"),
        title=(
            "Verkostowebinaari: konsertit hoivakoteihin – mitä opimme",
            "Nätverkswebbinarium: konserter till vårdhem – vad vi lärde oss",
            "Network webinar: concerts for care homes – what we learned",
        ),
        description=(
            "Sinfonia ja neljän kaupungin hoivakodit kertovat, miten suoratoistetut konsertit "
            "järjestettiin ja mitä tekisivät toisin.",
            "Sinfonian och vårdhemmen i fyra städer berättar hur de strömmade konserterna "
            "ordnades och vad de skulle göra annorlunda.",
            "The Sinfonia and care homes in four cities tell how the streamed concerts were "
            "organised and what they would do differently.",
        ),
        starts_in_days=-30,
        recording_url="https://demo.lampio.fi/tallenteet/konsertit-hoivakoteihin",
        materials=(("slides", "Webinaarin kalvot", f"{DOCS}/konsertit-webinaari-kalvot.pdf"),),
    ),
    DemoWebinar(
        pilot_key="palveluavustaja",
        organiser=("lahti", "kaupunginkirjasto"),
        title=(
            "Verkostowebinaari: palveluavustaja kirjastossa",
            "Nätverkswebbinarium: tjänsteassistent i biblioteket",
            "Network webinar: a service assistant in the library",
        ),
        description=(
            "Lahden ja Oulun kirjastot esittelevät palveluavustajan ensimmäiset kuukaudet: "
            "mihin se vastaa hyvin ja milloin asiakas tarvitsee ihmisen.",
            "Biblioteken i Lahtis och Uleåborg presenterar tjänsteassistentens första månader: "
            "vad den svarar bra på och när kunden behöver en människa.",
            "The libraries of Lahti and Oulu present the service assistant's first months: what "
            "it answers well and when a customer needs a person.",
        ),
        starts_in_days=21,
    ),
]
