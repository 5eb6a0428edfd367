"""tei-tools: plain text to scholarly TEI P5, validation, export and edition sites.

The public API is imported lazily so that ``import tei_tools`` (and the CLI's
``--help``) stays fast; heavy modules load on first use.

>>> import tei_tools
>>> tree = tei_tools.convert_text("A TITLE\\n\\n1 January 1918\\n\\n    Some text.\\n")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from tei_tools.version import __version__ as __version__

if TYPE_CHECKING:
    # What type checkers and IDEs see; at run time ``__getattr__`` below imports on first use.
    # tests/test_api.py checks that these and ``_API`` name the same things.
    from tei_tools.convert import convert_bytes as convert_bytes
    from tei_tools.convert import convert_file as convert_file
    from tei_tools.convert import convert_text as convert_text
    from tei_tools.corpus.build import build as build
    from tei_tools.errors import TeiToolsError as TeiToolsError
    from tei_tools.export.html import export_html as export_html
    from tei_tools.export.pdf import export_pdf as export_pdf
    from tei_tools.export.text import export_text as export_text
    from tei_tools.markup.citations import parse_citation as parse_citation
    from tei_tools.markup.dates import find_dates as find_dates
    from tei_tools.markup.names import find_names as find_names
    from tei_tools.markup.registers import load_registry as load_registry
    from tei_tools.reading.profiles import load_profile as load_profile
    from tei_tools.validate import iter_problems as iter_problems
    from tei_tools.validate import validate as validate_paths
    from tei_tools.validate import validate_file as validate_file
    from tei_tools.xml import parse_xml_file as parse_xml_file

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

# A literal list, so that linters and type checkers read it (tests/test_api.py checks it).
__all__ = [
    "TeiToolsError",
    "__version__",
    "build",
    "convert_bytes",
    "convert_file",
    "convert_text",
    "export_html",
    "export_pdf",
    "export_text",
    "find_dates",
    "find_names",
    "iter_problems",
    "load_profile",
    "load_registry",
    "parse_citation",
    "parse_xml_file",
    "validate_file",
    "validate_paths",
]


def __getattr__(name: str) -> Any:
    target = _API.get(name)
    if target is None:
        raise AttributeError(f"module 'tei_tools' has no attribute {name!r}")
    module, attr = target if isinstance(target, tuple) else (target, name)
    return getattr(importlib.import_module(module), attr)
