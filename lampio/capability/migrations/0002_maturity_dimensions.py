"""The maturity model's dimensions for municipal culture services, and what each of the five
levels means in each of them, in Finnish, Swedish and English.

`seed` only adds what is missing (by key, and by level within a dimension): staff may reword
the texts later, and `lampio.capability.defaults` calls it again after a test flushed tables.
"""

from django.db import migrations

# key, (name fi, sv, en), (description fi, sv, en), five levels as (fi, sv, en)
DIMENSIONS = [
    (
        "strategy",
        ("Strategia ja johtaminen", "Strategi och ledning", "Strategy and leadership"),
        (
            "Miten digitalisaatio näkyy kulttuuripalvelujen tavoitteissa, johtamisessa, resursseissa ja päätöksissä.",
            "Hur digitaliseringen syns i kulturtjänsternas mål, ledning, resurser och beslut.",
            "How digitalisation shows in culture services' goals, leadership, resources and decisions.",
        ),
        [
            (
                "Digitalisaatiota ei ole kirjattu strategiaan; kehittäminen riippuu yksittäisten työntekijöiden innostuksesta.",
                "Digitaliseringen finns inte med i strategin; utvecklingen hänger på enskilda medarbetares engagemang.",
                "Digitalisation is not part of the strategy; development depends on the enthusiasm of individual employees.",
            ),
            (
                "Strategiassa mainitaan digitalisaatio, ja osalla yksiköistä on omia digihankkeita, mutta niitä ei koordinoida.",
                "Strategin nämner digitalisering och vissa enheter har egna digitala projekt, men de samordnas inte.",
                "The strategy mentions digitalisation and some units run their own digital projects, but they are not coordinated.",
            ),
            (
                "Kulttuuripalveluilla on digitiekartta, vastuuhenkilöt ja budjetti; johtoryhmä seuraa kehittämistä säännöllisesti.",
                "Kulturtjänsterna har en digital färdplan, ansvarspersoner och budget; ledningsgruppen följer regelbundet upp utvecklingen.",
                "Culture services have a digital roadmap, named owners and a budget; the management team follows progress regularly.",
            ),
            (
                "Johto priorisoi kehittämistä asiakkaiden palvelupolkujen ja vaikuttavuuden perusteella, ja tiekarttaa päivitetään palautteen pohjalta.",
                "Ledningen prioriterar utvecklingen utifrån kundernas servicestigar och effekter, och färdplanen uppdateras utifrån respons.",
                "Leadership prioritises development by customers' service paths and impact, and the roadmap is updated based on feedback.",
            ),
            (
                "Digitalisaatio on osa kaupungin ja verkoston yhteistä strategiaa; kehittämistä johdetaan yhdessä kumppanien ja asukkaiden kanssa.",
                "Digitaliseringen är en del av stadens och nätverkets gemensamma strategi; utvecklingen leds tillsammans med partner och invånare.",
                "Digitalisation is part of the city's and the network's shared strategy; development is led together with partners and residents.",
            ),
        ],
    ),
    (
        "services",
        (
            "Asiakaslähtöiset digipalvelut ja palvelupolut",
            "Kundorienterade digitala tjänster och servicestigar",
            "Customer-oriented digital services and service paths",
        ),
        (
            "Miten asukkaat löytävät, varaavat ja käyttävät kulttuuripalveluja verkossa ja miten sujuva heidän palvelupolkunsa on.",
            "Hur invånarna hittar, bokar och använder kulturtjänster på webben och hur smidig deras servicestig är.",
            "How residents find, book and use culture services online and how smooth their service path is.",
        ),
        [
            (
                "Asiakas varaa, ilmoittautuu ja kysyy puhelimitse, sähköpostilla tai paikan päällä; verkossa on lähinnä tiedotteita.",
                "Kunden bokar, anmäler sig och frågar per telefon, e-post eller på plats; på webben finns främst information.",
                "Customers book, sign up and ask by phone, email or in person; online there is mostly information.",
            ),
            (
                "Osa palveluista, kuten tilavaraus tai ilmoittautuminen, onnistuu verkossa, mutta eri palveluissa on eri järjestelmät ja tunnukset.",
                "En del tjänster, till exempel lokalbokning eller anmälan, fungerar på webben, men olika tjänster har olika system och inloggningar.",
                "Some services, such as booking a room or signing up, work online, but different services use different systems and logins.",
            ),
            (
                "Keskeiset palvelut toimivat verkossa alusta loppuun maksuineen ja vahvistuksineen, ja ne ovat saavutettavia.",
                "De centrala tjänsterna fungerar på webben från början till slut med betalning och bekräftelse, och de är tillgängliga.",
                "Key services work online from start to finish, including payment and confirmation, and they are accessible.",
            ),
            (
                "Palvelut on suunniteltu asiakkaan tilanteista käsin: asiakas löytää, varaa ja antaa palautetta yhtä sujuvaa polkua pitkin eri kanavissa ja kielillä.",
                "Tjänsterna är utformade utifrån kundens situationer: kunden hittar, bokar och ger respons längs en smidig stig i olika kanaler och på olika språk.",
                "Services are designed around customers' situations: people find, book and give feedback along one smooth path across channels and languages.",
            ),
            (
                "Asukkaat, yhdistykset ja yritykset kehittävät ja tarjoavat palveluja yhteisellä alustalla; palvelut liittyvät kaupungin ja kumppanien muihin palveluihin.",
                "Invånare, föreningar och företag utvecklar och erbjuder tjänster på en gemensam plattform; tjänsterna kopplas till stadens och partnernas övriga tjänster.",
                "Residents, associations and businesses develop and offer services on a shared platform; services connect with the city's and partners' other services.",
            ),
        ],
    ),
    (
        "processes",
        ("Prosessit ja automaatio", "Processer och automatisering", "Processes and automation"),
        (
            "Miten sisäinen työ, kuten tilojen hallinta, ilmoittautumiset, laskutus ja raportointi, on sähköistetty ja automatisoitu.",
            "Hur det interna arbetet, som lokalförvaltning, anmälningar, fakturering och rapportering, är digitaliserat och automatiserat.",
            "How internal work such as managing spaces, registrations, invoicing and reporting is digitised and automated.",
        ),
        [
            (
                "Työ tehdään paperilla, taulukoissa ja sähköpostilla; samat tiedot kirjataan moneen paikkaan.",
                "Arbetet görs på papper, i kalkylblad och per e-post; samma uppgifter förs in på flera ställen.",
                "Work is done on paper, in spreadsheets and by email; the same details are entered in several places.",
            ),
            (
                "Osa prosessien vaiheista on sähköisiä, mutta järjestelmät eivät keskustele keskenään ja välissä on käsityötä.",
                "Vissa steg i processerna är digitala, men systemen talar inte med varandra och däremellan krävs manuellt arbete.",
                "Some steps of the processes are digital, but systems do not talk to each other and there is manual work in between.",
            ),
            (
                "Prosessit on kuvattu ja sujuvoitettu; rutiinit, kuten vahvistukset, muistutukset ja laskutus, hoituvat automaattisesti.",
                "Processerna är beskrivna och effektiviserade; rutiner som bekräftelser, påminnelser och fakturering sköts automatiskt.",
                "Processes are described and streamlined; routines such as confirmations, reminders and invoicing run automatically.",
            ),
            (
                "Prosessit rakentuvat asiakkaan palvelupolun mukaan yli yksikkörajojen, ja niitä mitataan ja parannetaan jatkuvasti.",
                "Processerna byggs kring kundens servicestig över enhetsgränserna, och de mäts och förbättras kontinuerligt.",
                "Processes follow the customer's service path across unit boundaries and are measured and improved continuously.",
            ),
            (
                "Prosessit ovat avoimia ja yhteentoimivia: kumppanit ja muut kunnat voivat liittyä niihin rajapintojen kautta.",
                "Processerna är öppna och interoperabla: partner och andra kommuner kan ansluta till dem via gränssnitt.",
                "Processes are open and interoperable: partners and other municipalities can join them through interfaces.",
            ),
        ],
    ),
    (
        "data",
        (
            "Tieto ja tiedolla johtaminen",
            "Data och kunskapsbaserad ledning",
            "Data and knowledge-based management",
        ),
        (
            "Miten tietoa kerätään, yhdistetään ja käytetään palvelujen suunnitteluun, johtamiseen ja vaikuttavuuden arviointiin.",
            "Hur data samlas in, kombineras och används för planering och ledning av tjänsterna och för att bedöma deras effekter.",
            "How data is collected, combined and used to plan and manage services and to assess their impact.",
        ),
        [
            (
                "Tietoa kävijöistä ja palveluista kerätään vähän ja käsin; päätökset perustuvat kokemukseen.",
                "Uppgifter om besökare och tjänster samlas in i liten skala och för hand; besluten bygger på erfarenhet.",
                "Little data on visitors and services is collected, and by hand; decisions rest on experience.",
            ),
            (
                "Järjestelmistä saa raportteja, mutta tiedot ovat hajallaan eikä niitä yhdistetä tai vertailla.",
                "Systemen ger rapporter, men uppgifterna är utspridda och kombineras eller jämförs inte.",
                "Systems produce reports, but the data is scattered and not combined or compared.",
            ),
            (
                "Keskeiset mittarit kootaan säännöllisesti yhteen näkymään, ja tiedon laadusta ja tietosuojasta on sovitut käytännöt.",
                "De viktigaste mätarna sammanställs regelbundet i en vy, och det finns överenskomna rutiner för datakvalitet och dataskydd.",
                "Key measures are gathered regularly into one view, and there are agreed practices for data quality and data protection.",
            ),
            (
                "Palveluja kehitetään ja resursseja kohdennetaan asiakastiedon, palautteen ja vaikuttavuuden mittaamisen perusteella.",
                "Tjänsterna utvecklas och resurserna fördelas utifrån kunddata, respons och mätning av effekter.",
                "Services are developed and resources allocated based on customer data, feedback and measured impact.",
            ),
            (
                "Tietoa jaetaan avoimena datana ja verkoston kesken yksityisyyttä suojaten; sitä käytetään myös ennakointiin ja yhteiskehittämiseen.",
                "Data delas som öppna data och inom nätverket med skydd för integriteten; den används också för prognoser och samutveckling.",
                "Data is shared as open data and within the network while protecting privacy; it is also used for foresight and co-development.",
            ),
        ],
    ),
    (
        "skills",
        (
            "Henkilöstön osaaminen ja toimintakulttuuri",
            "Personalens kompetens och verksamhetskultur",
            "Staff skills and culture",
        ),
        (
            "Henkilöstön digitaidot, koulutus ja tuki sekä halu kokeilla ja kehittää uutta.",
            "Personalens digitala färdigheter, utbildning och stöd samt viljan att pröva och utveckla nytt.",
            "Staff's digital skills, training and support, and their willingness to try and develop new things.",
        ),
        [
            (
                "Digitaidot vaihtelevat paljon, eikä koulutusta ole suunniteltu; uudet välineet koetaan usein lisätyöksi.",
                "De digitala färdigheterna varierar mycket och utbildningen är inte planerad; nya verktyg upplevs ofta som extra arbete.",
                "Digital skills vary widely and training is not planned; new tools are often felt to be extra work.",
            ),
            (
                "Henkilöstö osaa käyttää omia työvälineitään, ja koulutusta järjestetään uusien järjestelmien käyttöönoton yhteydessä.",
                "Personalen kan använda sina egna arbetsverktyg, och utbildning ordnas när nya system tas i bruk.",
                "Staff can use their own work tools, and training is arranged when new systems are introduced.",
            ),
            (
                "Osaamistarpeet on kartoitettu ja koulutus on suunnitelmallista; jokaisessa yksikössä on digituki tai digiagentti.",
                "Kompetensbehoven är kartlagda och utbildningen är planmässig; varje enhet har ett digitalt stöd eller en digiagent.",
                "Skill needs have been mapped and training is planned; every unit has a digital support person or digital agent.",
            ),
            (
                "Henkilöstö kehittää palveluja yhdessä asiakkaiden kanssa ja kokeilee rohkeasti; onnistumisista ja epäonnistumisista opitaan yhdessä.",
                "Personalen utvecklar tjänsterna tillsammans med kunderna och prövar modigt nytt; man lär sig tillsammans av framgångar och misslyckanden.",
                "Staff develop services together with customers and try new things boldly; successes and failures are learned from together.",
            ),
            (
                "Jatkuva oppiminen on osa työtä, ja osaamista jaetaan verkoston kuntien ja kumppanien kesken.",
                "Kontinuerligt lärande är en del av arbetet, och kompetensen delas mellan nätverkets kommuner och partner.",
                "Continuous learning is part of the job, and know-how is shared between the network's municipalities and partners.",
            ),
        ],
    ),
    (
        "technology",
        (
            "Teknologia, tietoturva ja infrastruktuuri",
            "Teknik, informationssäkerhet och infrastruktur",
            "Technology, security and infrastructure",
        ),
        (
            "Laitteet, järjestelmät, tietoturva, tietosuoja, saavutettavuus ja arkkitehtuurin yhteentoimivuus.",
            "Utrustning, system, informationssäkerhet, dataskydd, tillgänglighet och en interoperabel arkitektur.",
            "Equipment, systems, information security, data protection, accessibility and an interoperable architecture.",
        ),
        [
            (
                "Laitteet ja ohjelmistot ovat vanhoja tai puutteellisia, eikä tietoturvasta ole yhteisiä ohjeita.",
                "Utrustningen och programvaran är gammal eller bristfällig, och det finns inga gemensamma anvisningar om informationssäkerhet.",
                "Equipment and software are old or lacking, and there are no shared instructions on information security.",
            ),
            (
                "Perusvälineet ovat kunnossa ja tietoturvaohjeet olemassa, mutta järjestelmiä hankitaan yksikkö kerrallaan.",
                "Grundverktygen fungerar och det finns anvisningar om informationssäkerhet, men systemen skaffas en enhet i taget.",
                "Basic tools work and security instructions exist, but systems are procured one unit at a time.",
            ),
            (
                "Järjestelmät muodostavat hallitun kokonaisuuden; käyttäjähallinta, varmuuskopiot ja tietoturvan seuranta ovat kunnossa.",
                "Systemen utgör en hanterad helhet; användarhantering, säkerhetskopiering och uppföljning av informationssäkerheten fungerar.",
                "Systems form a managed whole; user management, backups and security monitoring are in place.",
            ),
            (
                "Arkkitehtuuri tukee asiakkaan palvelupolkuja: järjestelmät ovat yhteentoimivia, saavutettavia ja mitoitettu kuormitushuippuja varten.",
                "Arkitekturen stöder kundens servicestigar: systemen är interoperabla, tillgängliga och dimensionerade för belastningstoppar.",
                "The architecture supports customers' service paths: systems are interoperable, accessible and sized for peak loads.",
            ),
            (
                "Infrastruktuuri on turvallinen, kestävä ja avoimiin standardeihin perustuva; sitä jaetaan ja kehitetään yhdessä muiden kuntien kanssa.",
                "Infrastrukturen är säker, hållbar och bygger på öppna standarder; den delas och utvecklas tillsammans med andra kommuner.",
                "The infrastructure is secure, sustainable and built on open standards; it is shared and developed together with other municipalities.",
            ),
        ],
    ),
    (
        "ecosystem",
        (
            "Yhteistyö, alusta ja ekosysteemi",
            "Samarbete, plattform och ekosystem",
            "Collaboration, platform and ecosystem",
        ),
        (
            "Yhteistyö muiden kuntien, yhdistysten, oppilaitosten ja yritysten kanssa sekä yhteisten alustojen käyttö.",
            "Samarbete med andra kommuner, föreningar, läroanstalter och företag samt användningen av gemensamma plattformar.",
            "Collaboration with other municipalities, associations, schools and businesses, and the use of shared platforms.",
        ),
        [
            (
                "Yhteistyö muiden toimijoiden kanssa on satunnaista ja perustuu henkilösuhteisiin.",
                "Samarbetet med andra aktörer är sporadiskt och bygger på personliga kontakter.",
                "Collaboration with other actors is occasional and rests on personal contacts.",
            ),
            (
                "Kumppanien kanssa on yksittäisiä yhteisiä hankkeita, mutta tieto ja kokemukset eivät siirry eteenpäin hankkeiden päätyttyä.",
                "Det finns enstaka gemensamma projekt med partner, men kunskap och erfarenheter förs inte vidare när projekten har avslutats.",
                "There are single joint projects with partners, but knowledge and experience are not carried over once they end.",
            ),
            (
                "Yhteistyölle on sovitut rakenteet, ja kokeilujen tulokset ja opit kirjataan muiden käyttöön.",
                "Det finns överenskomna strukturer för samarbetet, och resultat och lärdomar från försök dokumenteras för andra.",
                "There are agreed structures for collaboration, and the results and lessons of pilots are written down for others.",
            ),
            (
                "Palvelupolkuja kehitetään asiakkaan näkökulmasta yhdessä yhdistysten, oppilaitosten, yritysten ja naapurikuntien kanssa.",
                "Servicestigarna utvecklas ur kundens perspektiv tillsammans med föreningar, läroanstalter, företag och grannkommuner.",
                "Service paths are developed from the customer's point of view together with associations, schools, businesses and neighbouring municipalities.",
            ),
            (
                "Kunta toimii palvelu- ja kehitysalustana: kumppanit rakentavat omia palvelujaan yhteisten tietojen ja rajapintojen varaan.",
                "Kommunen fungerar som en service- och utvecklingsplattform: partner bygger egna tjänster på gemensamma data och gränssnitt.",
                "The municipality works as a service and development platform: partners build their own services on shared data and interfaces.",
            ),
        ],
    ),
]

LANGUAGES = ("fi", "sv", "en")


def _texts(field, values):
    texts = {f"{field}_{language}": value for language, value in zip(LANGUAGES, values)}
    texts[field] = values[0]  # the untranslated column modeltranslation falls back to
    return texts


def seed(apps, schema_editor):
    MaturityDimension = apps.get_model("capability", "MaturityDimension")
    MaturityLevel = apps.get_model("capability", "MaturityLevel")
    for position, (key, name, description, levels) in enumerate(DIMENSIONS):
        dimension = MaturityDimension.objects.filter(key=key).first()
        if dimension is None:
            dimension = MaturityDimension.objects.create(
                key=key, position=position, **_texts("name", name), **_texts("description", description)
            )
        have = set(MaturityLevel.objects.filter(dimension=dimension).values_list("level", flat=True))
        for level, texts in enumerate(levels, start=1):
            if level not in have:
                MaturityLevel.objects.create(
                    dimension=dimension, level=level, **_texts("description", texts)
                )


class Migration(migrations.Migration):
    dependencies = [("capability", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
