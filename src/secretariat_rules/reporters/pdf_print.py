"""The HTML report made into a PDF/A-3b annex with WeasyPrint.

:func:`print_page` turns the HTML reporter's page into a page for print: no script (and
so no filters or other interactive parts), every ``<details>`` open, A4 with margins,
the annex line at the top and ``Side n av m`` at the bottom of each page, the audit's
matrices on landscape pages, fonts named so that the same fonts are found everywhere
(DejaVu Sans, then Liberation Sans). :func:`pdfa_bytes` renders it: PDF/A-3b (sRGB
output intent, XMP metadata with the title and the dates, the catalogue's ``/Lang``),
font subsets embedded, the document id derived from the page, and the subsets' own
timestamps the report's date (:func:`source_date`), so that equal input gives equal bytes.

WeasyPrint is imported only here and only when a PDF is asked for; it needs the system
library Pango. Without either the report is refused with a message saying what to
install (:class:`~secretariat_rules.exceptions.UsageError`, exit 2).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager

from ..exceptions import UsageError
from ..i18n.catalog import t
from ..i18n.message import msg

PDF_VARIANT = "pdf/a-3b"
"""PDF/A-3, level B (visual appearance preserved): accepted for archival deposit."""

_SCRIPT = re.compile(r"<script>.*?</script>", re.S)
_DETAILS = re.compile(r"<details(?![^>]*\bopen\b)")


def _css_string(text: str) -> str:
    """``text`` as a CSS string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def print_css(lang: str) -> str:
    """The print layout: A4, annex line, page numbers, landscape matrices, fonts."""
    annex = _css_string(t("pdf.annex", lang))
    page, of = _css_string(t("pdf.page", lang) + " "), _css_string(" " + t("pdf.of", lang) + " ")
    return (
        "@page{size:A4;margin:20mm 16mm 18mm 16mm;"
        f"@top-left{{content:{annex};font-size:8pt;color:#555}}"
        f"@bottom-right{{content:{page} counter(page) {of} counter(pages);font-size:8pt}}}}"
        "@page wide{size:A4 landscape}"
        ".matrix-box{page:wide}"
        'body,code,pre{font-family:"DejaVu Sans","Liberation Sans",sans-serif}'
        "code,pre{font-size:.85em}"
        "body{font-size:9pt;max-width:none;padding:0;margin:0}"
        ".filters,.skip,nav.toc,form,button,input,select{display:none}"
        ".scroll{overflow:visible}"
        "details>summary{list-style:none}"
        "a{color:inherit;text-decoration:none}"
        "h1,h2,h3,h4{break-after:avoid}tr{break-inside:avoid}"
    )


def document_time(when: dt.date) -> dt.datetime:
    """The time the PDF says it was made: midnight UTC of the report's date (no clock)."""
    return dt.datetime.combine(when, dt.time(), dt.UTC)


def print_page(html: str, lang: str, when: dt.date) -> str:
    """The HTML report as a page for print (see the module's description)."""
    stamp = document_time(when).strftime("%Y-%m-%dT%H:%M:%SZ")
    head = (
        f'<meta name="dcterms.created" content="{stamp}">'
        f'<meta name="dcterms.modified" content="{stamp}">'
        f"<style>{print_css(lang)}</style>"
    )
    page = _DETAILS.sub("<details open", _SCRIPT.sub("", html))
    return page.replace("</head>", head + "</head>", 1)


def pdfa_bytes(html: str, lang: str, when: dt.date) -> bytes:
    """The PDF/A-3b of the HTML report ``html``, dated ``when``; deterministic."""
    page = print_page(html, lang, when)
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as exc:  # OSError: the Pango library cannot be loaded
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise UsageError(msg("pdf.unavailable", reason=reason)) from None
    identifier = hashlib.sha256(page.encode("utf-8")).hexdigest()[:32].encode("ascii")
    quiet = [logging.getLogger(name) for name in ("weasyprint", "fontTools")]
    levels = [logger.level for logger in quiet]
    for logger in quiet:  # CSS the print ignores (screen-only rules) is not the user's concern
        logger.setLevel(logging.ERROR)
    try:
        with source_date(when):
            document = HTML(string=page)
            pdf: bytes = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=identifier)
    finally:
        for logger, level in zip(quiet, levels, strict=True):
            logger.setLevel(level)
    return pdf


SOURCE_DATE_ENV = "SOURCE_DATE_EPOCH"
"""The reproducible-builds variable: the time a tool is to write instead of the clock's."""


@contextmanager
def source_date(when: dt.date) -> Iterator[None]:
    """:data:`SOURCE_DATE_ENV` set to midnight UTC of ``when`` meanwhile, unless the user
    set it.

    fontTools writes the time it saves a font into the font (``head.modified``); WeasyPrint
    saves each embedded subset with it, so without this a PDF rendered a second later
    differs in the subsets' bytes. fontTools reads the variable for that time.
    """
    if SOURCE_DATE_ENV in os.environ:
        yield
        return
    os.environ[SOURCE_DATE_ENV] = str(int(document_time(when).timestamp()))
    try:
        yield
    finally:
        os.environ.pop(SOURCE_DATE_ENV, None)
