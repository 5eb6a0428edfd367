"""Source lines as structured bibl elements pointing at the bibliography register."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_tools.markup.citations import (
    expand_page_range,
    load_bibl_register,
    parse_citation,
    roman_to_int,
)
from tei_tools.xml import TEI_NS

T = f"{{{TEI_NS}}}"


@pytest.fixture(scope="module")
def register():
    return load_bibl_register()


def parts(line: str, register, **options) -> list[tuple[str, str, dict[str, str]]]:
    parsed = parse_citation(line, bibl_register=register, **options)
    assert "".join(parsed.element.itertext()) == line
    return [
        (etree.QName(child).localname, child.text, dict(child.attrib)) for child in parsed.element
    ]


def test_collected_works_line_gets_volume_part_and_page(register):
    assert parts("Trotsky, iii, 2, p. 183", register) == [
        ("title", "Trotsky", {"type": "short", "ref": "bib:trotsky-sochineniya"}),
        ("biblScope", "iii", {"unit": "volume", "n": "3"}),
        ("biblScope", "2", {"unit": "part", "n": "2"}),
        ("biblScope", "p. 183", {"unit": "page", "from": "183", "to": "183"}),
    ]


def test_source_element_is_a_tei_bibl_of_type_source(register):
    element = parse_citation("Trotsky, iii, 2, p. 183", bibl_register=register).element
    assert element.tag == f"{T}bibl"
    assert element.get("type") == "source"
    assert element[0].tail == ", "


def test_two_editors_short_title_with_ampersand_is_known(register):
    parsed = parse_citation("Kluchnikov & Sabanin, ii, p. 91", bibl_register=register)
    assert parsed.known and parsed.problem is None
    assert parts("Kluchnikov & Sabanin, ii, p. 91", register) == [
        ("title", "Kluchnikov & Sabanin", {"type": "short", "ref": "bib:kluchnikov-sabanin"}),
        ("biblScope", "ii", {"unit": "volume", "n": "2"}),
        ("biblScope", "p. 91", {"unit": "page", "from": "91", "to": "91"}),
    ]


@pytest.mark.parametrize(
    ("written", "first", "last"),
    [("pp. 64-6", "64", "66"), ("pp. 183-4", "183", "184"), ("pp. 98-102", "98", "102")],
)
def test_abbreviated_page_ranges_are_expanded(register, written, first, last):
    scope = parts(f"Kluchnikov & Sabanin, ii, {written}", register)[-1]
    assert scope == ("biblScope", written, {"unit": "page", "from": first, "to": last})


def test_newspaper_line_gets_a_dated_issue(register):
    assert parts("Izvestiya, 10 December 1917", register) == [
        ("title", "Izvestiya", {"type": "short", "ref": "bib:izvestiya"}),
        ("date", "10 December 1917", {"when": "1917-12-10"}),
    ]


def test_newspaper_spelling_variant_points_at_the_same_entry(register):
    [title, date] = parts("Izvestia, 9 April 1918", register)
    assert title[2]["ref"] == "bib:izvestiya"
    assert date[2] == {"when": "1918-04-09"}


def test_newspaper_date_without_year_takes_the_document_year(register):
    found = parts("Pravda, 3 January", register, document_date=dt.date(1918, 1, 5))
    assert found[1] == ("date", "3 January", {"when": "1918-01-03"})


def test_capital_p_page_and_trailing_comma_are_kept(register):
    parsed = parse_citation("Russian-American Relations, P. 81,", bibl_register=register)
    assert parts("Russian-American Relations, P. 81,", register) == [
        (
            "title",
            "Russian-American Relations",
            {"type": "short", "ref": "bib:russian-american-relations"},
        ),
        ("biblScope", "P. 81", {"unit": "page", "from": "81", "to": "81"}),
    ]
    assert parsed.element[-1].tail == ","


def test_unknown_short_title_keeps_its_text_and_is_reported(register):
    parsed = parse_citation("Volya Naroda, 12 March 1918", bibl_register=register)
    assert not parsed.known
    assert "Volya Naroda" in parsed.problem
    title = parsed.element[0]
    assert (title.text, title.get("ref")) == ("Volya Naroda", None)
    assert parsed.element[1].get("when") == "1918-03-12"


def test_labelled_volume_issue_and_year(register):
    assert parts("Izvestiya, No. 245, 1918", register)[1:] == [
        ("biblScope", "No. 245", {"unit": "issue", "n": "245"}),
        ("date", "1918", {"when": "1918"}),
    ]
    assert parts("Lenin, vol. XXII, p. 5", register)[1] == (
        "biblScope",
        "vol. XXII",
        {"unit": "volume", "n": "22"},
    )


def test_two_sources_in_one_line_become_two_inner_bibls(register):
    line = "Izvestiya, 10 December 1917; Pravda, 11 December 1917"
    parsed = parse_citation(line, bibl_register=register)
    assert "".join(parsed.element.itertext()) == line
    inner = parsed.element.findall(f"{T}bibl")
    assert [b.find(f"{T}title").get("ref") for b in inner] == ["bib:izvestiya", "bib:pravda"]
    assert inner[0].tail == "; "


def test_line_of_words_after_a_title_keeps_them_as_text(register):
    line = "Trotsky, speech at the Congress, p. 12"
    found = parts(line, register)
    assert [tag for tag, _, _ in found] == ["title", "biblScope"]


def test_user_register_adds_and_overrides_entries(tmp_path):
    user = tmp_path / "my-bibl.xml"
    user.write_text(
        f'<listBibl xmlns="{TEI_NS}" xmlns:xml="http://www.w3.org/XML/1998/namespace">'
        '<bibl xml:id="volya-naroda"><title type="short">Volya Naroda</title></bibl>'
        '<bibl xml:id="izvestiya"><title type="short">Izv.</title></bibl>'
        "</listBibl>",
        encoding="utf-8",
    )
    register = load_bibl_register([user])
    assert parse_citation("Volya Naroda, 12 March 1918", bibl_register=register).known
    assert parse_citation("Izv., 9 April 1918", bibl_register=register).known
    assert not parse_citation("Izvestia, 9 April 1918", bibl_register=register).known


def test_law_collection_line_gets_year_issue_and_article(register):
    assert parts("Sobranie Uzakonenii, 1917, No. 3, Art. 37", register)[1:] == [
        ("date", "1917", {"when": "1917"}),
        ("biblScope", "No. 3", {"unit": "issue", "n": "3"}),
        ("biblScope", "Art. 37", {"unit": "entry", "n": "37"}),
    ]


def test_page_without_space_and_a_remark_in_brackets(register):
    found = parts("Kluchnikov & Sabanin, ii, p.91 (extract)", register)
    assert found[-1] == ("biblScope", "p.91", {"unit": "page", "from": "91", "to": "91"})


def test_longer_short_title_wins(register):
    assert parts("Trotsky, Sochineniya, iii, 2, p. 64", register)[0] == (
        "title",
        "Trotsky, Sochineniya",
        {"type": "short", "ref": "bib:trotsky-sochineniya"},
    )


def test_ibid_points_at_the_source_before_it(register):
    line = "Izvestiya, 10 December 1917; ibid., 11 December 1917"
    parsed = parse_citation(line, bibl_register=register)
    titles = parsed.element.findall(f".//{T}title")
    assert [t.get("ref") for t in titles] == ["bib:izvestiya", "bib:izvestiya"]
    given = parse_citation("Ibid., p. 5", bibl_register=register, previous_ref="bib:pravda")
    assert given.known and given.element[0].get("ref") == "bib:pravda"


def test_ibid_without_a_source_before_it_is_reported(register):
    parsed = parse_citation("Ibid., p. 5", bibl_register=register)
    assert not parsed.known
    assert "Ibid." in parsed.problem


def test_roman_numerals_must_be_canonical():
    assert [roman_to_int(n) for n in ("i", "iv", "ix", "xiv", "XL", "iiii", "vx", "")] == [
        1, 4, 9, 14, 40, None, None, None,
    ]  # fmt: skip


def test_page_range_expansion_keeps_full_ranges():
    assert expand_page_range("1099", "102") == 1102
    assert expand_page_range("5", "12") == 12


def test_builtin_register_is_valid_tei(tei_all):
    from importlib import resources

    data = (resources.files("tei_tools") / "data" / "registers" / "bibl.xml").read_bytes()
    tree = etree.fromstring(data)
    assert tei_all.validate(etree.ElementTree(tree)), tei_all.error_log


MINIMAL_TEI = f"""<TEI xmlns="{TEI_NS}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>
<encodingDesc><listPrefixDef><prefixDef ident="bib" matchPattern="(.+)"
replacementPattern="bibl.xml#$1"/></listPrefixDef></encodingDesc></teiHeader>
<text><body><div/></body></text></TEI>"""


@pytest.mark.parametrize(
    "line",
    [
        "Trotsky, iii, 2, p. 183",
        "Kluchnikov & Sabanin, ii, pp. 64-6",
        "Izvestiya, 10 December 1917; Pravda, 26 October [8 November] 1917",
        "Russian-American Relations, P. 81,",
        "Volya Naroda, No. 5, 1918",
    ],
)
def test_produced_bibl_is_valid_in_a_tei_document(tei_all, register, line):
    document = etree.fromstring(MINIMAL_TEI)
    div = document.find(f".//{T}div")
    div.append(copy.deepcopy(parse_citation(line, bibl_register=register).element))
    assert tei_all.validate(etree.ElementTree(document)), tei_all.error_log


@settings(max_examples=200, deadline=None)
@given(
    line=st.one_of(
        st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=60),  # XML chars
        st.lists(
            st.sampled_from(
                [
                    "Trotsky",
                    "Izvestia",
                    ", ",
                    "; ",
                    "p. ",
                    "pp. ",
                    "iii",
                    "2",
                    "-",
                    "6",
                    "1918",
                    "No. ",
                    "vol. ",
                    "10 December",
                    " ",
                    ",",
                ]
            ),
            max_size=12,
        ).map("".join),
    )
)
def test_bibl_text_is_always_the_line(line):
    parsed = parse_citation(line, bibl_register=_REGISTER)
    assert "".join(parsed.element.itertext()) == line


_REGISTER = load_bibl_register()


def test_title_shared_by_several_entries_names_none_of_them(register):
    # "Sochineniya" is the main title of Trotsky's, Lenin's and Stalin's collected works.
    assert register.match_prefix("Sochineniya, iii, p. 5") is None
    assert not parse_citation("Sochineniya, iii, p. 5", bibl_register=register).known
