"""The walk from TEI elements to HTML5 elements, in one pass over the document.

Known elements map to their HTML counterparts (``p``, headings, lists,
tables, ``time``, ``a``); every other element still becomes a ``div`` or
``span`` whose class names it (``tei-fw``), so no text is dropped.  Notes
become numbered footnotes as they are met: the marker and the footnote are
created together, so there is no later search over all notes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import TypeAlias
from urllib.parse import urljoin

from lxml import etree

from tei_tools.export.dates import format_iso_date, read_date
from tei_tools.export.elements import (
    SILENT,
    breaks_word,
    is_block,
    is_footnote,
    local_name,
    normalise_space,
    shown_apparatus_reading,
    shown_reading,
)
from tei_tools.export.links import LinkResolver, Target
from tei_tools.export.urls import authority_url
from tei_tools.xml import TEI_NS, XML_NS

XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
XML_BASE = f"{{{XML_NS}}}base"

#: HTML element for a TEI element laid out as a block.
BLOCK_TAGS = {
    "p": "p", "div": "section", "div1": "section", "div2": "section", "div3": "section",
    "div4": "section", "div5": "section", "div6": "section", "div7": "section",
    "item": "li", "table": "table", "row": "tr", "quote": "blockquote", "cit": "blockquote",
    "figure": "figure", "figDesc": "figcaption", "epigraph": "blockquote", "note": "aside",
}  # fmt: skip

#: HTML element for a TEI element inside running text.
INLINE_TAGS = {
    "emph": "em", "title": "cite", "del": "del", "add": "ins", "abbr": "abbr", "code": "code",
    "foreign": "i", "mentioned": "i", "soCalled": "q", "q": "q", "said": "q", "term": "dfn",
    "gloss": "span", "item": "span",
}  # fmt: skip

#: ``hi/@rend`` tokens that have a conventional HTML element.
REND_TAGS = {
    "italic": "i", "italics": "i", "i": "i", "it": "i", "bold": "b", "b": "b",
    "sup": "sup", "superscript": "sup", "sub": "sub", "subscript": "sub",
    "underline": "u", "u": "u", "strikethrough": "s", "overstrike": "s",
}  # fmt: skip

#: Elements whose ``@ref`` names an entity that gets a link.
NAME_ELEMENTS = frozenset(
    {"persName", "placeName", "orgName", "name", "rs", "geogName", "settlement", "country",
     "region", "bloc", "district", "objectName", "eventName", "title", "author", "editor"}
)  # fmt: skip

#: Elements whose parts are often encoded with nothing between them; a
#: reader needs a separator ("Title, Editor", "Moscow, Archive, f. 2").
LISTING = frozenset({"bibl", "biblStruct", "msIdentifier", "respStmt", "imprint", "monogr"})

#: How source line breaks (``lb``) are shown: joined into running text, or kept and numbered.
VIEWS = ("reading", "diplomatic")

ORDERED_LIST_TYPES = frozenset({"ordered", "numbered", "decimal", "enumerated"})
_CLASS_UNSAFE = re.compile(r"[^\w-]+")

Out: TypeAlias = etree._Element


def last_child(out: Out) -> etree._Element | None:
    """The last child of ``out`` in constant time (``len`` would count every child)."""
    try:
        return out[-1]
    except IndexError:
        return None


def append_text(out: Out, text: str | None) -> None:
    """Append text after the last child of ``out`` (or inside it), whitespace normalised.

    Finds the last child without counting children, which lxml would do in
    linear time and make long bodies quadratic.
    """
    if not text:
        return
    text = normalise_space(text)
    last = last_child(out)
    if last is None:
        out.text = (out.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def strip_trailing_space(out: Out) -> None:
    """Remove whitespace at the end of ``out``'s content (before a word-joining break)."""
    last = last_child(out)
    if last is None:
        out.text = (out.text or "").rstrip(" ")
    else:
        last.tail = (last.tail or "").rstrip(" ")


def trailing_text(out: Out) -> str:
    """The text at the end of ``out``'s content (the last child's tail, or its text)."""
    last = last_child(out)
    return (out.text if last is None else last.tail) or ""


def is_element(node: etree._Element | None) -> bool:
    return node is not None and isinstance(node.tag, str)


