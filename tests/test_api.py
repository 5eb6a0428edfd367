"""The public API: everything the package advertises can be imported and used without the CLI."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import tei_tools


@pytest.mark.parametrize("name", [n for n in tei_tools.__all__ if n != "__version__"])
def test_every_advertised_name_resolves(name):
    assert callable(getattr(tei_tools, name))


def test_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no_such_thing"):
        tei_tools.no_such_thing  # noqa: B018


def test_library_round_trip_without_the_cli():
    tree = tei_tools.convert_text("A NOTE\n\n5 March 1918\n\n    Trotsky wrote to Chicherin.\n")
    text = tei_tools.export_text(tree)
    assert "Trotsky wrote to Chicherin." in text
    html = tei_tools.export_html(tree)
    assert re.search(r"<time[^>]* datetime=\"1918-03-05\"", html)


def test_type_checkers_see_the_same_public_api_as_the_lazy_loader():
    """The ``if TYPE_CHECKING:`` imports in ``tei_tools/__init__.py`` mirror ``_API``."""
    tree = ast.parse(Path(tei_tools.__file__).read_text(encoding="utf-8"))
    seen = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                for alias in statement.names:
                    name = alias.asname or alias.name
                    seen[name] = (
                        statement.module if name == alias.name else (statement.module, alias.name)
                    )
    assert seen == tei_tools._API
    assert sorted(tei_tools.__all__) == sorted(["__version__", *tei_tools._API])
