"""The static checks run inside the test suite, so that CI fails on a lint error, a format
drift, a type error, an import going the wrong way between layers or a private name used
outside its module.

The checkers come with the ``test`` extra; their configuration is in ``pyproject.toml``.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

PACKAGE = REPO / "tei_tools"


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    """Run a checker of this interpreter's environment from the repository's root."""
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )


def require(module: str) -> None:
    pytest.importorskip(module, reason=f"{module} is not installed (pip install -e '.[test]')")


def test_ruff_finds_no_lint_error():
    require("ruff")
    result = run_tool("-m", "ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_ruff_formatted():
    require("ruff")
    result = run_tool("-m", "ruff", "format", "--no-cache", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_no_type_error():
    require("mypy")
    result = run_tool("-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_imports_keep_the_layers_and_make_no_cycle():
    require("importlinter")
    result = run_tool(
        "-c",
        "import sys; from importlinter.cli import lint_imports_command; lint_imports_command()",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_package_holds_no_symlink():
    # schemas/ is mapped into the package at build time (setup.py), not linked.
    assert [p for p in PACKAGE.rglob("*") if p.is_symlink()] == []


# --- private names stay in their module -------------------------------------------------


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def absolute_module(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    """The module an ``from X import y`` names, with relative imports resolved."""
    if node.level == 0:
        return node.module or ""
    base = importer.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def is_module(dotted: str) -> bool:
    path = REPO.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def private_uses(source: str, importer: str, is_package: bool) -> list[str]:
    """Private names of other tei_tools modules that ``source`` imports or reads.

    Catches ``from tei_tools.m import _x`` and ``m._x`` where ``m`` is a tei_tools module
    bound by ``import tei_tools.m as m``, ``from tei_tools import m`` or ``import tei_tools.m``.
    """
    tree = ast.parse(source)
    modules: dict[str, str] = {}  # local name -> dotted module it stands for
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            origin = absolute_module(node, importer, is_package)
            if origin.split(".")[0] != "tei_tools":
                continue
            for alias in node.names:
                if is_private(alias.name) and origin != importer:
                    found.append(f"line {node.lineno}: from {origin} import {alias.name}")
                if is_module(f"{origin}.{alias.name}"):
                    modules[alias.asname or alias.name] = f"{origin}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "tei_tools":
                    if alias.asname:
                        modules[alias.asname] = alias.name
                    else:
                        modules["tei_tools"] = "tei_tools"
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and is_private(node.attr):
            dotted = dotted_name(node.value)
            if dotted is None:
                continue
            head, _, rest = dotted.partition(".")
            if head not in modules:
                continue
            target = ".".join(filter(None, [modules[head], rest]))
            if is_module(target) and target != importer:
                found.append(f"line {node.lineno}: {dotted}.{node.attr}")
    return found


def dotted_name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = dotted_name(node.value)
        return None if inner is None else f"{inner}.{node.attr}"
    return None


def test_private_use_checker_sees_both_forms():
    source = (
        "from tei_tools.validate import specialise\n"
        "from tei_tools.validate.rng import _grammar\n"
        "import tei_tools.corpus.document as document\n"
        "specialise._read_schema(1); document._profile; specialise.public()\n"
    )
    found = private_uses(source, "tei_tools.validate.rnc", is_package=False)
    assert sorted(f.split(": ", 1)[1] for f in found) == [
        "document._profile",
        "from tei_tools.validate.rng import _grammar",
        "specialise._read_schema",
    ]


def test_relative_imports_are_resolved_and_own_privates_are_allowed():
    source = "from . import _helper\nfrom .rng import _grammar\n"
    assert private_uses(source, "tei_tools.validate", is_package=True) == [
        "line 2: from tei_tools.validate.rng import _grammar"
    ]


def test_no_private_name_is_used_outside_its_module():
    offences = []
    for path in sorted(PACKAGE.rglob("*.py")):
        importer = module_name(path)
        for use in private_uses(
            path.read_text(encoding="utf-8"), importer, path.stem == "__init__"
        ):
            offences.append(f"{path.relative_to(REPO)}: {use}")
    assert offences == [], "\n".join(offences)
