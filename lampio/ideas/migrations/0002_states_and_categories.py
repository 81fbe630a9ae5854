"""The network's idea states and categories, in three languages; staff may rename or add."""

from django.db import migrations

STATES = [
    # slug, kind, fi, sv, en, may move to
    ("new", "new", "Uusi", "Ny", "New", ["under-review", "accepted", "not-taken-forward"]),
    (
        "under-review",
        "under_review",
        "Käsittelyssä",
        "Under behandling",
        "Under review",
        ["accepted", "not-taken-forward"],
    ),
    ("accepted", "decided", "Hyväksytty", "Godkänd", "Accepted", ["implemented", "not-taken-forward"]),
    ("implemented", "decided", "Toteutettu", "Genomförd", "Implemented", []),
    (
        "not-taken-forward",
        "decided",
        "Ei viedä eteenpäin",
        "Förs inte vidare",
        "Not taken forward",
        ["under-review"],
    ),
    ("merged", "merged", "Yhdistetty toiseen", "Sammanslagen", "Merged", []),
]

CATEGORIES = [
    ("libraries", "Kirjastot", "Bibliotek", "Libraries"),
    ("museums", "Museot ja näyttelyt", "Museer och utställningar", "Museums and exhibitions"),
    ("music", "Musiikki ja konsertit", "Musik och konserter", "Music and concerts"),
    ("stage", "Teatteri, tanssi ja sirkus", "Teater, dans och cirkus", "Theatre, dance and circus"),
    ("events", "Tapahtumat ja festivaalit", "Evenemang och festivaler", "Events and festivals"),
    ("spaces", "Tilat ja niiden käyttö", "Lokaler och deras användning", "Spaces and their use"),
    ("children-youth", "Lapset ja nuoret", "Barn och unga", "Children and young people"),
    ("older-people", "Ikäihmiset", "Äldre", "Older people"),
    ("digital", "Digitaaliset palvelut", "Digitala tjänster", "Digital services"),
    ("accessibility", "Saavutettavuus", "Tillgänglighet", "Accessibility"),
    ("environment", "Ympäristö ja energia", "Miljö och energi", "Environment and energy"),
    ("other", "Muu", "Annat", "Other"),
]


def seed(apps, schema_editor):
    IdeaState = apps.get_model("ideas", "IdeaState")
    IdeaCategory = apps.get_model("ideas", "IdeaCategory")
    made = {}
    for position, (slug, kind, fi, sv, en, _next) in enumerate(STATES):
        made[slug] = IdeaState.objects.create(
            slug=slug, kind=kind, position=position, name=fi, name_fi=fi, name_sv=sv, name_en=en
        )
    for slug, _kind, _fi, _sv, _en, following in STATES:
        made[slug].next_states.set([made[name] for name in following])
    for position, (slug, fi, sv, en) in enumerate(CATEGORIES):
        IdeaCategory.objects.create(
            slug=slug, position=position, name=fi, name_fi=fi, name_sv=sv, name_en=en
        )


def unseed(apps, schema_editor):
    apps.get_model("ideas", "IdeaState").objects.all().delete()
    apps.get_model("ideas", "IdeaCategory").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("ideas", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
