"""The layers of tei_tools, read from the files themselves and from pyproject.toml's contract.

import-linter checks the contract (tests/test_code_health.py); these tests check that the
contract says what it claims: every module of the package is in a layer, and every import
written in a module (at its top, inside a function or under ``TYPE_CHECKING``) goes down
the layers or stays in its own, and no module is in an import circle.  They need no tool
beyond the standard library, so they run in every environment.
"""

from __future__ import annotations

import ast
import sys
from functools import cache
from pathlib import Path

from conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

PACKAGE = REPO / "tei_tools"
ROOT = "tei_tools"

#: Modules that still import the package's top (which sits above every layer), each with
#: the reason it is not yet mended.  The test below fails when one of them stops doing so,
#: so that the entry is removed with the import.
KNOWN_IMPORTS_OF_THE_TOP: set[str] = set()


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    """Every module and package of tei_tools, as the file system has them."""
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


@cache
def layers() -> list[list[str]]:
    """The layers contract's layers, top first, each a list of its independent parts."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (contract,) = [c for c in contracts if c["type"] == "layers"]
    return [[part.strip() for part in layer.split("|")] for layer in contract["layers"]]


def layer_of(module: str) -> tuple[int, str] | None:
    """(depth from the top, the layer part) that holds ``module``, or None."""
    for depth, parts in enumerate(layers()):
        for part in parts:
            if part.strip("()") != part:
                continue  # an optional layer holds nothing for sure
            if module == part or module.startswith(part + "."):
                return depth, part
    return None


def resolve(name: str) -> str | None:
    """The module of tei_tools that ``name`` (a module or a name in one) is, or None."""
    known = modules()
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(module: str) -> dict[str, int]:
    """The modules of tei_tools that ``module`` imports anywhere in its file -> first line."""
    path = modules()[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: dict[str, int] = {}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            names = [f"{base}.{alias.name}" for alias in node.names]
        for name in names:
            if name != ROOT and not name.startswith(ROOT + "."):
                continue
            target = resolve(name)
            if target is not None and target != module:
                found.setdefault(target, node.lineno)
    return found


def test_every_module_of_the_package_is_in_a_layer():
    outside = [m for m in modules() if m != ROOT and layer_of(m) is None]
    assert not outside, f"in no layer of pyproject.toml's contract: {outside}"


def test_every_layer_of_the_contract_names_modules_that_exist():
    missing = [part for parts in layers() for part in parts if part.strip("()") not in modules()]
    assert not missing, f"the contract names what the package does not hold: {missing}"


def test_no_layer_is_marked_optional():
    optional = [part for parts in layers() for part in parts if part.startswith("(")]
    assert not optional, f"layers marked optional although they exist: {optional}"


def test_no_lower_layer_imports_a_higher_one():
    upward = []
    for module in modules():
        here = layer_of(module)
        if here is None:
            continue
        for target, line in imports_of(module).items():
            there = layer_of(target)
            if there is None:
                continue
            if there[0] < here[0] or (there[0] == here[0] and there[1] != here[1]):
                upward.append(f"{modules()[module].relative_to(REPO)}:{line} imports {target}")
    assert not upward, "\n".join(upward)


def test_nothing_below_the_top_imports_the_package_top():
    importers = {m for m in modules() if m != ROOT and ROOT in imports_of(m)}
    assert importers - KNOWN_IMPORTS_OF_THE_TOP == set(), "import tei_tools.version instead"
    assert importers >= KNOWN_IMPORTS_OF_THE_TOP, "mended: remove it from the known list"


def test_no_module_is_in_an_import_circle():
    # The package's top imports its API for type checkers only; it is in no layer.
    graph = {m: set(imports_of(m)) - {ROOT} for m in modules() if m != ROOT}
    circles = strongly_connected(graph)
    assert not circles, f"import circles: {circles}"


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """The circles of ``graph``: its strongly connected parts of more than one node (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            part = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                part.append(member)
                if member == node:
                    break
            if len(part) > 1:
                circles.append(sorted(part))

    for node in graph:
        if node not in index:
            visit(node)
    return circles


def test_the_circle_finder_finds_a_circle():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert strongly_connected(graph) == [["a", "b", "c"]]


def test_the_readmes_layout_names_every_top_level_module_and_package():
    import re

    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Layout of the code", 1)[1].split("```", 2)[1]
    named = set(re.findall(r"^  ([A-Za-z_]+(?:\.py|/))", section, re.M))
    present = {
        p.name + ("/" if p.is_dir() else "")
        for p in PACKAGE.iterdir()
        if (p.is_dir() and not p.name.startswith(("_", "."))) or p.suffix == ".py"
    }
    present -= {"schemas/"}  # a wheel's copy of the repository's schemas/, listed below
    assert named == present
