"""Two more schools in each core city, so that every city has three school gyms to book.

Same shape as data.ORGANISATIONS, which appends these rows.
"""

from __future__ import annotations

SCHOOL_ORGANISATIONS: list[
    tuple[str, str, str, tuple[str, str, str], tuple[str, str, str], str]
] = [
    (
        "oulu",
        "pateniemen-koulu",
        "school",
        ("Pateniemen koulu", "Pateniemi skola", "Pateniemi School"),
        (
            "Alakoulu luokat 1–6 meren rannalla.",
            "Lågstadium årskurs 1–6 vid havet.",
            "Primary school, grades 1–6, by the sea.",
        ),
        "",
    ),
    (
        "oulu",
        "kaukovainion-koulu",
        "school",
        ("Kaukovainion koulu", "Kaukovainio skola", "Kaukovainio School"),
        (
            "Yhtenäiskoulu luokat 1–9.",
            "Enhetsskola årskurs 1–9.",
            "Comprehensive school, grades 1–9.",
        ),
        "",
    ),
    (
        "jyvaskyla",
        "kuokkalan-koulu",
        "school",
        ("Kuokkalan koulu", "Kuokkala skola", "Kuokkala School"),
        (
            "Yhtenäiskoulu järven rannalla.",
            "Enhetsskola vid sjön.",
            "Comprehensive school by the lake.",
        ),
        "",
    ),
    (
        "jyvaskyla",
        "palokan-koulu",
        "school",
        ("Palokan koulu", "Palokka skola", "Palokka School"),
        (
            "Alakoulu luokat 1–6.",
            "Lågstadium årskurs 1–6.",
            "Primary school, grades 1–6.",
        ),
        "",
    ),
    (
        "kuopio",
        "neulamaen-koulu",
        "school",
        ("Neulamäen koulu", "Neulamäki skola", "Neulamäki School"),
        (
            "Alakoulu luokat 1–6.",
            "Lågstadium årskurs 1–6.",
            "Primary school, grades 1–6.",
        ),
        "",
    ),
    (
        "kuopio",
        "jynkan-koulu",
        "school",
        ("Jynkän koulu", "Jynkkä skola", "Jynkkä School"),
        (
            "Yhtenäiskoulu luokat 1–9.",
            "Enhetsskola årskurs 1–9.",
            "Comprehensive school, grades 1–9.",
        ),
        "",
    ),
    (
        "lahti",
        "mukkulan-koulu",
        "school",
        ("Mukkulan koulu", "Mukkula skola", "Mukkula School"),
        (
            "Alakoulu luokat 1–6 Vesijärven lähellä.",
            "Lågstadium årskurs 1–6 nära Vesijärvi.",
            "Primary school, grades 1–6, near Lake Vesijärvi.",
        ),
        "",
    ),
    (
        "lahti",
        "liipolan-koulu",
        "school",
        ("Liipolan koulu", "Liipola skola", "Liipola School"),
        (
            "Yhtenäiskoulu luokat 1–9.",
            "Enhetsskola årskurs 1–9.",
            "Comprehensive school, grades 1–9.",
        ),
        "",
    ),
]
