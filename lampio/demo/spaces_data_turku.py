"""Turku's demo venues and spaces: fewer than in the four core cities."""

from __future__ import annotations

from lampio.demo.spaces_data import SpaceSpec, VenueSpec

VENUES: list[VenueSpec] = [
    VenueSpec(
        city="turku",
        organisation="kulttuuri",
        slug="paakirjasto",
        kind="library",
        name=("Turun pääkirjasto", "Åbo huvudbibliotek", "Turku Main Library"),
        description=(
            "Pääkirjasto keskustassa Aurajoen lähellä. Kokoushuoneet ovat maksuttomia.",
            "Huvudbiblioteket i centrum nära Aura å. Mötesrummen är avgiftsfria.",
            "The main library in the centre near the River Aura. The meeting rooms are free.",
        ),
        street_address="Linnankatu 2",
        postal_code="20100",
        post_office="Turku",
        directions=(
            "Käytä uudisosan pääovea Linnankadun puolella. Kokoushuoneet ovat toisessa "
            "kerroksessa tietopalvelun vieressä.",
            "Använd huvudingången till nybygget mot Slottsgatan. Mötesrummen finns i andra "
            "våningen bredvid informationstjänsten.",
            "Use the main door of the new wing on Linnankatu. The meeting rooms are one floor up "
            "next to the information desk.",
        ),
        accessibility=(
            "Uudisosan pääovi on esteetön ja hissi kulkee kaikkiin kerroksiin. Esteetön wc on "
            "jokaisessa kerroksessa.",
            "Nybyggets huvudingång är tillgänglig och hissen går till alla våningar. Tillgänglig "
            "toalett i varje våning.",
            "The new wing's main door is step-free and the lift serves every floor. Accessible "
            "toilets on every floor.",
        ),
        latitude="60.450700",
        longitude="22.269000",
        spaces=(
            SpaceSpec(
                "aura",
                "meeting_room",
                ("Kokoushuone Aura", "Mötesrummet Aura", "Aura meeting room"),
                12,
            ),
            SpaceSpec(
                "ruissalo",
                "meeting_room",
                ("Kokoushuone Ruissalo", "Mötesrummet Runsala", "Ruissalo meeting room"),
                6,
            ),
        ),
    ),
    VenueSpec(
        city="turku",
        organisation="kulttuuri",
        slug="kulttuuritalo-aurajoki",
        kind="culture_centre",
        name=("Kulttuuritalo Aurajoki", "Kulturhuset Aura å", "Aurajoki Culture House"),
        description=(
            "Jokirannan vanha makasiini, jossa on juhlasali ja tanssistudio. Talossa toimii "
            "sekä suomen- että ruotsinkielisiä ryhmiä.",
            "Ett gammalt magasin vid ån med festsal och dansstudio. I huset verkar både finsk- "
            "och svenskspråkiga grupper.",
            "An old riverside warehouse with a festival hall and a dance studio, used by both "
            "Finnish- and Swedish-speaking groups.",
        ),
        street_address="Itäinen Rantakatu 34",
        postal_code="20810",
        post_office="Turku",
        directions=(
            "Talo on joen itärannalla. Sisäänkäynti on jokirannan puolelta, ovi A. Studioon "
            "mennään aulan portaita tai hissillä toiseen kerrokseen.",
            "Huset ligger på östra åstranden. Ingången är på åsidan, dörr A. Till studion går "
            "man via trappan i entréhallen eller med hiss till andra våningen.",
            "The house is on the east bank of the river. Enter on the riverside by door A. The "
            "studio is one floor up, by the lobby stairs or the lift.",
        ),
        accessibility=(
            "Ovella A on luiska ja automaattiovi. Hissi toiseen kerrokseen. Salissa on "
            "induktiosilmukka. Esteetön wc on aulassa.",
            "Vid dörr A finns en ramp och en automatisk dörr. Hiss till andra våningen. Salen har "
            "induktionsslinga. Tillgänglig toalett i entréhallen.",
            "Door A has a ramp and an automatic door. A lift goes up to the studio. The hall has "
            "an induction loop. Accessible toilet in the lobby.",
        ),
        latitude="60.446300",
        longitude="22.259600",
        spaces=(
            SpaceSpec(
                "juhlasali",
                "culture_hall",
                ("Makasiinisali", "Magasinssalen", "Warehouse Hall"),
                150,
            ),
            SpaceSpec(
                "studio", "culture_studio", ("Tanssistudio", "Dansstudio", "Dance studio"), 25
            ),
        ),
    ),
]
