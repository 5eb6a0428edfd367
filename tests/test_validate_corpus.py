"""Pointers across a ParlaMint-style corpus: components point at ids their teiCorpus root defines."""

from __future__ import annotations

import shutil

import pytest
from conftest import REPO

CORPUS = REPO / "tests" / "data" / "corpus" / "parlamint"
ROOT = "ParlaMint-XX.xml"
COMPONENTS = ["ParlaMint-XX_2020-01-01.xml", "2020/ParlaMint-XX_2020-01-02.xml"]


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_TOOLS_CACHE_DIR", str(tmp_path / "cache"))
    return shutil.copytree(CORPUS, tmp_path / "parlamint")


def _pointers(report):
    return [(p.severity, p.message) for p in report.problems if p.rule == "pointer"]


def test_folder_resolves_components_pointers_against_the_corpus_root(corpus):
    from tei_tools.validate import validate

    report = validate(corpus)
    by_name = {r.file.split("parlamint/", 1)[1]: r for r in report.files}
    # The root's header fragments (listOrg, listPerson, taxonomy) are checked inside the root.
    assert sorted(by_name) == sorted([ROOT, *COMPONENTS])
    for name in COMPONENTS:
        found = _pointers(by_name[name])
        # #OZKGIP, #party.DZ and #parla.sitting resolve; only the truly dangling one is left.
        assert [severity for severity, _ in found] == ["error"]
        assert '"#nobody"' in found[0][1]
        assert 'corpus root "ParlaMint-XX.xml"' in found[0][1]
        assert [p.rule for p in by_name[name].problems] == ["pointer"]


def test_root_file_alone_resolves_its_included_components(corpus):
    from tei_tools.validate import validate

    (report,) = validate(corpus / ROOT).files
    assert {message.split(",")[0] for _, message in _pointers(report)} == {
        '@who="#nobody" points to "#nobody"'
    }


def test_component_alone_warns_that_a_pointer_may_live_in_its_corpus(corpus):
    from tei_tools.validate import validate_file

    report = validate_file(corpus / COMPONENTS[1], strict=True)
    found = _pointers(report)
    assert {severity for severity, _ in found} == {"warning"}
    assert len(found) == 4  # #parla.sitting, #OZKGIP, #party.DZ, #nobody
    assert all('may be defined in its corpus root "ParlaMint-XX.xml"' in m for _, m in found)
    assert report.valid


def test_document_without_a_corpus_nearby_still_gets_an_error(corpus):
    from tei_tools.validate import validate_file

    lone = corpus.parent / "elsewhere" / "lone.xml"
    lone.parent.mkdir()
    shutil.copy(corpus / COMPONENTS[0], lone)
    report = validate_file(lone, strict=True)
    assert {severity for severity, _ in _pointers(report)} == {"error"}
    assert not report.valid
