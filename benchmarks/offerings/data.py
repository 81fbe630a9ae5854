"""A fresh PostgreSQL database with a city network's culture offerings, by set-based SQL.

The schema comes from `manage.py migrate` (keywords included: a data migration loads the
controlled list), so every constraint of the real schema holds for the generated rows, the
`seats_taken <= capacity` check among them. `INSERT … SELECT generate_series` writes 100,000
occurrences and their enrolments in seconds, where the ORM would take minutes.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

import psycopg
from common import db
from spaces.data import MUNICIPALITIES

DATABASE = "lampio_bench_offerings"
DATABASE_URL = db.database_url(DATABASE)


@dataclass(frozen=True)
class Sizes:
    offerings: int = 5_000
    occurrences: int = 100_000
    users: int = 5_000
    # Users who hold no generated enrolment: the load's enrolments come from them, so a
    # request is refused only when seats run out, never because the person is enrolled.
    fresh_users: int = 2_000
    municipalities: int = len(MUNICIPALITIES)

    @classmethod
    def small(cls) -> Sizes:
        return cls(offerings=500, occurrences=10_000, users=1_500, fresh_users=600)

    @property
    def per_offering(self) -> int:
        """Times per offering with times (on-request offerings, 1 in 25, have none)."""
        with_times = self.offerings - self.offerings // 25
        return -(-self.occurrences // with_times)


def connect() -> psycopg.Connection:
    return db.connect(DATABASE)


def recreate_database() -> None:
    db.recreate_database(DATABASE)


def migrate() -> None:
    db.migrate(DATABASE)


# Per municipality: culture services, a library, an association, two independent providers
# (the providers), two care units and a school (who order for groups).
ORGANISATIONS = """
INSERT INTO tenancy_organisation (municipality_id, slug, name, name_fi, name_sv, name_en,
    description, kind, email, website, is_active)
SELECT m.id, kind.slug, m.name_fi || ' ' || kind.fi, m.name_fi || ' ' || kind.fi,
    m.name_sv || ' ' || kind.sv, m.name_fi || ' ' || kind.en, '', kind.kind, '', '', true
FROM tenancy_municipality m
CROSS JOIN (VALUES
    (0, 'kulttuuri', 'city_institution', 'kulttuuripalvelut', 'kulturtjänster', 'culture'),
    (1, 'kirjasto', 'city_institution', 'kirjasto', 'bibliotek', 'library'),
    (2, 'kuoro', 'association', 'kuoroyhdistys', 'körförening', 'choir association'),
    (3, 'teatteri', 'independent_provider', 'teatteri', 'teater', 'theatre'),
    (4, 'sirkus', 'independent_provider', 'sirkusryhmä', 'cirkusgrupp', 'circus group'),
    (5, 'palvelutalo', 'care_unit', 'palvelutalo', 'servicehus', 'service house'),
    (6, 'hoivakoti', 'care_unit', 'hoivakoti', 'vårdhem', 'care home'),
    (7, 'koulu', 'school', 'koulu', 'skola', 'school')
) AS kind(idx, slug, kind, fi, sv, en)
"""
PROVIDERS = 5

VENUES = """
INSERT INTO spaces_venue (organisation_id, slug, name, name_fi, name_sv, name_en, description,
    street_address, postal_code, post_office, directions, accessibility, latitude, longitude,
    is_published)
SELECT o.id, 'talo', o.name_fi, o.name_fi, o.name_sv, o.name_en, '', 'Kulttuurikatu ' || o.id,
    lpad(((o.id * 37) %% 99999)::text, 5, '0'), m.name_fi, '', '', 61.5, 24.5, true
FROM tenancy_organisation o JOIN tenancy_municipality m ON m.id = o.municipality_id
WHERE o.kind IN ('city_institution', 'association', 'independent_provider')
"""

# Offering n belongs to provider n mod P of municipality (n / P) mod M. Formats: 70 % on site,
# 15 % streams, 10 % recordings, 5 % hybrid; 80 % free; 1 in 25 on request; 1 in 50 a draft.
# Those choices go by a hash of n, so that they do not follow the provider: every provider has
# some of each, and every city every format.
OFFERINGS = """
INSERT INTO offerings_offering (organisation_id, status, title, title_fi, title_sv, title_en,
    short_description, short_description_fi, short_description_sv, short_description_en,
    description, description_fi, description_sv, description_en, age_min, age_max, format,
    location, online_url, accessibility, accessibility_fi, accessibility_sv, accessibility_en,
    is_free, price, price_info, price_info_fi, price_info_sv, price_info_en, on_request,
    allows_enrolment, allows_group_orders, auto_accept_orders, min_group_size, max_group_size,
    cancellation_hours, created_at, updated_at, published_at, venue_id, source_id, price_basis)
