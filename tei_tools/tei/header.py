"""The teiHeader of a converted document.

Everything here is derived from the document and the profile: no clock, no
host name, no path, so the same input and version give the same bytes.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import PurePath

from lxml import etree

from tei_tools.calendars import convention
from tei_tools.reading.model import Document
from tei_tools.reading.profiles import Profile
from tei_tools.register_prefixes import REGISTER_BASE, REGISTER_PREFIXES
from tei_tools.tei.inline import tei
from tei_tools.tei.title_case import ProperWords, normalise_title
from tei_tools.version import __version__


def build_header(
    doc: Document,
    profile: Profile,
    *,
    creation_date: tuple[dict[str, str], str] | None,
    source_bibls: list[etree._Element],
    title: str | None = None,
    correspondence: etree._Element | None = None,
    dating_methods: Collection[str] = frozenset(),
) -> etree._Element:
    """The full header: titleStmt, publication, series, source, encoding and profile.

    ``title`` is the normalised title (see :func:`header_title`); the
    document's own title as written is the fallback.  ``correspondence`` is a
    letter's ``correspDesc`` (:mod:`tei_tools.tei.correspondence`); ``dating_methods``
    the other calendars its dates are in ("republican"), declared beside the two always there.
    """
    header = tei("teiHeader")
    file_desc = etree.SubElement(header, tei("fileDesc").tag)
    file_desc.append(title_statement(doc, title, profile))
    file_desc.append(publication_statement(profile))
    if profile.collection_title:
        file_desc.append(series_statement(profile))
    file_desc.append(source_description(doc, profile, source_bibls))
    header.append(encoding_description())
    desc = profile_description(doc, creation_date, profile.calendar, dating_methods)
    if correspondence is not None:
        desc.insert(1 if creation_date is not None else 0, correspondence)
    header.append(desc)
    return header


def header_title(
    doc: Document, text: etree._Element, registry=None, evidence: ProperWords | None = None
) -> str | None:
    """The title for the header: sentence case when the source sets it in capitals.

    The body's ``head`` keeps the source form; the header's title is what
    catalogues and the edition site show, so it is printed as an editor
    would (see :func:`~tei_tools.tei.title_case.normalise_title`; ``evidence``
    has read the paragraphs no longer in ``text``).
    """
    if not doc.title:
        return doc.title
    return normalise_title(doc.title, text, registry, evidence)


def title_statement(
    doc: Document, title: str | None = None, profile: Profile | None = None
) -> etree._Element:
    stmt = tei("titleStmt")
    stmt.append(
        tei(
            "title",
            text=title or doc.title or f"Untitled document ({PurePath(doc.source_name).name})",
        )
    )
    for editor in profile.editors if profile else ():
        resp = etree.SubElement(stmt, tei("respStmt").tag)
        resp.append(tei("resp", text=editor.role))
        resp.append(tei("persName", text=editor.name))
    resp = etree.SubElement(stmt, tei("respStmt").tag)
    resp.append(
        tei("resp", text="TEI encoding, generated automatically from a plain-text transcription")
    )
    resp.append(tei("name", {"type": "software"}, f"tei-tools {__version__}"))
    return stmt


def publication_statement(profile: Profile | None = None) -> etree._Element:
    stmt = tei("publicationStmt")
    if profile is not None and profile.publisher:
        stmt.append(tei("publisher", text=profile.publisher))
        if profile.licence:
            availability = etree.SubElement(stmt, tei("availability").tag)
            attrs = {"target": profile.licence_url} if profile.licence_url else {}
            availability.append(tei("licence", attrs, profile.licence))
        return stmt
    stmt.append(
        tei(
            "p",
            text="Unpublished encoding produced by tei-tools; "
            "check it before publication. The source text is quoted unchanged.",
        )
    )
    if profile is not None and profile.licence:
        # Without a publisher TEI allows paragraphs only here (availability must follow an
        # agency): the licence is said in one, its address as a ref.
        line = tei("p", text=f"Licence: {profile.licence}")
        if profile.licence_url:
            line.text += " ("
            ref = tei("ref", {"target": profile.licence_url}, profile.licence_url)
            ref.tail = ")."
            line.append(ref)
        else:
            line.text += "."
        stmt.append(line)
    return stmt


def series_statement(profile: Profile) -> etree._Element:
    stmt = tei("seriesStmt")
    stmt.append(tei("title", {"level": "s"}, profile.collection_title))
    if profile.collection_editor:
        resp = etree.SubElement(stmt, tei("respStmt").tag)
        resp.append(tei("resp", text="edited by"))
        resp.append(tei("name", text=profile.collection_editor))
    return stmt


def source_description(
    doc: Document, profile: Profile, source_bibls: list[etree._Element]
) -> etree._Element:
    desc = tei("sourceDesc")
    if profile.collection_title:
        bibl = etree.SubElement(desc, tei("bibl").tag, type="collection")
        attrs = {"level": "m"}
        if profile.collection_record:
            # The pointer lets the site show the register's full record (place, publisher,
            # dates) for the collection, as it does for the works the source lines cite.
            attrs["ref"] = profile.collection_record
        bibl.append(tei("title", attrs, profile.collection_title))
        if profile.collection_editor:
            bibl.append(tei("editor", text=profile.collection_editor))
    work = profile.source
    if work.title:
        bibl = etree.SubElement(desc, tei("bibl").tag, type="source-work")
        bibl.append(tei("title", text=work.title))
        for tag, value in (("editor", work.editor), ("publisher", work.publisher)):
            if value:
                bibl.append(tei(tag, text=value))
        if work.date:
            bibl.append(tei("date", text=work.date))
        if work.note:
            bibl.append(tei("note", text=work.note))
    desc.extend(source_bibls)
    if not len(desc):
        desc.append(tei("p", text="Plain-text transcription; no printed source is named."))
    return desc


def encoding_description() -> etree._Element:
    desc = tei("encodingDesc")
    app_info = etree.SubElement(desc, tei("appInfo").tag)
    app = etree.SubElement(app_info, tei("application").tag, ident="tei-tools", version=__version__)
    app.append(tei("label", text="tei-tools"))
    prefixes = etree.SubElement(desc, tei("listPrefixDef").tag)
    for prefix, (file_name, label) in REGISTER_PREFIXES.items():
        prefix_def = etree.SubElement(
            prefixes,
            tei("prefixDef").tag,
            ident=prefix,
            matchPattern="([a-z0-9_.-]+)",
            replacementPattern=f"{REGISTER_BASE}{file_name}#$1",
        )
        prefix_def.append(tei("p", text=f"Pointers into the {label}."))
    return desc


def profile_description(
    doc: Document,
    creation_date: tuple[dict[str, str], str] | None,
    calendar: str = "gregorian",
    dating_methods: Collection[str] = frozenset(),
) -> etree._Element:
    desc = tei("profileDesc")
    if creation_date is not None:
        attrs, text = creation_date
        creation = etree.SubElement(desc, tei("creation").tag)
        creation.append(tei("date", attrs, text))
    lang_usage = etree.SubElement(desc, tei("langUsage").tag)
    lang_usage.append(tei("language", {"ident": doc.language}, doc.language))
    if doc.collection_language:  # the collection's language, which the header is written for
        ident = doc.collection_language
        lang_usage.append(tei("language", {"ident": ident}, ident))
    calendars = etree.SubElement(desc, tei("calendarDesc").tag)
    reading = convention(calendar)
    julian = "Julian calendar (Old Style): dates marked O.S. and the Old Style half of dual dates."
    if reading.julian_always or reading.last_julian is not None:
        julian = f"Julian calendar (Old Style). {reading.describe()}"
    calendars.append(_calendar("julian", julian))
    calendars.append(_calendar("gregorian", "Gregorian calendar (New Style)."))
    if "republican" in dating_methods:
        calendars.append(_calendar("republican", REPUBLICAN_DESCRIPTION))
    return desc


#: The French Republican calendar as a header declares it.
REPUBLICAN_DESCRIPTION = (
    "French Republican calendar (1792-1805): @when gives the Gregorian day, "
    "@when-custom the date as written (year of the Republic, month, day)."
)


def _calendar(ident: str, description: str) -> etree._Element:
    calendar = tei("calendar", {"xml:id": ident})
    calendar.append(tei("p", text=description))
    return calendar
