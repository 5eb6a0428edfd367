"""Pointers across a ParlaMint-style corpus: components point at ids their teiCorpus root defines.

A component's corpus root is the teiCorpus beside it (or one folder up) that XIncludes it, or
the one ``--corpus-root`` names; no other file has any effect, so a file's verdict is the same
alone and in any batch (issue 21).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import REPO, shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CORPUS = REPO / "tests" / "data" / "corpus" / "parlamint"
ROOT = "ParlaMint-XX.xml"
COMPONENTS = ["ParlaMint-XX_2020-01-01.xml", "2020/ParlaMint-XX_2020-01-02.xml"]
FRAGMENTS = ["ParlaMint-XX-listOrg.xml", "ParlaMint-XX-listPerson.xml"]
TEI_ALL = REPO / "schemas" / "tei_all.rng"
TEI_NS = "http://www.tei-c.org/ns/1.0"
#: The ids the components point at (all but #nobody are defined in the corpus root's header).
POINTED_AT = ["parla.sitting", "OZKGIP", "party.DZ", "nobody"]


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_TOOLS_CACHE_DIR", str(tmp_path / "cache"))
    return shutil.copytree(CORPUS, tmp_path / "parlamint")


def _pointers(report):
    return [(p.severity, p.message) for p in report.problems if p.rule == "pointer"]


def _outcome(report) -> tuple:
    return report.status, [str(p) for p in report.problems]


def _corpus_file(includes: list[str] = (), ids: list[str] = ()) -> str:
    """A teiCorpus that XIncludes ``includes`` and defines ``ids`` in its own header."""
    people = "".join(f'<person xml:id="{i}"><persName>{i}</persName></person>' for i in ids)
    parts = "".join(f'<xi:include href="{href}"/>' for href in includes)
    return (
        f'<teiCorpus xmlns="{TEI_NS}" xmlns:xi="http://www.w3.org/2001/XInclude"><teiHeader>'
        "<fileDesc><titleStmt><title>Another corpus</title></titleStmt><publicationStmt><p>P</p>"
        "</publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>"
        f"<profileDesc><particDesc><listPerson>{people}</listPerson></particDesc></profileDesc>"
        f"</teiHeader>{parts}</teiCorpus>"
    )


#: A corpus root cut off in its header: not well-formed.
BROKEN_CORPUS = f'<teiCorpus xmlns="{TEI_NS}"><teiHeader><fileDesc>'


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


@pytest.mark.parametrize("component", COMPONENTS)
def test_component_alone_resolves_ids_of_the_root_that_includes_it(corpus, component):
    from tei_tools.validate import validate, validate_file

    alone = validate_file(corpus / component)
    found = _pointers(alone)
    assert [severity for severity, _ in found] == ["error"]
    assert 'neither this document nor its corpus root "ParlaMint-XX.xml"' in found[0][1]
    assert '"#nobody"' in found[0][1]
    in_folder = {r.file: r for r in validate(corpus).files}[str(corpus / component)]
    assert _outcome(alone) == _outcome(in_folder)


def test_document_without_a_corpus_nearby_still_gets_an_error(corpus):
    from tei_tools.validate import validate_file

    lone = corpus.parent / "elsewhere" / "lone.xml"
    lone.parent.mkdir()
    shutil.copy(corpus / COMPONENTS[0], lone)
    report = validate_file(lone, strict=True)
    assert {severity for severity, _ in _pointers(report)} == {"error"}
    assert not report.valid


def test_unrelated_corpus_root_in_the_same_folder_has_no_effect(corpus):
    """A teiCorpus that defines the very ids but does not include the document adds nothing."""
    from tei_tools.validate import validate

    folder = corpus.parent / "other"
    folder.mkdir()
    lone = folder / "lone.xml"
    shutil.copy(corpus / COMPONENTS[0], lone)
    before = _outcome(validate(lone).files[0])
    (folder / "another-corpus.xml").write_text(_corpus_file(ids=POINTED_AT), encoding="utf-8")
    alone, in_batch, in_folder = (
        {r.file: r for r in validate(source).files}[str(lone)]
        for source in (lone, [folder / "another-corpus.xml", lone], folder)
    )
    assert _outcome(alone) == _outcome(in_batch) == _outcome(in_folder) == before
    assert len(_pointers(alone)) == len(POINTED_AT)
    assert all('no element has xml:id="' in message for _, message in _pointers(alone))


def test_component_takes_the_root_that_includes_it_not_the_first_corpus_in_its_folder(corpus):
    from tei_tools.validate import validate

    # Sorts before ParlaMint-XX.xml, and defines #nobody: it must still not count.
    (corpus / "A-unrelated.xml").write_text(_corpus_file(ids=["nobody"]), encoding="utf-8")
    component = corpus / COMPONENTS[0]
    alone = validate(component).files[0]
    assert [severity for severity, _ in _pointers(alone)] == ["error"]
    assert 'corpus root "ParlaMint-XX.xml"' in _pointers(alone)[0][1]
    with_unrelated = validate([corpus / "A-unrelated.xml", component]).files[1]
    assert _outcome(with_unrelated) == _outcome(alone)


def test_not_well_formed_corpus_root_beside_a_component_has_no_effect(corpus):
    from tei_tools.validate import validate

    component = corpus / COMPONENTS[0]
    before = _outcome(validate(component).files[0])
    broken = corpus / "A-broken.xml"  # sorts first: looked at before the real root
    broken.write_text(BROKEN_CORPUS, encoding="utf-8")
    report = validate([broken, component])
    assert report.files[0].status == "unreadable"  # reported as itself, and only there
    assert _outcome(report.files[1]) == _outcome(validate(component).files[0]) == before


def test_not_well_formed_corpus_root_beside_a_lone_document_has_no_effect(corpus):
    from tei_tools.validate import validate

    folder = corpus.parent / "other"
    folder.mkdir()
    lone = folder / "lone.xml"
    shutil.copy(corpus / COMPONENTS[0], lone)
    before = _outcome(validate(lone).files[0])
    (folder / "broken.xml").write_text(BROKEN_CORPUS, encoding="utf-8")
    assert _outcome(validate(lone).files[0]) == before
    assert _outcome({r.file: r for r in validate(folder).files}[str(lone)]) == before


def test_corpus_root_option_names_the_root_explicitly(corpus):
    from tei_tools.validate import validate, validate_file

    lone = corpus.parent / "elsewhere" / "lone.xml"
    lone.parent.mkdir()
    shutil.copy(corpus / COMPONENTS[0], lone)
    assert len(_pointers(validate_file(lone))) == len(POINTED_AT)
    for report in (
        validate_file(lone, corpus_root=corpus / ROOT),
        validate(lone, corpus_root=corpus / ROOT).files[0],
    ):
        found = _pointers(report)
        assert [severity for severity, _ in found] == ["error"]
        assert '"#nobody"' in found[0][1] and 'corpus root "ParlaMint-XX.xml"' in found[0][1]


def test_corpus_root_option_on_the_command_line(corpus):
    from tei_tools.cli import cli

    lone = corpus.parent / "elsewhere" / "lone.xml"
    lone.parent.mkdir()
    lone.write_bytes(
        (corpus / COMPONENTS[0]).read_bytes().replace(b' who="#nobody"', b' who="#OZKGIP"')
    )

    def run(*args: str):
        return CliRunner().invoke(
            cli, ["validate", *args, str(lone)], standalone_mode=False, catch_exceptions=False
        )

    assert run().return_value == 1
    assert run("--corpus-root", str(corpus / ROOT)).return_value == 0


def test_corpus_root_that_is_no_readable_tei_corpus_is_a_usage_error(corpus):
    from tei_tools.errors import UsageError
    from tei_tools.validate import validate

    (corpus / "broken.xml").write_text(BROKEN_CORPUS, encoding="utf-8")
    for named in (corpus / COMPONENTS[0], corpus / "broken.xml", corpus / "absent.xml"):
        with pytest.raises(UsageError, match="corpus root"):
            validate(corpus / COMPONENTS[1], corpus_root=named)


def test_header_fragment_is_left_out_alone_and_in_a_batch(corpus):
    from tei_tools.validate import validate

    for fragment in FRAGMENTS:
        assert validate(corpus / fragment).files == []
        batch = validate([corpus / fragment, corpus / COMPONENTS[0]])
        assert [r.file for r in batch.files] == [str(corpus / COMPONENTS[0])]


def test_list_no_corpus_root_includes_is_validated_as_a_document(corpus):
    from tei_tools.validate import validate

    folder = corpus.parent / "other"
    folder.mkdir()
    shutil.copy(corpus / FRAGMENTS[0], folder / FRAGMENTS[0])
    (folder / "another-corpus.xml").write_text(_corpus_file(), encoding="utf-8")
    for source in (folder / FRAGMENTS[0], folder):
        report = {r.file: r for r in validate(source).files}[str(folder / FRAGMENTS[0])]
        assert report.status == "invalid"  # a listOrg is no TEI document


# -- the property: a file's result is its own, whatever the batch ---------------------------

#: Small shared samples with bare #id pointers they do not define, and a few without.
SAMPLES = [
    "bodleian-georgian__MS_Wardr_e_3.xml",  # @calendar="#Gregorian"
    "isicily__ISic020490.xml",  # @ana="#material.inorganic.ceramic" ...
    "teisimple__testsimple5.xml",  # @facs="#f0028"
    "sga__ox-ms_abinger_c57-0136.xml",  # @hand="#pbs", and no TEI root
    "schnitzler-tagebuch__entry__1897-03-14.xml",
    "ceteicean__testTEI.xml",
    "scdh-seed__personography.xml",
    "moser-abschied__Danke.xml",
]
#: Ids that some samples point at; corpus roots beside them define them.
SAMPLE_IDS = ["Gregorian", "material.inorganic.ceramic", "f0028", "pbs", "OZKGIP", "party.DZ"]


@pytest.fixture(scope="module")
def pool(tmp_path_factory) -> list[Path]:
    """Shared samples (which hold no teiCorpus) beside corpus roots that include some of
    them, an unrelated root, a broken root, and the ParlaMint-style corpus."""
    place = tmp_path_factory.mktemp("corpus-pool")
    samples = place / "samples"
    samples.mkdir()
    for name in SAMPLES:
        shutil.copy(shared_path("tei-samples", name), samples / name)
    shutil.copy(CORPUS / COMPONENTS[0], samples / "lone-component.xml")
    (samples / "corpus-a.xml").write_text(
        _corpus_file(["isicily__ISic020490.xml", "teisimple__testsimple5.xml"], SAMPLE_IDS),
        encoding="utf-8",
    )
    (samples / "corpus-b.xml").write_text(_corpus_file([], SAMPLE_IDS), encoding="utf-8")
    (samples / "corpus-broken.xml").write_text(BROKEN_CORPUS, encoding="utf-8")
    parlamint = shutil.copytree(CORPUS, place / "parlamint")
    (parlamint / "A-unrelated.xml").write_text(_corpus_file([], ["nobody"]), encoding="utf-8")
    return sorted(p for p in place.rglob("*.xml"))


@pytest.fixture(scope="module")
def alone(pool, tmp_path_factory):
    """Each file of the pool validated on its own, without and with a named schema."""
    from tei_tools.validate import validate

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TEI_TOOLS_CACHE_DIR", str(tmp_path_factory.mktemp("rng-cache")))
        yield {
            (str(path), schema): [_outcome(r) for r in validate(path, schema=schema).files]
            for path in pool
            for schema in (None, TEI_ALL)
        }


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_random_batches_give_each_file_its_corpus_scope_alone(pool, alone, data):
    from tei_tools.validate import validate

    batch = data.draw(
        st.lists(st.sampled_from(pool), min_size=2, max_size=12, unique=True), label="batch"
    )
    schema = data.draw(st.sampled_from([None, TEI_ALL]), label="schema")
    jobs = data.draw(st.sampled_from([1, 2]), label="jobs")
    got = {r.file: _outcome(r) for r in validate(batch, schema=schema, workers=jobs).files}
    for path in batch:
        # A header fragment is left out of a batch as it is left out alone.
        assert ([got[str(path)]] if str(path) in got else []) == alone[str(path), schema], path
