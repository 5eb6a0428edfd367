"""tei-tools: plain text to scholarly TEI P5, validation, export and edition sites.

The public API is imported lazily so that ``import tei_tools`` (and the CLI's
``--help``) stays fast; heavy modules load on first use.

>>> import tei_tools
>>> tree = tei_tools.convert_text("A TITLE\\n\\n1 January 1918\\n\\n    Some text.\\n")
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# name -> module that defines it (or (module, name)); resolved on first access (PEP 562).
# No public name may equal a submodule's name (``convert``, ``validate``): importing the
# submodule would replace the function with the module on this package.
_API: dict[str, str | tuple[str, str]] = {
    "convert_text": "tei_tools.convert",
    "convert_bytes": "tei_tools.convert",
    "convert_file": "tei_tools.convert",
    "load_registry": "tei_tools.markup.registers",
    "find_dates": "tei_tools.markup.dates",
    "find_names": "tei_tools.markup.names",
    "parse_citation": "tei_tools.markup.citations",
    "validate_file": "tei_tools.validate",
    "load_profile": "tei_tools.reading.profiles",
    "export_text": "tei_tools.export.text",
    "export_html": "tei_tools.export.html",
    "export_pdf": "tei_tools.export.pdf",
    "validate_paths": ("tei_tools.validate", "validate"),
    "iter_problems": "tei_tools.validate",
    "build": "tei_tools.corpus.build",
    "parse_xml_file": "tei_tools.xml",
    "TeiToolsError": "tei_tools.errors",
}

__all__ = ["__version__", *sorted(_API)]


def __getattr__(name: str) -> Any:
    target = _API.get(name)
    if target is None:
        raise AttributeError(f"module 'tei_tools' has no attribute {name!r}")
    module, attr = target if isinstance(target, tuple) else (target, name)
    return getattr(importlib.import_module(module), attr)
