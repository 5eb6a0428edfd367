"""A build on a Dask LocalCluster writes the same site as the default executor (issue 26, item 4)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tei_tools.corpus import build
from tei_tools.corpus.cache import DEFAULT_CACHE_DIR

REPO = Path(__file__).resolve().parent.parent


def site_files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and DEFAULT_CACHE_DIR not in p.parts
    }


@pytest.fixture
def twenty_documents(tmp_path: Path) -> Path:
    """The bundled corpus's four sources, five times each with a numbered title."""
    folder = tmp_path / "corpus"
    (folder / "source").mkdir(parents=True)
    shutil.copy(REPO / "corpus" / "tei-tools.toml", folder / "tei-tools.toml")
    sources = sorted((REPO / "corpus" / "source").glob("*.txt"))
    for number in range(20):
        source = sources[number % len(sources)]
        title, _, rest = source.read_text(encoding="utf-8").partition("\n")
        copy = folder / "source" / f"{source.stem}-{number:02d}.txt"
        copy.write_text(f"{title} (NO. {number})\n{rest}", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_a_dask_build_of_twenty_documents_is_byte_identical_to_the_default(
    twenty_documents, tmp_path
):
    pytest.importorskip(
        "distributed", reason="needs the 'dask' extra: pip install 'tei-tools[dask]'"
    )
    options = {"jobs": 2, "search": "builtin", "pdf": False, "quiet": True}
    dask = build(twenty_documents, tmp_path / "dask", executor="dask", **options)
    local = build(twenty_documents, tmp_path / "local", **options)
    assert dask.built == local.built == 20
    assert dask.exit_code == local.exit_code
    dask_files, local_files = site_files(tmp_path / "dask"), site_files(tmp_path / "local")
    assert len(dask_files) > 40  # pages, indexes and search, not an empty site
    assert dask_files.keys() == local_files.keys()
    assert [name for name in dask_files if dask_files[name] != local_files[name]] == []
