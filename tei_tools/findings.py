"""The review report: what an editor should look at in converted documents.

Automatic markup is a proposal.  Every name the output does not link, every
name linked on weak evidence, every date that could not be normalised, every
unknown source and every dropped line becomes a :class:`Finding`.  The report
is the contract between ``convert``/``build`` (which write it), the review
application and the language server (which read it), so its format is defined
here once and carries a version number (``REPORT_VERSION``); the fields are
documented in ``docs/review-report.md``.

This module sits at the ground of the package (it imports nothing of
tei-tools) so that every layer can use it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

#: The report format's identifier and version; bump the version on any incompatible change.
REPORT_FORMAT = "tei-tools-review-report"
REPORT_VERSION = 1

#: The kinds of finding, in the order an editor usually takes them.
KINDS = (
    "unlinked-name",  # a name marked without @ref: in no register
    "ambiguous-name",  # a name several register entries could mean: marked, never guessed
    "linked-by-surname",  # a partial name linked on the registers' evidence alone: check it
    "uncertain-date",  # a date that could not be normalised, or whose reading is doubtful
    "unknown-source",  # a source citation whose short title no register knows
    "dropped-line",  # page chrome removed by an explicit profile rule
    "unknown-language",  # a document in a language tei-tools has no dates or name words for
    "document-language",  # a document read in another language than its collection's
)

#: White space other than single spaces (a block's text is already tidy; a source's may not be).
_UNTIDY_SPACE = re.compile(r"\s\s|[^\S ]")

#: Characters of context kept on either side of a finding's text.
CONTEXT_CHARS = 60


@dataclass(frozen=True)
class Finding:
    """Something in a converted document that an editor should review.

    ``start``/``end`` are character offsets into the decoded source text (the
    anchor a review decision keeps), ``line``/``column`` are 1-based and point
    at the first character.  ``suggestion`` holds what the editor may take as
    it is: a register ``ref`` to check, the ``candidates`` of an ambiguous
    name, or a register ``entry`` (TEI XML) to paste into a register file.
    """

    kind: str
    text: str
    message: str
    document: str
    line: int | None = None
    column: int | None = None
    start: int | None = None
    end: int | None = None
    type: str | None = None
    context: str = ""
    suggestion: Mapping[str, Any] = field(default_factory=dict)

    @property
    def file(self) -> str:
        """The document's name (the field was called ``file`` before the report had a format)."""
        return self.document

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["suggestion"] = dict(self.suggestion)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Finding:
        known = {name for name in cls.__dataclass_fields__}
        values = {key: value for key, value in data.items() if key in known}
        return cls(**values)


def context_around(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """The source text around ``text[start:end]``, on one line, for a reader of the report."""
    before, middle, after = (
        text[max(0, start - width) : start],
        text[start:end],
        text[end : end + width],
    )
    if _UNTIDY_SPACE.search(before) or _UNTIDY_SPACE.search(middle) or _UNTIDY_SPACE.search(after):
        before, middle, after = (" ".join(part.split()) for part in (before, middle, after))
    return f"{before.strip()} [{middle}] {after.strip()}".strip()


def report_dict(
    findings: Iterable[Finding],
    *,
    failed: Mapping[str, str] | None = None,
    generator: str = "tei-tools",
) -> dict[str, Any]:
    """The report as JSON-ready data, findings in document and position order."""
    ordered = sorted(
        findings,
        key=lambda f: (
            f.document,
            f.line or 0,
            f.column or 0,
            KINDS.index(f.kind) if f.kind in KINDS else len(KINDS),
        ),
    )
    return {
        "format": REPORT_FORMAT,
        "version": REPORT_VERSION,
        "generator": generator,
        "findings": [finding.as_dict() for finding in ordered],
        "failed": dict(failed or {}),
    }


def dump_report(
    findings: Iterable[Finding],
    *,
    failed: Mapping[str, str] | None = None,
    generator: str = "tei-tools",
) -> str:
    return (
        json.dumps(
            report_dict(findings, failed=failed, generator=generator), indent=2, ensure_ascii=False
        )
        + "\n"
    )


class ReportFormatError(ValueError):
    """A file that is not a review report of a version this tei-tools reads."""


def load_report(text: str) -> tuple[list[Finding], dict[str, str]]:
    """Findings and failed documents of a report written by :func:`dump_report`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReportFormatError(f"not JSON: {error.msg} at line {error.lineno}") from None
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT:
        raise ReportFormatError(f"not a {REPORT_FORMAT} file")
    if data.get("version") != REPORT_VERSION:
        raise ReportFormatError(
            f"report version {data.get('version')!r}; this tei-tools reads version {REPORT_VERSION}"
        )
    findings = [Finding.from_dict(item) for item in data.get("findings", [])]
    return findings, dict(data.get("failed", {}))


__all__ = [
    "CONTEXT_CHARS",
    "KINDS",
    "REPORT_FORMAT",
    "REPORT_VERSION",
    "Finding",
    "ReportFormatError",
    "context_around",
    "dump_report",
    "load_report",
    "report_dict",
]
