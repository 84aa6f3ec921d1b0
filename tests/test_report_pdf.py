"""The PDF/A report (``--format pdf``): text, æøå, A4 pages, the PDF/A claim (XMP part and
conformance, output intent, every font embedded), exact bytes, and the missing library.

WeasyPrint needs the system library Pango. Without it these tests are skipped on a
developer's machine but fail when ``CI`` is set (as the browser tests do): a CI run must
never pass by skipping them.
"""

from __future__ import annotations

import builtins
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from secretariat_rules.exceptions import UsageError
from secretariat_rules.reporters import pdf_print
from secretariat_rules.testing import run_cli

ROOT = Path(__file__).resolve().parents[1]
A4 = (595, 842)


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        pytest.fail(f"{reason}; CI must run the PDF tests", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def pypdf() -> Any:
    try:
        import pypdf
    except ImportError:
        _skip_or_fail("pypdf is not installed (pip install -e '.[dev]')")
    return pypdf


@pytest.fixture(scope="module")
def weasyprint() -> None:
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        _skip_or_fail(f"WeasyPrint cannot run here ({exc}); it needs the Pango library")


@pytest.fixture(scope="module")
def reports(
    weasyprint: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Path]]:
    """The check of miljoloftet and the audit of miljoloftet and bymiljopakken, as PDF."""
    out = tmp_path_factory.mktemp("pdf")
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        paths = {"check": out / "check.pdf", "audit": out / "audit.pdf", "en": out / "en.pdf"}
        run = run_cli(
            "check", "fixtures/miljoloftet", "--format", "pdf", "--output", paths["check"]
        )
        assert run.exit_code == 1, run.stderr
        run = run_cli(
            "audit", "fixtures/miljoloftet", "fixtures/bymiljopakken",
            "--format", "pdf", "--output", paths["audit"],
        )  # fmt: skip
        assert run.exit_code == 1, run.stderr
        run = run_cli(
            "check", "fixtures/miljoloftet", "--format", "pdf", "--lang", "en",
            "--output", paths["en"],
        )  # fmt: skip
        assert run.exit_code == 1, run.stderr
        yield paths
    finally:
        os.chdir(cwd)


def _text(pypdf: Any, path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def test_check_text_has_rule_ids_region_and_norwegian_letters(
    pypdf: Any, reports: dict[str, Path]
) -> None:
    text = _text(pypdf, reports["check"])
    for rule in ("SEK008", "SEK009", "SEK027"):
        assert rule in text
    assert "Miljøløftet (miljoloftet)" in text
    assert "Kontroll av sekretariatets retningslinjer" in text
    assert "Periode: 2024-01-01 – 2024-12-31 · Per dato: 2025-06-30" in text
    assert "Dokumenthåndtering" in text and "Økonomi" in text
    assert "Vedlegg til sak for styringsgruppen" in text
    pages = len(pypdf.PdfReader(reports["check"]).pages)
    assert f"Side 1 av {pages}" in text and f"Side {pages} av {pages}" in text
    assert "Filtrer" not in text  # no interactive parts


def test_english(pypdf: Any, reports: dict[str, Path]) -> None:
    text = _text(pypdf, reports["en"])
    assert "Secretariat guideline check" in text
    assert "Annex to a steering-group case" in text and "Page 1 of" in text


def test_audit_text_and_landscape_matrices(pypdf: Any, reports: dict[str, Path]) -> None:
    reader = pypdf.PdfReader(reports["audit"])
    text = _text(pypdf, reports["audit"])
    assert "Revisjon av sekretariatene" in text
    assert "Bymiljøpakken" in text and "Miljøløftet" in text
    assert "27/33 81 %" in text and "33/33 100 %" in text
    sizes = [tuple(round(float(v)) for v in page.mediabox[2:]) for page in reader.pages]
    assert sizes[0] == A4
    assert sizes.count(A4[::-1]) == 2  # the two matrices
    assert set(sizes) == {A4, A4[::-1]}


@pytest.mark.parametrize("which", ["check", "audit"])
def test_the_pdfa_claim(pypdf: Any, reports: dict[str, Path], which: str) -> None:
    reader = pypdf.PdfReader(reports[which])
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r'pdfaid:part="3"', xmp) and re.search(r'pdfaid:conformance="B"', xmp)
    assert "<xmp:CreateDate>2025-06-30T00:00:00Z</xmp:CreateDate>" in xmp
    assert "<xmp:ModifyDate>2025-06-30T00:00:00Z</xmp:ModifyDate>" in xmp
    assert "<dc:title>" in xmp
    assert root["/Lang"] == "nb"
    intents = root["/OutputIntents"]
    assert [i.get_object()["/S"] for i in intents] == ["/GTS_PDFA1"]
    assert "/DestOutputProfile" in intents[0].get_object()
    fonts = {}
    for page in reader.pages:
        for ref in (page["/Resources"].get_object().get("/Font") or {}).values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:  # a composite font: its descendant has the descriptor
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            fonts[font["/BaseFont"]] = [k for k in descriptor if k.startswith("/FontFile")]
    assert fonts and all(found for found in fonts.values()), fonts
    assert all(re.match(r"/[A-Z]{6}\+", name) for name in fonts)  # subsets


