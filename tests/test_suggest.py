"""One did-you-mean (tei_tools/validate/suggest.py) for schema names and dangling pointers."""

from __future__ import annotations

import difflib

from hypothesis import given
from hypothesis import strategies as st

from tei_tools.validate.schema_index import did_you_mean as schema_did_you_mean
from tei_tools.validate.suggest import did_you_mean

words = st.text(alphabet="abcdeR", min_size=1, max_size=9)


@given(words, st.lists(words, max_size=12), st.sampled_from([0.6, 0.75, 0.8, 0.85]))
def test_skipping_by_length_never_loses_a_match_difflib_would_find(word, candidates, cutoff):
    found = did_you_mean(word, candidates, cutoff=cutoff)
    pool = sorted({c.lower(): c for c in sorted(set(candidates) - {word}, reverse=True)})
    if any(c.lower() == word.lower() for c in candidates if c != word):
        assert found is not None and found.lower() == word.lower()
    elif difflib.get_close_matches(word.lower(), pool, n=1, cutoff=cutoff):
        assert found is not None
        # get_close_matches scores SequenceMatcher(candidate, word): the ratio is not symmetric.
        ratio = difflib.SequenceMatcher(None, found.lower(), word.lower()).ratio()
        assert ratio >= cutoff
    else:
        assert found is None


def test_the_word_itself_is_never_suggested():
    assert did_you_mean("note", ["note"]) is None


def test_schema_names_use_habitual_aliases_and_a_closer_match_when_strict():
    assert schema_did_you_mean("br", ["lb", "pb"]) == "lb"
    assert schema_did_you_mean("rendd", ["rend", "rendition"]) == "rend"
    assert schema_did_you_mean("tilte", ["title", "time"]) == "title"
    assert schema_did_you_mean("tilte", ["title"], strict=True) is None