@functools.lru_cache(maxsize=4096)
def class_token(value: str) -> str:
    """A CSS class fragment from a TEI name or value; remembered, as a document repeats few."""
    return _CLASS_UNSAFE.sub("-", value).strip("-")


def class_attribute(tag: str, name: str, kind: str | None, rend: str | None) -> str:
    """The ``class`` of the HTML element for a TEI element: its name, ``@type`` and ``@rend``."""
    classes = [f"tei-{class_token(name)}"]
    if tag.startswith("{") and not tag.startswith(f"{{{TEI_NS}}}"):
        classes = [f"x-{class_token(name)}"]  # another vocabulary (MathML, a project's)
    if kind:
        classes.append(f"type-{class_token(kind)}")
    for token in (rend or "").split():
        classes.append(f"rend-{class_token(token)}")
    return " ".join(c for c in classes if c)


def register_anchor(ref: str) -> str:
    """The in-page id of a register entry: ``per:trotsky`` → ``reg-per-trotsky``."""
    return "reg-" + class_token(ref)


def contains_block(element: etree._Element) -> bool:
    """Whether a ``p`` holds a block (a list, a table), which HTML's ``<p>`` cannot.

    Notes are not counted: their content moves to the footnotes.
    """
    for child in element:
        if not isinstance(child.tag, str) or local_name(child) == "note":
            continue
        if is_block(child) or contains_block(child):
            return True
    return False