SELECT p.id, CASE WHEN h %% 50 = 49 THEN 'draft' ELSE 'published' END,
    w.fi || ' ' || n, w.fi || ' ' || n, w.sv || ' ' || n, w.en || ' ' || n,
    w.fi || ' kaikenikäisille', w.fi || ' kaikenikäisille', w.sv || ' för alla åldrar',
    w.en || ' for all ages', '', 'Tervetuloa mukaan! ' || w.fi || ' ja ' || w2.fi || '.',
    'Välkommen! ' || w.sv || ' och ' || w2.sv || '.', 'Welcome! ' || w.en || ' and ' || w2.en,
    CASE WHEN n %% 6 = 0 THEN 7 END, CASE WHEN n %% 6 = 0 THEN 15 END, f.format, '',
    CASE WHEN f.format = 'on_site' THEN '' ELSE 'https://striimi.example.invalid/' || n END,
    '', CASE WHEN n %% 3 = 0 THEN 'Esteetön sisäänkäynti.' ELSE '' END, '', '',
    h %% 5 <> 0, CASE WHEN h %% 5 = 0 THEN 12 END, '', '', '', '', h %% 25 = 7,
    h %% 25 <> 7, n %% 3 = 0 OR h %% 25 = 7, n %% 6 = 0, 1, NULL, 24, now(), now(), now(),
    CASE WHEN f.format IN ('on_site', 'hybrid') THEN v.id END, '', 'per_person'
FROM generate_series(0, %(offerings)s - 1) n
CROSS JOIN LATERAL (SELECT abs(hashint4(n::int)::bigint) AS h) mix
JOIN (SELECT o.id, dense_rank() OVER (ORDER BY o.municipality_id) - 1 AS m_rank,
             row_number() OVER (PARTITION BY o.municipality_id ORDER BY o.id) - 1 AS k_rank
      FROM tenancy_organisation o
      WHERE o.kind IN ('city_institution', 'association', 'independent_provider')) p
    ON p.m_rank = (n / %(providers)s) %% %(municipalities)s AND p.k_rank = n %% %(providers)s
JOIN spaces_venue v ON v.organisation_id = p.id
JOIN (VALUES (0, 'Konsertti', 'Konsert', 'Concert'), (1, 'Työpaja', 'Verkstad', 'Workshop'),
      (2, 'Opastettu kierros', 'Guidad visning', 'Guided tour'),
      (3, 'Lukupiiri', 'Läsecirkel', 'Reading circle'), (4, 'Teatteriesitys',
      'Teaterföreställning', 'Theatre show'), (5, 'Tanssitunti', 'Danslektion', 'Dance class'),
      (6, 'Näyttely', 'Utställning', 'Exhibition'), (7, 'Digiapu', 'Digihjälp',
      'Digital help'), (8, 'Yhteislaulu', 'Allsång', 'Community singing'),
      (9, 'Muistelutuokio', 'Minnesstund', 'Reminiscence session'))
    AS w(idx, fi, sv, en) ON w.idx = n %% 10
JOIN (VALUES (0, 'musiikki', 'musik', 'music'), (1, 'kuvataide', 'bildkonst', 'visual art'),
      (2, 'liike', 'rörelse', 'movement'))
    AS w2(idx, fi, sv, en) ON w2.idx = n %% 3
JOIN (SELECT i, CASE WHEN i < 14 THEN 'on_site' WHEN i < 17 THEN 'live_stream'
                     WHEN i < 19 THEN 'recording' ELSE 'hybrid' END AS format
      FROM generate_series(0, 19) i) f ON f.i = h %% 20
"""

# Offsets 0, 2 and 3 modulo 6 never meet, so an offering's audiences are distinct.
AUDIENCES = """
INSERT INTO offerings_offeringaudience (offering_id, audience)
SELECT o.id, (ARRAY['children', 'youth', 'adults', 'older_people', 'care_units', 'schools'])
    [(o.n + d) %% 6 + 1]
FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM offerings_offering) o
CROSS JOIN (VALUES (0), (2), (3)) AS a(d)
WHERE d = 0 OR (d = 2 AND o.n %% 2 = 0) OR (d = 3 AND o.n %% 3 = 0)
"""

LANGUAGES = """
INSERT INTO offerings_offeringlanguage (offering_id, language)
SELECT o.id, l.language
FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM offerings_offering) o
JOIN (VALUES ('fi', 1, 0), ('sv', 4, 0), ('en', 10, 3)) AS l(language, every, at)
    ON o.n %% l.every = l.at
"""

KEYWORDS = """
INSERT INTO offerings_offering_keywords (offering_id, keyword_id)
SELECT DISTINCT o.id, k.id
FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM offerings_offering) o
CROSS JOIN (VALUES (1), (7)) AS s(step)
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, count(*) OVER () AS total
      FROM offerings_keyword WHERE NOT is_deprecated) k
    ON k.n = (o.n * s.step + s.step / 7 * 3) %% k.total
