"""The report chrome in bokmål (``nb``, the default) and English (``en``).

Every table is keyed by language first, then by key: ``SECTION_TITLES["en"]["7"]``.
Finding messages are not here: rulesets carry their own ``nb``/``en`` templates.
"""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("nb", "en")
"""Supported report languages; the first is the default."""

SECTION_TITLES: dict[str, dict[str, str]] = {
    "nb": {
        "data": "Dataintegritet",
        "1": "Sekretariatets rolle i byvekstavtalesamarbeidet",
        "2": "Arbeidslederansvar og arbeidsgiveransvar",
        "3": "Utadrettet informasjon og kommunikasjon",
        "4": "Økonomi og kostnadsstyring",
        "5": "Oppfølging av måleindikatorer",
        "6": "Analyser og utredninger",
        "7": "Dokumenthåndtering",
        "8": "Håndtering av faglig uenighet",
    },
    "en": {
        "data": "Data integrity",
        "1": "The secretariat's role in the urban growth agreement cooperation",
        "2": "Line management and employer responsibility",
        "3": "External information and communication",
        "4": "Finance and cost control",
        "5": "Follow-up of indicators",
        "6": "Analyses and studies",
        "7": "Document management",
        "8": "Handling of professional disagreement",
    },
}
"""Headings of the guideline sections (the guidelines' own, in nb) and of ``data``."""

SEVERITY_LABELS: dict[str, dict[str, str]] = {
    "nb": {"error": "feil", "warning": "advarsel", "info": "info"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}
"""Severity labels, keyed by :attr:`Severity.label <secretariat_rules.findings.Severity>`."""

MESSAGES: dict[str, dict[str, str]] = {
    "nb": {
        "header.ruleset": "Regelsett: {ruleset}",
        "header.period": "Periode: {start} – {end}",
        "header.as_of": "Per dato: {as_of}",
        "clause": "punkt {clause}",
        "no_findings": "Ingen funn.",
        "waived": "unntatt",
        "waived.reason": "unntatt: {reason}",
        "disabled.reason": "deaktivert: {reason}",
        "disabled.heading": "Deaktiverte regler",
        "not_applicable.reason": "ikke aktuell: {reason}",
        "findings.one": "{count} funn",
        "findings.other": "{count} funn",
        "section.unknown": "Avsnitt {section}",
        "section.none": "Uten avsnitt",
        "summary.findings": (
            "Funn: {error} feil, {warning} advarsel, {info} info; {waived} unntatt"
        ),
        "summary.rules": "Regler: {checked} sjekket, {failed} brutt",
        "summary.baseline": "Mot grunnlinjen: {new} nye funn, {fixed} rettet",
        "status.passed": "bestått",
        "status.failed": "brutt",
        "status.waived": "unntatt",
        "status.disabled": "deaktivert",
        "status.not_applicable": "ikke aktuell",
    },
    "en": {
        "header.ruleset": "Ruleset: {ruleset}",
        "header.period": "Period: {start} – {end}",
        "header.as_of": "As of: {as_of}",
        "clause": "clause {clause}",
        "no_findings": "No findings.",
        "waived": "waived",
        "waived.reason": "waived: {reason}",
        "disabled.reason": "disabled: {reason}",
        "disabled.heading": "Disabled rules",
        "not_applicable.reason": "not applicable: {reason}",
        "findings.one": "{count} finding",
        "findings.other": "{count} findings",
        "section.unknown": "Section {section}",
        "section.none": "No section",
        "summary.findings": (
            "Findings: {error} error, {warning} warning, {info} info; {waived} waived"
        ),
        "summary.rules": "Rules: {checked} checked, {failed} failed",
        "summary.baseline": "Against the baseline: {new} new findings, {fixed} fixed",
        "status.passed": "passed",
        "status.failed": "failed",
        "status.waived": "waived",
        "status.disabled": "disabled",
        "status.not_applicable": "not applicable",
    },
}
"""Every other label the reporters print, as :meth:`str.format` templates."""


def t(key: str, lang: str, **values: object) -> str:
    """Return message ``key`` in ``lang`` with ``values`` filled in.

    :raises KeyError: an unknown language or key.
    """
    return MESSAGES[lang][key].format(**values)


def tn(key: str, count: int, lang: str, **values: object) -> str:
    """Return the singular (``KEY.one``) or plural (``KEY.other``) form for ``count``."""
    form = "one" if count == 1 else "other"
    return t(f"{key}.{form}", lang, count=count, **values)


def section_title(section: str, lang: str) -> str:
    """Heading of a guideline section, numbered (``7. Dokumenthåndtering``).

    A section no guideline defines (a plugin's own) gets a generic heading.
    """
    title = SECTION_TITLES[lang].get(section)
    if section == "data" and title:
        return title
    if title:
        return f"{section}. {title}"
    if not section:
        return t("section.none", lang)
    return t("section.unknown", lang, section=section)


def severity_label(severity: str, lang: str) -> str:
    """Label of a severity (``error``, ``warning``, ``info``) in ``lang``."""
    return SEVERITY_LABELS[lang][severity]
