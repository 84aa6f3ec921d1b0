"""Messages of the document reports: the Excel workbook (``xlsx.*``), the PDF/A annex
(``pdf.*``) and writing a binary report (``report.binary.*``).

Keys are ``domain.what``; templates are :meth:`str.format` strings; every key has an
``nb`` and an ``en`` entry. Sheet names are at most 31 characters (Excel's limit).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "nb": {
        "report.binary.terminal": (
            "--format {format} er et binært format og kan ikke skrives til terminalen; "
            "oppgi --output FIL (eller send standard ut til en fil)"
        ),
        "report.binary.text": (
            "{format}-rapporten er binær: bruk render_bytes (på kommandolinjen: --output FIL)"
        ),
        # ------------------------------------------------------------ the workbook
        "xlsx.sheet.summary": "Sammendrag",
        "xlsx.sheet.matrix.national": "Matrise nasjonalt",
        "xlsx.sheet.matrix.own": "Matrise eget regelsett",
        "xlsx.column.rule": "Regel",
        "xlsx.column.clause": "Punkt",
        "xlsx.column.subject": "Gjelder",
        "xlsx.column.message": "Melding",
        "xlsx.column.fix": "Slik retter du",
        "xlsx.column.location": "Sted",
        "xlsx.column.waived": "Unntatt",
        "xlsx.column.severity": "Alvorlighet",
        "xlsx.column.section": "Avsnitt",
        "xlsx.column.region": "Region",
        "xlsx.column.repository": "Datarepositorium",
        "xlsx.column.ruleset": "Regelsett",
        "xlsx.column.findings": "Funn",
        "xlsx.column.status": "Status",
        "xlsx.summary.title": "Kontroll av sekretariatets retningslinjer",
        "xlsx.summary.audit_title": "Revisjon av sekretariatene",
        "xlsx.summary.as_of": "Per dato",
        "xlsx.summary.period": "Periode",
        "xlsx.summary.error": "Feil",
        "xlsx.summary.warning": "Advarsler",
        "xlsx.summary.info": "Info",
        "xlsx.summary.waived": "Unntatt",
        "xlsx.summary.rules_checked": "Regler sjekket",
        "xlsx.summary.rules_failed": "Regler brutt",
        "xlsx.summary.compliance": "Etterlevelse",
        "xlsx.summary.tool": "Verktøy",
        "xlsx.yes": "ja",
        "xlsx.no": "nei",
        # ------------------------------------------------------------ the PDF/A annex
        "pdf.annex": "Vedlegg til sak for styringsgruppen",
        "pdf.page": "Side",
        "pdf.of": "av",
        "pdf.unavailable": (
            "--format pdf trenger WeasyPrint og systembiblioteket Pango ({reason}); "
            "installer Pango (Debian/Ubuntu: apt-get install libpango-1.0-0 "
            "libpangoft2-1.0-0, macOS: brew install pango) og pip install 'secretariat-rules[pdf]'"
        ),
    },
    "en": {
        "report.binary.terminal": (
            "--format {format} is a binary format and cannot be written to the terminal; "
            "give --output FILE (or redirect standard output to a file)"
        ),
        "report.binary.text": (
            "the {format} report is binary: use render_bytes (on the command line: --output FILE)"
        ),
        "xlsx.sheet.summary": "Summary",
        "xlsx.sheet.matrix.national": "Matrix national",
        "xlsx.sheet.matrix.own": "Matrix own ruleset",
        "xlsx.column.rule": "Rule",
        "xlsx.column.clause": "Clause",
        "xlsx.column.subject": "Subject",
        "xlsx.column.message": "Message",
        "xlsx.column.fix": "How to fix",
        "xlsx.column.location": "Location",
        "xlsx.column.waived": "Waived",
        "xlsx.column.severity": "Severity",
        "xlsx.column.section": "Section",
        "xlsx.column.region": "Region",
        "xlsx.column.repository": "Data repository",
        "xlsx.column.ruleset": "Ruleset",
        "xlsx.column.findings": "Findings",
        "xlsx.column.status": "Status",
        "xlsx.summary.title": "Secretariat guideline check",
        "xlsx.summary.audit_title": "Audit of the secretariats",
        "xlsx.summary.as_of": "As of",
        "xlsx.summary.period": "Period",
        "xlsx.summary.error": "Errors",
        "xlsx.summary.warning": "Warnings",
        "xlsx.summary.info": "Info",
        "xlsx.summary.waived": "Waived",
        "xlsx.summary.rules_checked": "Rules checked",
        "xlsx.summary.rules_failed": "Rules failed",
        "xlsx.summary.compliance": "Compliance",
        "xlsx.summary.tool": "Tool",
        "xlsx.yes": "yes",
        "xlsx.no": "no",
        "pdf.annex": "Annex to a steering-group case",
        "pdf.page": "Page",
        "pdf.of": "of",
        "pdf.unavailable": (
            "--format pdf needs WeasyPrint and the system library Pango ({reason}); "
            "install Pango (Debian/Ubuntu: apt-get install libpango-1.0-0 "
            "libpangoft2-1.0-0, macOS: brew install pango) and pip install 'secretariat-rules[pdf]'"
        ),
    },
}
