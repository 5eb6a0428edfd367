"""Editorial review: the editor's decisions on the automatic markup, kept as data.

Automatic markup is a proposal.  The review application (``tei-tools review
CORPUS``, :mod:`tei_tools.review.app`) lets an editor accept, reject, retype,
re-extend, link and date the marks the converter made; each decision is stored
in ``CORPUS/review/STEM.toml`` (:mod:`tei_tools.review.decisions`), anchored by
the text it concerns and its context (:mod:`tei_tools.review.anchors`), and
re-applied to every fresh conversion (:mod:`tei_tools.review.apply`) so that
``convert`` and ``build`` reproduce the reviewed edition.  New register entries
go to ``CORPUS/registers/*.xml`` (:mod:`tei_tools.review.registers`).

The web application is imported only by ``tei-tools review``: converting or
building a reviewed corpus needs nothing but the standard library and lxml.
"""

from __future__ import annotations

from tei_tools.review.apply import ApplyReport, apply_decisions
from tei_tools.review.decisions import (
    DECISIONS_FORMAT,
    DECISIONS_VERSION,
    Decision,
    DecisionFile,
    load_decisions,
)

__all__ = [
    "DECISIONS_FORMAT",
    "DECISIONS_VERSION",
    "ApplyReport",
    "Decision",
    "DecisionFile",
    "apply_decisions",
    "load_decisions",
]
