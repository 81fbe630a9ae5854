"""Documents and links of a pilot: what may be uploaded (name, size and bytes must agree), where
the file is kept (private storage, never MEDIA_ROOT) and who may add one."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from lampio.capability.models import PilotDocument
from lampio.capability.services import library
from lampio.capability.services.library import DocumentData, add_document, open_document_file
from lampio.capability.tests.pilot_factories import (  # noqa: F401  (fixtures)
    World,
    make_pilot,
    world_fixture,
)
from lampio.core.errors import InvalidInput, PermissionDenied

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("raportti.pdf", PDF),
        ("muistio.docx", DOCX),
        ("muistio.odt", ODT),
        ("muistiinpanot.md", "# Opit\n\nÄäni katkesi.".encode()),
        ("lista.TXT", b"kolme kotia\n"),
    ],
)
def test_allowed_files_pass(name: str, content: bytes) -> None:
    assert library.check_upload(_upload(name, content)) == name.rsplit(".", 1)[1].lower()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("kuva.exe", b"MZ\x90\x00"),
        ("sivu.html", b"<script>alert(1)</script>"),
        ("raportti.pdf", b"<html><script>alert(1)</script></html>"),  # a lie in the name
        ("muistio.docx", ODT),  # a zip, but not Word's
        ("muistio.odt", _zip({"mimetype": b"text/html"})),
        ("taulukko.xlsx", b"PK\x03\x04 not really a zip"),
        ("teksti.txt", b"\xff\xfe\x00b\x00i\x00n"),  # not UTF-8 text
        ("tyhja.pdf", b""),
    ],
)
def test_refused_files_are_named_on_the_file_field(name: str, content: bytes) -> None:
    with pytest.raises(InvalidInput) as refused:
        library.check_upload(_upload(name, content))
    assert refused.value.field == "file"


def test_a_file_over_20_mb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(library, "MAX_UPLOAD_BYTES", len(PDF) - 1)
    with pytest.raises(InvalidInput):
        library.check_upload(_upload("raportti.pdf", PDF))


def test_an_uploaded_file_is_kept_privately_under_a_random_name(world: World) -> None:
    pilot = make_pilot(world.staff_a, world.a)
    document = add_document(
        actor=world.staff_a,
        pilot=pilot,
        data=DocumentData(title="Loppuraportti", upload=_upload("../../etc/raportti.pdf", PDF)),
    )
    name = document.file.name
    assert name.startswith("pilots/") and name.endswith(".pdf") and "raportti" not in name
    assert (Path(settings.LAMPIO_PRIVATE_MEDIA_ROOT) / name).read_bytes() == PDF
    assert not (Path(settings.MEDIA_ROOT) / name).exists()
    with open_document_file(document) as handle:
        assert handle.read() == PDF


def test_a_document_is_a_link_or_a_file_and_links_are_web_addresses(world: World) -> None:
    pilot = make_pilot(world.staff_a, world.a)
    with pytest.raises(InvalidInput) as both:
        add_document(
            actor=world.staff_a,
            pilot=pilot,
            data=DocumentData(title="X", url="https://a.fi/", upload=_upload("raportti.pdf", PDF)),
        )
    assert both.value.field == "url"
    with pytest.raises(InvalidInput):
        add_document(
            actor=world.staff_a,
            pilot=pilot,
            data=DocumentData(title="X", url="javascript:alert(1)"),
        )
    link = add_document(
        actor=world.staff_a,
        pilot=pilot,
        data=DocumentData(title="Hankesivu", kind="link", url="https://hanke.example.fi/"),
    )
    assert (link.url, link.file.name) == ("https://hanke.example.fi/", "")


def test_documents_come_from_the_pilots_organisations(
    world: World, make_organisation, make_member
) -> None:
    pilot = make_pilot(world.staff_a, world.a, participants=[world.b])
    data = DocumentData(title="Muistio", url="https://a.fi/m")
    with pytest.raises(PermissionDenied):
        add_document(actor=make_member(make_organisation()), pilot=pilot, data=data)
    with pytest.raises(PermissionDenied):
        add_document(actor=world.viewer_b, pilot=pilot, data=data)
    add_document(actor=world.staff_b, pilot=pilot, data=data)
    assert PilotDocument.objects.filter(pilot=pilot).count() == 1
