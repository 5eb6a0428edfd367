"""Traps found in review, each with the test that failed before it was fixed."""

from __future__ import annotations

import ast
import builtins
import io
import re
import tokenize
from pathlib import Path

from conftest import REPO

import tei_tools

PACKAGE = Path(tei_tools.__file__).parent


def _defined_names() -> set[str]:
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, ast.arg):
                names.add(node.arg)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        names.add(target.id)
                    elif isinstance(target, ast.Attribute):
                        names.add(target.attr)
    return names


#: A private name (``_finish_search``) or a call (``record()``) written in a comment.
_NAMED_IN_COMMENT = re.compile(
    r"(?<![\w.])(_[a-z][a-z0-9_]*)\b|(?<![\w.])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\(\)"
)


def test_a_function_a_comment_names_exists():
    defined = _defined_names()
    stale = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = io.StringIO(path.read_text(encoding="utf-8"))
        for token in tokenize.generate_tokens(source.readline):
            if token.type != tokenize.COMMENT:
                continue
            for match in _NAMED_IN_COMMENT.finditer(token.string):
                name = match.group(1) or match.group(2)
                if name not in defined and not hasattr(builtins, name):
                    stale.append(f"{path.relative_to(REPO)}:{token.start[0]}: {name}")
    assert stale == []


def test_expecting_one_element_and_getting_another_names_the_element_got():
    # libxml2: "Expecting element teiHeader, got text", logged at the <text> that came
    # instead.  A <text> holding a <text> must not move the blame to the inner one.
    from lxml import etree

    from tei_tools.validate.rng import _explain, schema_index

    root = etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><text><body><p/></body></text></text></TEI>'
    )
    outer = root[0]

    class Entry:
        message = "Expecting element teiHeader, got text"
        line = 1
        path = "/TEI/text"

    index = schema_index(REPO / "schemas" / "tei_all.rng")
    node, problem = _explain(Entry(), outer, index, "x.xml")
    assert node is outer
    assert problem.path == "/TEI/text" and 'in "TEI"' in problem.message