"""

# Time k of offering n: weekly from four weeks back, on the offering's own weekday and hour.
# Seats taken (0–6) equal the generated enrolments below; 1 in 100 times is cancelled.
OCCURRENCES = """
INSERT INTO offerings_occurrence (offering_id, starts_at, ends_at, capacity, seats_taken,
    status, notice, notice_fi, notice_sv, notice_en, is_public)
SELECT o.id, t.starts_at, t.starts_at + interval '90 minutes', c.capacity,
    LEAST(c.capacity, (o.n + k) %% 7),
    CASE WHEN (o.n + k) %% 100 = 0 THEN 'cancelled' ELSE 'scheduled' END, '', '', '', '', true
FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM offerings_offering
      WHERE NOT on_request) o
CROSS JOIN generate_series(0, %(per_offering)s - 1) k
CROSS JOIN LATERAL (SELECT (ARRAY[10, 20, 30, 50, 100, 200])[o.n %% 6 + 1] AS capacity) c
CROSS JOIN LATERAL (
    SELECT ((%(today)s::date + (k * 7 - 28 + o.n %% 7)::int)
            + make_time((9 + o.n %% 11)::int, 0, 0)) AT TIME ZONE 'Europe/Helsinki' AS starts_at
) t
WHERE o.n * %(per_offering)s + k < %(occurrences)s
"""

# Enrolment j of time i comes from one of the users who are not kept fresh.
ENROLMENTS = """
INSERT INTO offerings_enrolment (occurrence_id, person_id, seats, status, created_at,
    feed_token)
SELECT c.id, u.id, 1, 'confirmed', now(), gen_random_uuid()
FROM (SELECT id, seats_taken, row_number() OVER (ORDER BY id) - 1 AS n
      FROM offerings_occurrence) c
CROSS JOIN LATERAL generate_series(0, c.seats_taken - 1) j
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM accounts_user) u
    ON u.n = (c.n * 7919 + j * 31) %% %(regulars)s
"""

USERS = """
INSERT INTO accounts_user (password, is_superuser, first_name, last_name, is_staff, is_active,
    date_joined, email, preferred_language, is_network_admin)
SELECT '!', false, 'Testi', 'Käyttäjä ' || u, false, true, now(),
    'bench' || u || '@example.invalid', (ARRAY['fi', 'sv', 'en'])[u %% 3 + 1], false
FROM generate_series(1, %(users)s) u
"""

EMAILS = """
INSERT INTO account_emailaddress (user_id, email, verified, "primary")
SELECT id, email, true, true FROM accounts_user
"""

# The token of user N is its prefix + N; only the hash is stored, as the application does.
TOKENS = """
INSERT INTO accounts_apitoken (user_id, key_hash, created_at, expires_at)
SELECT id, encode(sha256(convert_to(%(prefix)s || id, 'UTF8')), 'hex'), now(),
    now() + interval '2 days'
FROM accounts_user
"""


def generate(sizes: Sizes) -> tuple[str, dict[str, float]]:
    """Fill the migrated database; return the token prefix and seconds per step."""
    token_prefix = f"lmp_bench{secrets.token_hex(8)}_"
    timings: dict[str, float] = {}
    with connect() as conn:

        def step(name: str, sql: str, params: dict[str, object] | None = None) -> None:
            started = time.perf_counter()
            conn.execute(sql, params or {})  # a mapping, so "%%" always means "%"
            timings[name] = time.perf_counter() - started

        started = time.perf_counter()
        with conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO tenancy_municipality (slug, name, name_fi, name_sv, name_en,"
                " coat_of_arms, coat_of_arms_alt) VALUES (%s, %s, %s, %s, %s, '', '')",
                [(slug, fi, fi, sv, fi) for slug, fi, sv in MUNICIPALITIES[: sizes.municipalities]],
            )
        timings["municipalities"] = time.perf_counter() - started
        step("organisations", ORGANISATIONS)
        step("venues", VENUES)
        step("users", USERS, {"users": sizes.users})
        step("email addresses", EMAILS)
        step("API tokens", TOKENS, {"prefix": token_prefix})
        step(
            "offerings",
            OFFERINGS,
            {
                "offerings": sizes.offerings,
                "providers": PROVIDERS,
                "municipalities": sizes.municipalities,
            },
        )
        step("audiences", AUDIENCES)
        step("languages", LANGUAGES)
        step("keywords", KEYWORDS)
        today = conn.execute("SELECT (now() AT TIME ZONE 'Europe/Helsinki')::date").fetchone()
        assert today is not None
        step(
            "occurrences",
            OCCURRENCES,
            {
                "per_offering": sizes.per_offering,
                "occurrences": sizes.occurrences,
                "today": today[0],
            },
        )
        step("enrolments", ENROLMENTS, {"regulars": sizes.users - sizes.fresh_users})
        step("VACUUM ANALYZE", "VACUUM ANALYZE")
    return token_prefix, timings
