"""Nothing lost: text → TEI → plain text gives back every word of the source, in order."""

from __future__ import annotations

import re

import pytest
from conftest import corpus_sources, shared_path
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tei_tools.convert import convert_text
from tei_tools.export.text import export_text

NAV_LINE = "[Subject] [Author] [Date]"
WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def source_words(text: str) -> list[str]:
    """The words of a source, less the navigation line the profile drops as chrome."""
    return words("\n".join(line for line in text.splitlines() if line.strip() != NAV_LINE))


def round_trip(text: str, profile: str = "degras") -> list[str]:
    return words(export_text(convert_text(text, profile=profile)))


@pytest.mark.parametrize("source", corpus_sources(), ids=lambda p: p.stem)
def test_bundled_documents_round_trip_every_word(source):
    text = source.read_text(encoding="utf-8")
    assert round_trip(text) == source_words(text)


def test_development_corpus_round_trips_every_word():
    for source in sorted(shared_path("corpus-dev").glob("*.txt")):
        text = source.read_text(encoding="utf-8")
        assert round_trip(text) == source_words(text), source.name


# --- property test: documents in the collection's layout -------------------------------------

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
INDENTS = ["", "    ", "\u00a0 \u00a0 ", "\t"]
plain_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüéčžаб", min_size=1, max_size=9)
name_word = st.sampled_from(
    [
        "Trotsky",
        "Chicherin",
        "Vladivostok",
        "Japan",
        "Soviet Government",
        "British Embassy",
        "Lenin",
        "Moscow",
        "Izvestia",
    ]
)
date_phrase = st.builds(
    lambda d, m, y, d2, m2: st.sampled_from(
        [
            f"{d} {m} {y}",
            f"{m} {d}, {y}",
            f"{d} {m} [{d2} {m2}]",
            f"{d}/{d2} {m} {y}",
            f"{d}.XI.{y}",
        ]
    ),
    st.integers(1, 28),
    st.sampled_from(MONTHS),
    st.integers(1900, 1925),
    st.integers(1, 28),
    st.sampled_from(MONTHS),
).flatmap(lambda s: s)
sentence = st.lists(st.one_of(plain_word, name_word, date_phrase), min_size=1, max_size=25).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)


@st.composite
def documents(draw) -> str:
    title = draw(st.lists(plain_word, min_size=1, max_size=10).map(lambda ws: " ".join(ws).upper()))
    if draw(st.booleans()):
        title = f"({title})"
    date = draw(date_phrase.filter(lambda d: "[" not in d))
    sources = draw(
        st.lists(
            st.sampled_from(
                [
                    "Trotsky, iii, 2, p. 183",
                    "Russian-American Relations, P. 81,",
                    "Kluchnikov & Sabanin, ii, pp. 64-6",
                    "Izvestia, 9 April 1918",
                ]
            ),
            max_size=3,
        )
    )
    indent = draw(st.sampled_from(INDENTS))
    paras = draw(st.lists(paragraph, min_size=1, max_size=6))
    numbered = draw(st.booleans())
    lines = [title, "", "", date, *sources, ""]
    for number, para in enumerate(paras, start=1):
        marker = draw(st.sampled_from([f"{number}. ", f"{number} . "])) if numbered else ""
        lines += [indent + marker + para, ""]
    if draw(st.booleans()):
        lines += ["", "Documents on Soviet Foreign Policy", "", NAV_LINE]
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return newline.join(lines)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_generated_documents_round_trip_every_word(text):
    assert round_trip(text.replace("\r\n", "\n")) == source_words(text)


@settings(max_examples=40, deadline=None)
@given(
    st.text(min_size=1).filter(
        lambda t: (
            t.strip() and not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]", t)
        )
    )
)
def test_any_text_round_trips_with_the_generic_profile(text):
    text = text.replace("\r", "\n")
    assert round_trip(text, "generic") == words(text)
