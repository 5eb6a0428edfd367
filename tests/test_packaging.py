"""What a user installs: the wheel carries the schemas (mapped from ``schemas/`` at build time),
``py.typed`` and the licence; the sdist carries what the tests read."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile

import pytest
from conftest import REPO

pytestmark = pytest.mark.slow


def test_wheel_carries_schemas_types_data_and_licence(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("tei_tools-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "tei_tools/schemas/tei_all.rng",
        "tei_tools/schemas/tei-tools.rng",
        "tei_tools/py.typed",
        "tei_tools/reading/profiles/degras.toml",
        "tei_tools/data/registers/persons.xml",
        # the bundled schemas prepared before install (tei_tools/validate/grammar_store.py)
        "tei_tools/data/grammars/manifest.json",
        "tei_tools/data/grammars/tei_all.prepared.rng",
        "tei_tools/data/grammars/tei-tools.prepared.rng",
        "tei_tools/data/grammars/xsd-patterns.json",
    ):
        assert needed in names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert not any(n.startswith(("tests/", "corpus/")) for n in names)


def test_sdist_carries_the_tests_with_their_data(tmp_path):
    pytest.importorskip("build", reason="the build package is not installed")
    subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "-o", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    (sdist,) = tmp_path.glob("tei_tools-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    tracked = subprocess.run(
        ["git", "ls-files", "tests", "corpus", "schemas"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    if not tracked:  # not a git checkout (an unpacked sdist itself): check what is here
        tracked = [
            str(p.relative_to(REPO))
            for folder in ("tests", "corpus", "schemas")
            for p in (REPO / folder).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        ]
    missing = sorted(set(tracked) - names)
    assert missing == []
    assert {"LICENSE", "README.md", "setup.py", ".pre-commit-hooks.yaml"} <= names