class HtmlRenderer:
    """Render TEI elements into an HTML tree; one instance per document.

    ``notes="end"`` collects notes into an ordered list with links both ways
    (screen); ``notes="inline"`` leaves each note where it stands for CSS
    Paged Media's ``float: footnote`` (print, PDF).
    """

    def __init__(
        self, resolver: LinkResolver, *, notes: str = "end", view: str = "reading"
    ) -> None:
        if view not in VIEWS:
            raise ValueError(f"unknown view {view!r}; use one of {', '.join(VIEWS)}")
        self.resolver = resolver
        self.notes_mode = notes
        self.view = view
        self._line = 0  # source lines counted in the diplomatic view
        self.footnotes = etree.Element("ol", {"class": "tei-footnotes"})
        self.note_count = 0
        self.registers_used: dict[str, Target] = {}
        self._phrasing = 0  # >0 inside an HTML element that only takes phrasing content
        self._in_link = 0  # >0 inside an <a>: HTML forbids nesting them
        self._div_depth = 0
        self._new_style_partners: set[etree._Element] = set()
        self._joining = False  # after <lb break="no"/>: the next text continues the word
        self._classes: dict[tuple[str, str, str | None, str | None], str] = {}
        self._handlers: dict[str, Callable[[etree._Element, Out], None]] = {
            "note": self.render_note,
            "choice": self.render_choice,
            "app": self.render_app,
            "date": self.render_date,
            "time": self.render_date,
            "head": self.render_head,
            "list": self.render_list,
            "lb": self.render_lb,
            "pb": self.render_milestone,
            "cb": self.render_milestone,
            "milestone": self.render_milestone,
            "gb": self.render_milestone,
            "caesura": self.render_milestone,
            "gap": self.render_gap,
            "ref": self.render_ref,
            "ptr": self.render_ref,
            "graphic": self.render_graphic,
            "cell": self.render_cell,
            "hi": self.render_hi,
            "supplied": self.render_supplied,
        }

    # --- dispatch ----------------------------------------------------------------------

    def render(self, element: etree._Element, out: Out) -> None:
        """Render one element (not its tail) into ``out``."""
        if not isinstance(element.tag, str):
            return  # comments, processing instructions, unexpanded entities
        name = local_name(element)
        if name in SILENT:
            self.render_hidden(element, out, name)
            return
        handler = self._handlers.get(name)
        if handler is not None:
            handler(element, out)
        elif name in NAME_ELEMENTS and element.get("ref"):
            self.render_name(element, out, name)
        elif name.startswith("div") and name in BLOCK_TAGS:
            self._div_depth += 1
            self.render_generic(element, out, name)
            self._div_depth -= 1
        else:
            self.render_generic(element, out, name)

    def render_children(self, element: etree._Element, out: Out) -> None:
        self.add_text(out, element.text)
        listing = local_name(element) in LISTING
        for child in element:
            self.render(child, out)
            if listing and not child.tail and is_element(child.getnext()):
                self.add_text(out, ", ")  # <title/><editor/> with nothing between
            self.add_text(out, child.tail)

    def add_text(self, out: Out, text: str | None) -> None:
        """Append text; right after a ``break="no"`` milestone its leading space goes."""
        if text and self._joining:
            text = text.lstrip(" \t\r\n")
            self._joining = not text
        append_text(out, text)

    def open(self, element: etree._Element, out: Out, tag: str, name: str) -> Out:
        """Create the HTML element for ``element`` with its id, language and classes."""
        kind = element.get("type")
        rend = element.get("rend")
        key = (element.tag, name, kind, rend)
        value = self._classes.get(key)
        if value is None:
            value = class_attribute(element.tag, name, kind, rend)
            if len(self._classes) < 4096:  # a document repeats few; remember those
                self._classes[key] = value
        new = etree.SubElement(out, tag, {"class": value})
        identifier = element.get(XML_ID)
        if identifier:
            new.set("id", identifier)
        lang = element.get(XML_LANG)
        if lang:
            new.set("lang", lang)
        number = element.get("n")
        if number:
            new.set("data-n", number)
        facs = element.get("facs")
        if facs:
            # Where the element stands on the page images (a surface or zone): a site's viewer reads it.
            new.set("data-facs", facs)
        return new

    def render_hidden(self, element: etree._Element, out: Out, name: str) -> None:
        """Content that is not reading text (apparatus details, index terms): kept, not shown."""
        if name in {"teiHeader", "facsimile"} or not (len(element) or element.text):
            return
        new = self.open(element, out, "span", name)
        new.set("class", new.get("class") + " tei-alt")
        new.set("hidden", "hidden")
        self._phrasing += 1
        self.render_children(element, new)
        self._phrasing -= 1

    def render_generic(self, element: etree._Element, out: Out, name: str) -> Out:
        block = is_block(element)
        if block and not self._phrasing:
            tag = BLOCK_TAGS.get(name, "div")
            if name == "p" and contains_block(element):
                tag = "div"
        else:
            tag = INLINE_TAGS.get(name, "span")
        new = self.open(element, out, tag, name)
        if block and self._phrasing:
            new.set("class", new.get("class") + " block")
        if tag == "q" and element.get("rend"):
            new.tag = "span"  # the rendition says how it is quoted; don't add marks
        phrasing = tag in {"p", "span"} or tag in INLINE_TAGS.values()
        self._phrasing += phrasing
        self.render_children(element, new)
        self._phrasing -= phrasing
        return new

    def render_supplied(self, element: etree._Element, out: Out) -> None:
        """Words the editor supplied: bracketed by the stylesheet, and labelled as the editor's."""
        new = self.render_generic(element, out, "supplied")
        new.set("class", new.get("class") + " editorial")
        reason = element.get("reason")
        new.set("title", EDITORIAL_ADDITION + (f" ({reason})" if reason else ""))
        new.set("aria-describedby", EDITORIAL_DESCRIPTION_ID)

    # --- structure ---------------------------------------------------------------------

    def render_head(self, element: etree._Element, out: Out) -> None:
        parent = element.getparent()
        parent_name = local_name(parent) if parent is not None else ""
        if self._phrasing:
            tag = "span"
        elif parent_name.startswith("div") or parent_name in {"body", "front", "back"}:
            tag = f"h{min(self._div_depth + 1, 6)}"
        elif parent_name == "list":
            tag = "li"
        else:
            tag = "div"
        new = self.open(element, out, tag, "head")
        self._phrasing += 1
        self.render_children(element, new)
        self._phrasing -= 1

    def render_list(self, element: etree._Element, out: Out) -> None:
        children = [child for child in element if isinstance(child.tag, str)]
        names = [local_name(child) for child in children]
        if self._phrasing:
            tag = "span"
        elif "label" in names and "item" in names and names.index("label") < names.index("item"):
            tag = "dl"  # a glossary: label/item pairs
        else:
            first_item = next((c for c in children if local_name(c) == "item"), None)
            labelled = first_item is not None and item_has_label(first_item)
            ordered = (element.get("type") or element.get("rend") or "") in ORDERED_LIST_TYPES
            tag = "ol" if ordered and not labelled else "ul"
        new = self.open(element, out, tag, "list")
        if tag == "ul" and first_is_labelled(children):
            new.set("class", new.get("class") + " labelled")
        self.add_text(new, element.text)
        for child in element:
            if (
                tag == "dl"
                and isinstance(child.tag, str)
                and local_name(child) in {"label", "item"}
            ):
                term = self.open(
                    child, new, "dt" if local_name(child) == "label" else "dd", local_name(child)
                )
                self.render_children(child, term)
            else:
                self.render(child, new)
            self.add_text(new, child.tail)

    def render_cell(self, element: etree._Element, out: Out) -> None:
        tag = "th" if element.get("role") == "label" else "td"
        if self._phrasing:
            tag = "span"
        new = self.open(element, out, tag, "cell")
        for tei_name, html_name in (("cols", "colspan"), ("rows", "rowspan")):
            value = element.get(tei_name)
            if value and value.isdigit():
                new.set(html_name, value)
        self.render_children(element, new)

    def render_hi(self, element: etree._Element, out: Out) -> None:
        tokens = (element.get("rend") or element.get("rendition") or "").lower().split()
        tag = next((REND_TAGS[t] for t in tokens if t in REND_TAGS), "span")
        new = self.open(element, out, tag, "hi")
        self._phrasing += 1
        self.render_children(element, new)
        self._phrasing -= 1

    # --- milestones --------------------------------------------------------------------

    def render_lb(self, element: etree._Element, out: Out) -> None:
        """A source line break: a space in the reading view, a new numbered line in the diplomatic.

        In running prose a printed or written line ends wherever the page
        ended; breaking there and then wrapping again at the screen's or
        paper's width leaves one-word lines.  The reading view therefore
        joins the lines (``break="no"`` joins the word halves without a
        space); the diplomatic view keeps each source line and numbers it in
        the margin.
        """
        if self.view == "diplomatic":
            if not breaks_word(element):
                strip_trailing_space(out)
                self._joining = True
            self.open(element, out, "br", "lb")
            self._line += 1
            number = etree.SubElement(
                out, "span", {"class": "tei-line-number", "aria-hidden": "true"}
            )
            number.text = element.get("n") or str(self._line)
            return
        if breaks_word(element):
            if not trailing_text(out).endswith(" "):
                self.add_text(out, " ")
            self.open(element, out, "span", "lb").set("class", "tei-lb reading")
        else:
            strip_trailing_space(out)
            self.open(element, out, "span", "lb").set("class", "tei-lb nobreak")
            self._joining = True

    def render_milestone(self, element: etree._Element, out: Out) -> None:
        """Page and column beginnings as small markers; their number shows through CSS."""
        if breaks_word(element):
            self.add_text(out, " ")
        else:
            strip_trailing_space(out)
            self._joining = True
        new = self.open(element, out, "span", local_name(element))
        new.set("role", "separator")
        if element.get("n"):
            new.set("title", f"{local_name(element)} {element.get('n')}")

    def render_gap(self, element: etree._Element, out: Out) -> None:
        new = self.open(element, out, "span", "gap")
        details = [
            element.get(a) for a in ("reason", "quantity", "unit", "extent") if element.get(a)
        ]
        new.set("title", "gap" + (": " + " ".join(details) if details else ""))
        new.text = "[…]"
        self.render_children(element, new)

    def render_graphic(self, element: etree._Element, out: Out) -> None:
        """A link to the image, not an ``img``: a self-contained page fetches nothing."""
        url = with_xml_base(element, element.get("url"))
        tag = "a" if url and not self._in_link else "span"
        new = self.open(element, out, tag, "graphic")
        if tag == "a":
            new.set("href", url)
        self.render_children(element, new)

    # --- readings ----------------------------------------------------------------------

    def render_choice(self, element: etree._Element, out: Out) -> None:
        """One reading shown; the others kept in the page (hidden, and in the title)."""
        new = self.open(element, out, "span", "choice")
        self.render_alternatives(new, shown_reading(element), element)

    def render_app(self, element: etree._Element, out: Out) -> None:
        new = self.open(element, out, "span", "app")
        self.render_alternatives(new, shown_apparatus_reading(element), element)

    def render_alternatives(
        self, out: Out, shown: etree._Element | None, parent: etree._Element
    ) -> None:
        self.add_text(out, parent.text)
        notes = []
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            if child is shown or local_name(child) == "note":
                self.render(child, out)
            else:
                alternative = self.open(child, out, "span", local_name(child))
                alternative.set("class", alternative.get("class") + " tei-alt")
                self._phrasing += 1
                self.render_children(child, alternative)
                self._phrasing -= 1
                label = local_name(child) + (f" ({child.get('wit')})" if child.get("wit") else "")
                notes.append(f"{label}: {normalise_space(''.join(child.itertext())).strip()}")
            self.add_text(out, child.tail)
        if notes:
            out.set("title", "; ".join(notes))

    # --- dates -------------------------------------------------------------------------

    def render_date(self, element: etree._Element, out: Out) -> None:
        """``<time datetime>`` with the ISO value; a Julian date shows both readings."""
        reading = read_date(element)
        new = self.open(element, out, "time" if reading.datetime else "span", local_name(element))
        if reading.datetime:
            new.set("datetime", reading.datetime)
        if reading.description:
            new.set("title", reading.description)
        for attribute in ("calendar", "when-custom", "notBefore", "notAfter", "from", "to", "when"):
            if element.get(attribute) and not (attribute == "when" and reading.datetime):
                new.set(f"data-{attribute.lower()}", element.get(attribute))
        self._phrasing += 1
        self.render_children(element, new)
        self._phrasing -= 1
        if element in self._new_style_partners:
            self._new_style_partners.discard(element)
            new.set("title", "New Style (Gregorian calendar)")
            calendar_label(out, "N.S.", "New Style (Gregorian calendar)")
        elif reading.julian is not None:
            self.label_julian(element, out, new, reading.julian, reading.gregorian)

    def label_julian(
        self, element: etree._Element, out: Out, new: Out, julian: str, gregorian: str | None
    ) -> None:
        new.set("class", new.get("class") + " julian")
        new_style = format_iso_date(gregorian) if gregorian else "unknown"
        new.set(
            "title",
            f"Old Style (Julian calendar): {format_iso_date(julian)}; New Style: {new_style}",
        )
        label = calendar_label(out, "O.S.", "Old Style (Julian calendar)")
        partner = element.getnext()
        between = (element.tail or "").strip()
        if (
            partner is not None
            and local_name(partner) == "date"
            and between in {"", "[", "(", "/"}
            and gregorian is not None
            and partner.get("when") == gregorian
        ):
            self._new_style_partners.add(partner)  # the text writes the New Style day itself
        elif gregorian:
            # The source writes one reading: the other goes in the label's title, not
            # into the text, so a date is never shown twice.
            label.set("title", f"Old Style (Julian calendar); New Style: {new_style}")

    # --- links -------------------------------------------------------------------------

    def render_name(self, element: etree._Element, out: Out, name: str) -> None:
        ref = element.get("ref") or ""
        target = self.resolver.resolve(ref)
        href = target.href
        if target.entry is not None:
            self.registers_used.setdefault(target.ref, target)
            href = "#" + register_anchor(target.ref)
        self.render_link(element, out, name, href, ref)

    def render_ref(self, element: etree._Element, out: Out) -> None:
        pointer = element.get("target") or element.get("ref") or ""
        target = self.resolver.resolve(pointer) if pointer else None
        href = target.href if target is not None else None
        if target is not None and target.entry is None:
            href = with_xml_base(element, href)
        new = self.render_link(element, out, local_name(element), href, pointer)
        if local_name(element) == "ptr" and not len(element) and not element.text:
            new.text = pointer

    def render_link(
        self, element: etree._Element, out: Out, name: str, href: str | None, pointer: str
    ) -> Out:
        linked = bool(href) and not self._in_link
        new = self.open(element, out, "a" if linked else "span", name)
        if linked:
            new.set("href", href)
        if pointer:
            new.set("data-ref", pointer)
        self._in_link += linked
        self._phrasing += 1
        self.render_children(element, new)
        self._phrasing -= 1
        self._in_link -= linked
        return new

    # --- notes -------------------------------------------------------------------------

    def render_note(self, element: etree._Element, out: Out) -> None:
        if not is_footnote(element):
            self.render_generic(element, out, "note")  # an end-note already in its place
            return
        self.note_count += 1
        number = str(self.note_count)
        if self.notes_mode == "inline":
            new = self.open(element, out, "span", "note")
            new.set("class", new.get("class") + " footnote")
            self.render_detached(element, new, phrasing=True)
            return
        note_id = element.get(XML_ID) or f"fn-{number}"
        call_id = f"fnref-{number}"
        marker = etree.SubElement(
            out,
            "a" if not self._in_link else "span",
            {"class": "tei-noteref", "id": call_id, "role": "doc-noteref"},
        )
        if not self._in_link:
            marker.set("href", f"#{note_id}")
        etree.SubElement(marker, "sup").text = number
        item = etree.SubElement(self.footnotes, "li", {"id": note_id, "class": "tei-note"})
        if element.get("facs"):  # the note's region on the page images, for a site's viewer
            marker.set("data-facs", element.get("facs"))
            item.set("data-facs", element.get("facs"))
        place = element.get("place")
        if place:
            item.set("data-place", place)
        self.render_detached(element, item, phrasing=False)
        back = etree.SubElement(
            item,
            "a",
            {"class": "tei-backlink", "href": f"#{call_id}", "role": "doc-backlink"},
        )
        back.set("aria-label", f"back to note {number} in the text")
        back.text = "↩"
        append_text(item, " ")

    def render_detached(self, element: etree._Element, out: Out, *, phrasing: bool) -> None:
        """Render a note's content outside the flow it was found in (links may nest again)."""
        saved = (self._phrasing, self._in_link)
        self._phrasing, self._in_link = int(phrasing), 0
        self.render_children(element, out)
        self._phrasing, self._in_link = saved


