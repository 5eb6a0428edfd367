"""``prefixDef``: how private-URI pointers such as ``psn:goethe`` expand, read safely.

A ``prefixDef`` pairs a ``matchPattern`` (a regular expression in the XML
Schema / XPath dialect, not Python's) with a ``replacementPattern`` that may
name its groups as ``$1`` .. ``$9``.  Documents are written by anyone, so:

* the pattern is translated from the XSD dialect with elementpath (``\\i``,
  ``\\c``, ``\\p{IsBasicLatin}``, character-class subtraction ...) before it is
  compiled, and a pattern that is not a regular expression at all is a finding;
* a replacement that names a group the pattern lacks is a finding of the
  ``prefixDef`` itself, said once, instead of an ``IndexError`` per pointer;
* matching is bounded in time (the ``regex`` module's timeout), so a
  catastrophically backtracking pattern costs a finding, not a hung batch.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

import regex
from lxml import etree

from tei_tools.errors import TeiToolsError

TEI_NS = "http://www.tei-c.org/ns/1.0"

#: Seconds one pointer may spend in one matchPattern.
MATCH_SECONDS = 0.05
#: CPU seconds all the pointers of one document may spend in matchPatterns together.
DOCUMENT_SECONDS = 0.5
#: Timeouts of one match that are waits for a core, not work, tried again.
_WAITS_FORGIVEN = 3


@dataclass
class MatchBudget:
    """The time one document's pointers may spend matching, shared by all its prefixDefs.

    A pattern that ran out of time once is not tried again in the document:
    2,000 pointers against a catastrophic pattern cost one timeout, not 2,000.
    """

    seconds: float = DOCUMENT_SECONDS
    spent: float = 0.0
    slow: set[int] = field(default_factory=set)  # id() of the prefixDef nodes that timed out

    def left(self) -> float:
        return self.seconds - self.spent


_GROUP_REFERENCE = re.compile(r"\$(\d)")


class PrefixPatternError(TeiToolsError):
    """A prefixDef that cannot expand a pointer; placed at the ``prefixDef`` element."""

    def __init__(self, message: str, node: etree._Element | None) -> None:
        super().__init__(message, line=node.sourceline if node is not None else None)
        self.node = node


class PrefixBudgetSpent(PrefixPatternError):
    """A pointer left unchecked because its document's matching time is spent."""


@dataclass(frozen=True)
class PrefixRule:
    """One usable ``prefixDef``: its compiled pattern and replacement."""

    ident: str
    pattern: regex.Pattern
    replacement: str
    node: etree._Element

    def _fullmatch(self, rest: str, limit: float) -> regex.Match | None:
        """``fullmatch`` within ``limit`` seconds of this thread's work.

        The ``regex`` module's timeout is the clock's: on a loaded machine a benign
        pattern can see it pass while the thread waits for a core.  A timeout with
        little of this thread's CPU time spent is such a wait, and the match is tried
        again (a catastrophic pattern spends its CPU time, and stops at the first try).
        """
        for _ in range(_WAITS_FORGIVEN + 1):
            started = time.thread_time()
            try:
                return self.pattern.fullmatch(rest, timeout=limit)
            except TimeoutError:
                if time.thread_time() - started >= limit / 2:
                    raise
        raise TimeoutError

    def expand(self, rest: str, budget: MatchBudget | None = None) -> str | None:
        """The pointer after the prefix, rewritten; None when the pattern does not match it.

        >>> rule = read_prefix_rule(etree.fromstring(
        ...     '<prefixDef ident="psn" matchPattern="([a-z]+)" replacementPattern="#$1"/>'))
        >>> rule.expand("goethe"), rule.expand("Goethe")
        ('#goethe', None)
        """
        limit = MATCH_SECONDS
        if budget is not None:
            if id(self.node) in budget.slow or budget.left() <= 0:
                raise PrefixBudgetSpent(
                    f'prefixDef "{self.ident}": the time for its matchPattern in this document '
                    "is spent; the pointer is not checked",
                    self.node,
                )
            limit = min(limit, budget.left())
        # The budget counts this thread's CPU time, not the clock's: on a loaded machine the
        # clock runs on while the process waits for a core, and a benign pattern must not
        # run out of time there (a document's findings would depend on the load).
        started = time.thread_time()
        try:
            match = self._fullmatch(rest, limit)
        except TimeoutError:
            if budget is not None:
                budget.slow.add(id(self.node))
            raise PrefixPatternError(
                f'matchPattern "{self.node.get("matchPattern")}" of prefixDef "{self.ident}" '
                f'took more than {limit:g} s on "{rest[:80]}"; the pointer is not checked',
                self.node,
            ) from None
        finally:
            if budget is not None:
                budget.spent += time.thread_time() - started
        if match is None:
            return None
        groups = (match.group(0), *match.groups())
        return _GROUP_REFERENCE.sub(lambda m: groups[int(m.group(1))] or "", self.replacement)


def read_prefix_rule(node: etree._Element) -> PrefixRule | None:
    """The rule a ``prefixDef`` states; None when it states none (an attribute missing).

    Raises :class:`PrefixPatternError` when the pattern is not an XSD regular
    expression or the replacement names a group the pattern does not have.
    """
    ident, match, replacement = (
        node.get(a) for a in ("ident", "matchPattern", "replacementPattern")
    )
    if not (ident and match and replacement is not None):
        return None
    pattern = compile_xsd_pattern(match, node)
    named = {int(n) for n in _GROUP_REFERENCE.findall(replacement)}
    missing = sorted(n for n in named if n > pattern.groups)
    if missing:
        have = f"only {pattern.groups}" if pattern.groups else "no"
        raise PrefixPatternError(
            f'replacementPattern "{replacement}" of prefixDef "{ident}" names group '
            f'${missing[0]}, but matchPattern "{match}" has {have} group'
            f"{'' if pattern.groups == 1 else 's'}; its pointers are not checked",
            node,
        )
    return PrefixRule(ident, pattern, replacement, node)


def compile_xsd_pattern(pattern: str, node: etree._Element) -> regex.Pattern:
    """Compile a regular expression written in the XML Schema / XPath dialect.

    >>> compile_xsd_pattern(r"\\i\\c*", None).fullmatch("per.1") is not None
    True
    """
    from tei_tools.validate.grammar_store import translated_pattern

    translated = translated_pattern(pattern)  # the usual ones, translated before install
    if translated is not None:
        return regex.compile(translated)
    from elementpath.regex import RegexError, translate_pattern

    try:
        return regex.compile(translate_pattern(pattern))
    except (RegexError, regex.error, ValueError, OverflowError) as exc:
        raise PrefixPatternError(
            f'matchPattern "{pattern}" is not an XML Schema regular expression ({exc})', node
        ) from None
