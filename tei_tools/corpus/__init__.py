"""Corpus build: a collection folder in, a validated, indexed, searchable static site out.

>>> from tei_tools.corpus import build
>>> build("corpus", "site").exit_code   # doctest: +SKIP
0
"""

from __future__ import annotations

from tei_tools.corpus.build import BuildResult, build
from tei_tools.corpus.links import BrokenLink, check_links

__all__ = ["BrokenLink", "BuildResult", "build", "check_links"]