def test_equal_input_gives_equal_bytes(pypdf: Any, weasyprint: None) -> None:
    html = "<html lang=nb><head><title>Prøve</title></head><body><p>æøå ÆØÅ</p></body></html>"
    first = pdf_print.pdfa_bytes(html, "nb", pdf_print.dt.date(2025, 6, 30))
    second = pdf_print.pdfa_bytes(html, "nb", pdf_print.dt.date(2025, 6, 30))
    assert first == second
    other = pdf_print.pdfa_bytes(html.replace("æ", "a"), "nb", pdf_print.dt.date(2025, 6, 30))
    ids = [pypdf.PdfReader(io.BytesIO(data)).trailer["/ID"][0] for data in (first, other)]
    assert ids[0] != ids[1]  # the document id follows the content
    assert re.fullmatch("[0-9a-f]{32}", str(ids[0]))


def test_the_clock_does_not_reach_the_bytes(
    weasyprint: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """fontTools stamps each embedded font subset with the time it is saved (unless
    ``SOURCE_DATE_EPOCH`` says otherwise): a render a day later gives the same bytes, and
    the variable is as it was afterwards."""
    import time

    html = "<html lang=nb><head><title>Prøve</title></head><body><p>æøå ÆØÅ</p></body></html>"
    day = pdf_print.dt.date(2025, 6, 30)
    monkeypatch.delenv(pdf_print.SOURCE_DATE_ENV, raising=False)
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now)
    first = pdf_print.pdfa_bytes(html, "nb", day)
    monkeypatch.setattr(time, "time", lambda: now + 86_400)
    assert pdf_print.pdfa_bytes(html, "nb", day) == first
    assert pdf_print.SOURCE_DATE_ENV not in os.environ
    monkeypatch.setenv(pdf_print.SOURCE_DATE_ENV, "86400")  # the user's own stays
    pdf_print.pdfa_bytes(html, "nb", day)
    assert os.environ[pdf_print.SOURCE_DATE_ENV] == "86400"


def test_print_page_has_no_script_and_opens_details() -> None:
    html = (
        "<html><head><title>x</title></head><body><details><summary>s</summary>t</details>"
        "<details open>u</details><script>alert(1)</script></body></html>"
    )
    page = pdf_print.print_page(html, "nb", pdf_print.dt.date(2025, 1, 2))
    assert "<script>" not in page
    assert page.count("<details open") == 2
    assert '<meta name="dcterms.created" content="2025-01-02T00:00:00Z">' in page
    assert '"Side " counter(page) " av " counter(pages)' in page


def test_missing_weasyprint_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_pango(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pango)
    with pytest.raises(UsageError) as caught:
        pdf_print.pdfa_bytes("<html></html>", "nb", pdf_print.dt.date(2025, 1, 1))
    text = caught.value.args[0].render("nb")
    assert "libpango-1.0-0" in text and "apt-get install" in text


def test_missing_weasyprint_exits_2(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def refuse(*_args: Any) -> bytes:
        raise UsageError(pdf_print.msg("pdf.unavailable", reason="no Pango"))

    monkeypatch.setattr("secretariat_rules.reporters.pdf.pdfa_bytes", refuse)
    monkeypatch.chdir(ROOT)
    out = tmp_path / "r.pdf"
    run = run_cli("check", "fixtures/miljoloftet", "--format", "pdf", "--output", out)
    assert run.exit_code == 2
    assert "WeasyPrint" in run.stderr and "Pango" in run.stderr
    assert not out.exists()
