#!/usr/bin/env python3
"""Writes NAME.gold.json beside each Spanish letter of the FIFTH tuning batch (tune5/es).

Conventions as ../tune4/make_gold_de.py and make_gold_fr.py: a named person is persName, with a
title before the name as one loose span whose core is the name ("Sr. D. Sancho Dávila", "señor
don Fadrique", "General Robertson", "EMPERADOR CARLOS V"); titles and forms of address standing
alone ("vuestra Alteza", "V. M.", "Sus Altezas", "señor marqués") and God ("Dios", "nuestro
Señor", "su Alta Magestat", "el Altisimo") are optional; a person named by an office with a
place ("obispo de Jaén") is optional, and so is the place inside it; salutations ("Muy señor
mío", "Señor", "Poderosissimo, generosissimo y esplendidisimo señor", "vuestra merced", "V.")
are not marked, but a name inside one is ("Querido Martin"). Places: towns, islands, regions and
named sites are g.town, states, countries and viceroyalties g.place; a body keeps the place in
its name marked inside it ("Consejo de Indias", "gobierno de la Nueva Granada"). Dates: `when`
is the proleptic Gregorian day, as tei-tools.toml's "spain" convention reads a date written
once: Julian before 15 October 1582 (nine days added in 1493, ten from March 1500); a date by
month gives the month ("1790.12"); a two-digit year is the letter's century ("28 noviembre 87").
`corresp` is what the text (title line included) says of the letter (see ../goldlib.py). The
gold was made by reading the texts, without running tei-tools.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from goldlib import TOTAL, Gold, done  # noqa: E402


def G(name: str) -> Gold:
    return Gold(HERE / "es", name)


# ---------------------------------------------------------------- Colón to Santángel
# buenastareas.com, Carta a Luis de Santángel after C. Varela's edition (Textos y documentos
# completos): the page's heading as title (its note number and the edition's bracketed citation
# left out), the editor's date line without a place; the salutation runs into the paragraph; note
# numbers 2-6 left out and the words the page's line joins ran together ("eReina", "pusenonbre",
# "gentede", "dioadelante") separated; the opening only, so no signature.
g = G("colon_1493-02-15_a-santangel.txt")
g.pers("Luis de Santángel")
g.date(
    "15 de Febrero de 1493", "1493-02-24", calendar="julian"
)  # before October 1582: the Julian day, @when Gregorian
g.optional("nuestro Señor", ("persName",))
g.place("Indias")
g.optional("Rey e Reina", ("persName",))
g.optional("Nuestros Señores", ("persName",))
g.optional("Sus Altezas", ("persName",))
g.town("Sant Salvador")
g.optional("su Alta Magestat", ("persName",))
g.town("Guanahaní")
g.town("Santa María de Concepción")
g.town("Ferrandina")
g.town("Isabela")
g.town("Juana", n=2)
g.town("Catayo")
g.corresp(None, None, "1493-02-24", ["Luis de Santángel"])
done(g)

# ---------------------------------------------------------------- Cortés to Charles V
# Google Books (html_text of id xbkCAAAAYAAJ, p. 13), Documentos relativos a Hernán Cortés: the
# edition's heading in capitals, its date line (place and date, no comma); the address to the
# emperor runs into the first paragraph; the collection's heading above it and a stray "y" of the
# OCR left out; the opening only.
g = G("cortes_1522-05-15_al-emperador.txt")
g.pers("HERNAN CORTES")
g.pers("EMPERADOR CARLOS V", "CARLOS V")
g.town("Cuyuacan")
g.date(
    "15 de mayo de 1522", "1522-05-25", calendar="julian"
)  # before October 1582: the Julian day, @when Gregorian
g.optional("vuestra Cesárea Majestad", ("persName",))
g.place("Nueva España")
g.optional("vuestra Alteza", ("persName",))
g.optional("vuestra Majestad", ("persName",))
g.optional("Dios", ("persName",))
g.optional("V. M.", ("persName",))
g.optional("V. A.", ("persName",))
g.org("Consejo de Indias")
g.place("Indias")
g.corresp(["HERNAN CORTES"], ["Cuyuacan"], "1522-05-25", ["EMPERADOR CARLOS V", "CARLOS V"])
done(g)

# ---------------------------------------------------------------- Teresa de Jesús to Báñez
# teresavila.com, carta 61 (title: the site's two headings); the editor's date line with the place
# in round brackets (an approximate date, says the site); the editor's summary and note numbers
# left out; the address to the addressee above the numbered paragraphs; the opening only.  The
# writer is not named on the page.
g = G("teresa_1574-02-28_a-banez.txt")
g.pers("padre Domingo Báñez", "Domingo Báñez")
g.date(
    "28 febrero 1574", "1574-03-10", calendar="julian"
)  # before October 1582: the Julian day, @when Gregorian
g.town("Salamanca")
g.pers("maestro fray Domingo Báñez", "Domingo Báñez")
g.optional("Jesús", ("persName",))
g.optional("Espíritu Santo", ("persName",))
g.optional("Dios", ("persName",))
g.pers("fray Domingo", "Domingo")
g.pers("Parda")  # the novice, by her nickname
g.corresp(
    None,
    ["Salamanca"],
    "1574-03-10",
    [
        "padre Domingo Báñez",
        "maestro fray Domingo Báñez",
        "fray Domingo Báñez",
        "Domingo Báñez",
    ],
)
done(g)

# ---------------------------------------------------------------- Teresa de Jesús to S. Dávila
# lohumanoydivino.blogspot.com, "Cartas de la Santa Madre Teresa de Jesús" (an old edition's
# text): the edition's address heading as title; the stored page gives paragraphs 2, 4 and 5
# only (1 and 3 are not on it); place and date at the foot, then the closing and the signature;
# the notes left out.
g = G("teresa_1580-10-10_a-sancho-davila.txt")
g.pers("Sr. D. Sancho Dávila", "Sancho Dávila")
g.optional("obispo de Jaén", ("persName",))
g.optional("Jaén", ("placeName",))  # a place inside a title
g.optional("Dios", ("persName",))
g.optional("su Majestad", ("persName",))
g.optional("Su divina Majestad", ("persName",))
g.optional("Señor", ("persName",))
g.optional("señor marqués", ("persName",))
g.optional("señora la marquesa", ("persName",))
g.pers("señor don Fadrique", "Fadrique")
g.pers("señora doña María", "María")
g.town("Ávila")
g.date(
    "10 de octubre de 1580", "1580-10-20", calendar="julian"
)  # before October 1582: the Julian day, @when Gregorian
g.pers("Teresa de Jesús")
g.corresp(
    ["Teresa de Jesús"],
    ["Ávila"],
    "1580-10-20",
    ["Sr. D. Sancho Dávila", "D. Sancho Dávila", "Sancho Dávila"],
)
done(g)

# ---------------------------------------------------------------- Goya to Zapater, 1787
# goya.unizar.es, Diplomatario (Canellas López, 1981), Registro 140: the edition's heading (date,
# place, writer, addressee) as title; the salutation runs into the paragraph; the closing, the
# signature, the date at the foot with a two-digit year, a last line; the citation left out.
g = G("goya_1787-11-28_a-zapater.txt")
g.date("1787.11.28", "1787-11-28")
g.town("Madrid")
g.pers("Francisco José Goya Lucientes")
g.pers("Martín Zapater")
g.pers("Martin")  # "Querido Martin"
g.pers("Yoldi", n=2)
g.pers("Padre Joaquín", "Joaquín")
g.optional("Fraile valenciano", ("persName",))
g.pers("Pirán")
g.pers("Francisco de Goya")
g.date("28 noviembre 87", "1787-11-28")
g.corresp(
    ["Francisco de Goya", "Francisco José Goya Lucientes"],
    ["Madrid"],
    "1787-11-28",
    ["Martín Zapater", "Martin"],
)
done(g)

# ---------------------------------------------------------------- Goya (and friends) to Zapater
# goya.unizar.es, Diplomatario, the letter headed 1790.12: a mock-official letter from Goya and
# his friends; the edition's heading (a month) as title, the address as salutation, then a second
# salutation run into the paragraph; the editor's "[da]" kept; the opening only.
g = G("goya_1790-12_a-zapater.txt")
g.date("1790.12", "1790-12")
g.town("Madrid")
g.pers("Francisco José Goya Lucientes")
g.pers("Martín Zapater")
g.pers("señor don Martin Zapater", "Martin Zapater")
g.pers("Zapater", n=1)  # "Viva Zapater!"
g.optional("Altisimo", ("persName",))
g.corresp(
    ["Francisco José Goya Lucientes"],
    ["Madrid"],
    "1790-12",
    ["señor don Martin Zapater", "Martin Zapater", "Martín Zapater"],
)
done(g)

# ---------------------------------------------------------------- Jovellanos to a bishop
# unioviedo.es/jovellanos (Obras completas, t. III, p. 476): the site's heading with the editor's
# "[¿Lugo?]" as title; the site's fields (incipit, reference, its dating "26/10/1799" and place
# "Gijón") left out, so the text gives no date and no place; no signature on the page.  The
# addressee is named only by his see (an optional span), so `received` is null.
g = G("jovellanos_sin-fecha_al-obispo-de-lugo.txt")
g.pers("Jovellanos")
g.optional("obispo de [¿Lugo?]", ("persName",))
g.optional("Lugo", ("placeName",))  # a place inside a title
g.org("Instituto Asturiano")
g.place("América")
g.corresp(["Jovellanos"], None, None, None)
done(g)

# ---------------------------------------------------------------- Bolívar to Maxwell Hyslop
# aporrea.org, the article's quotation of the letter (after Escritos del Libertador, t. VIII,
# p. 274); title ours; the dateline, then the address to the addressee, "Muy señor mío:" run into
# the paragraph, the closing with "Q. B. S. M.", the signature in capitals.
g = G("bolivar_1815-11-08_a-hyslop.txt")
g.pers("Simón Bolívar")
g.pers("señor Maxwell Hyslop", "Maxwell Hyslop")
g.pers("Maxwell Hyslop", n=1)  # the title
g.town("Kingston")
g.date("8 de noviembre de 1815", "1815-11-08")
g.pers("General Robertson", "Robertson")
g.org("gobierno de la Nueva Granada")
g.place("Nueva Granada")
g.pers("SIMON BOLIVAR")
g.corresp(
    ["SIMON BOLIVAR", "Simón Bolívar"],
    ["Kingston"],
    "1815-11-08",
    ["señor Maxwell Hyslop", "Maxwell Hyslop"],
)
done(g)

print("total (non-optional):", TOTAL)
