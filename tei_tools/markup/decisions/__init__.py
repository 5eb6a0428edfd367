"""Editorial decisions on the automatic markup, kept as data and applied after conversion.

Automatic markup is a proposal.  An editor accepts, rejects, retypes,
re-extends, links and dates the marks the converter made (``tei-tools
review``, :mod:`tei_tools.review`); each decision is stored in
``CORPUS/review/STEM.toml`` (:mod:`.store`), anchored by the text it
concerns and its context (:mod:`.anchors`), and applied to every fresh
conversion as a separate last step (:mod:`.apply`), so that ``convert`` and
``build`` reproduce the reviewed edition.

This part sits in the markup layer because ``convert`` applies it; the web
application that records decisions sits above the corpus build.
"""

from __future__ import annotations

from tei_tools.markup.decisions.apply import ApplyReport, apply_decisions
from tei_tools.markup.decisions.store import (
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