def with_xml_base(element: etree._Element, url: str | None) -> str | None:
    """``url`` resolved against the ``xml:base`` of ``element`` and its ancestors, if any.

    TEI resolves relative URLs against ``xml:base``; a page that ignored it
    would link elsewhere than the document says (and the URL policy must see
    the resolved URL, since ``xml:base="javascript:..."`` changes what a
    relative target means).  In-page fragments stay in-page.
    """
    if not url or url.startswith("#"):
        return url
    bases = [e.get(XML_BASE) for e in (element, *element.iterancestors())]
    bases = [b for b in bases if b is not None]
    if not bases:
        return url
    base = ""
    for value in reversed(bases):
        base = urljoin(base, value) if base else value
    return urljoin(base, url)


def item_has_label(item: etree._Element) -> bool:
    first = next((child for child in item if isinstance(child.tag, str)), None)
    return first is not None and local_name(first) == "label" and not (item.text or "").strip()


def first_is_labelled(children: list[etree._Element]) -> bool:
    first_item = next((c for c in children if local_name(c) == "item"), None)
    return first_item is not None and item_has_label(first_item)


#: What a reader is told about words the editor added to the text (a calendar label).
EDITORIAL_ADDITION = "editorial addition"

#: The id of the one hidden sentence that every editorial addition points to.
EDITORIAL_DESCRIPTION_ID = "tei-editorial-description"


def editorial_span(out: Out, title: str) -> Out:
    """A ``span.editorial``: styled as the editor's, described as such to a screen reader.

    The description is one hidden sentence per page (``aria-describedby``), not
    words in the text, so that copying, searching and the text export see the
    source's words and the label only.
    """
    return etree.SubElement(
        out,
        "span",
        {"class": "editorial", "title": title, "aria-describedby": EDITORIAL_DESCRIPTION_ID},
    )


def calendar_label(out: Out, text: str, title: str) -> Out:
    """A small O.S./N.S. label after a date, with the calendar spelled out on hover.

    The source does not print the label: the editor adds it, so it stands in
    an :func:`editorial_span`.
    """
    editorial = editorial_span(out, f"{EDITORIAL_ADDITION}: {title}")
    label = etree.SubElement(editorial, "abbr", {"class": "tei-calendar", "title": title})
    label.text = text
    return label


def register_entry_links(target: Target) -> Mapping[str, str]:
    """The outward links of a register entry: its page and its Wikidata item."""
    links = {}
    if target.href:
        links["register"] = target.href
    wikidata = authority_url("wikidata", (target.entry or {}).get("wikidata"))
    if wikidata:
        links["Wikidata"] = wikidata
    return links
