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

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tei_tools.markup.decisions.apply import ApplyReport, apply_decisions
    from tei_tools.markup.decisions.store import (
        DECISIONS_FORMAT,
        DECISIONS_VERSION,
        Decision,
        DecisionFile,
        load_decisions,
    )

# Imported on first use: ``validate`` asks the store where a collection's registers are
# and must not load the applier (and the markup it needs) to do so.
_WHERE = {
    "ApplyReport": "apply",
    "apply_decisions": "apply",
    "DECISIONS_FORMAT": "store",
    "DECISIONS_VERSION": "store",
    "Decision": "store",
    "DecisionFile": "store",
    "load_decisions": "store",
}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DECISIONS_FORMAT",
    "DECISIONS_VERSION",
    "ApplyReport",
    "Decision",
    "DecisionFile",
    "apply_decisions",
    "load_decisions",
]
