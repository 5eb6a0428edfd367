#!/usr/bin/env python3
"""Writes NAME.gold.json beside each Italian letter of the FIFTH tuning batch (tune5/it).

Conventions as ../tune4/make_gold_de.py and make_gold_fr.py: a named person is persName, with a
title before the name as one loose span whose core is the name ("messer Totto", "marchesa
Roberti", "Ser. G. D. Cosimo II"); titles and forms of address standing alone ("V. S. Ill.ma",
"S. A. S.", "Eccellenza Vostra", "V.R.", "Contino", "il papa") and God ("Iddio", "Dio") are
optional; salutations ("Magnifice vir", "Carissimo signor padre", "Molto Rev.do P.re e mio Sig.r
Col.mo") are not marked, but a name inside one is ("Caro Tito"); titles of works ("Historia",
"Ballo in maschera") are optional as persName; an editor's brackets stay inside the span
("[BELISARIO VINTA", "Dicem[bre]", "[Bernardo]").  Places: towns, regions and named sites are
g.town.  Dates: `when` is the proleptic Gregorian day, as tei-tools.toml's "italy" convention
reads a date written once: Julian before 15 October 1582 (ten days added in the sixteenth
century).  Florence began its year on 25 March: Machiavelli's "Die 13 Marzii 1512" is 13 March
1513 and Vettori's "8 di marzo 1524" 8 March 1525 (the editions' headings say so: "13 marzo
1513", "8 marzo 1524/25"), so both take the common year.  A yearless date takes the letter's
year ("29 Aprile", "29 scorso" = the 29th of the month before).  `corresp` is what the text
(title line included) says of the letter (see ../goldlib.py).  The gold was made by reading the
texts, without running tei-tools.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from goldlib import TOTAL, Gold, done  # noqa: E402


def G(name: str) -> Gold:
    return Gold(HERE / "it", name)


# ---------------------------------------------------------------- Machiavelli to Vettori
# interbooks.eu, Lettere 1513 (ed. Martelli, 1971), no. 196: the edition's heading as title, its
# dateline (Florence, 13 March 1513, common style) above the Latin address; the salutation runs
# into the first paragraph; the letter's own date ("Die 13 Marzii 1512", Florentine style) ends
# the last paragraph; the signature on two lines, the place after the name.
g = G("machiavelli_1512-03-13_a-vettori.txt")
g.pers("Niccolò Machiavelli", n=2)
g.pers("Francesco Vettori")
g.town("Firenze", n=2)
g.date(
    "13 marzo 1513", "1513-03-23", calendar="julian"
)  # before October 1582: the Julian day, @when Gregorian
g.pers("Francisco Vittorio")
g.optional("Summum Pontificem", ("persName",))
g.town("Rome")
g.pers("Pagolo Vettori")
g.pers("Pagolo", n=2)
g.optional("Iddio", ("persName",))
g.pers("messer Totto", "Totto")
g.optional("papa", ("persName",))
g.optional("N. S.", ("persName",))  # Nostro Signore, the pope
g.date(
    "13 Marzii 1512", "1513-03-23", calendar="julian"
)  # before October 1582: the Julian day, @when Gregorian
g.corresp(
    ["Niccolò Machiavelli", "Machiavelli"],
    ["Firenze"],
    "1513-03-23",
    ["Francesco Vettori", "Francisco Vittorio", "Vettori"],
)
done(g)

# ---------------------------------------------------------------- Vettori to Machiavelli
# bitlit.ru, P. Villari, Niccolò Machiavelli e i suoi tempi, vol. III, Documento XIV: the
# editor's heading (a dual year) as title, his note number left out; the dateline at the foot
# (Florentine style); the signature, then the address on three lines with the editor's
# brackets.
g = G("vettori_1524-03-08_a-machiavelli.txt")
g.pers("Francesco Vettori")
g.pers("Nicolò di messer [Bernardo] Machiavelli")
g.optional("Bernardo", ("persName",))
g.pers("Machiavelli", n=1)  # "al Machiavelli" in the heading
g.town("Roma", n=2)
g.date(
    "8 marzo 1524/25", "1525-03-18", calendar="julian"
)  # before October 1582: the Julian day, @when Gregorian
g.optional("papa", ("persName",))
g.optional("Historia", ("persName",))  # his Istorie fiorentine
g.pers("Lorenzo")  # Lorenzo de' Medici, "insino alla morte di Lorenzo"
g.pers("Francesco del Nero")
g.pers("Berlinghieri")
g.pers("Donato del Corno")
g.optional("Iddio", ("persName",))
g.date(
    "8 di marzo 1524", "1525-03-18", calendar="julian"
)  # before October 1582: the Julian day, @when Gregorian
g.pers("Francesco Vectori")
g.town("Firenze")
g.corresp(
    ["Francesco Vectori", "Francesco Vettori"],
    ["Roma"],
    "1525-03-18",
    ["Nicolò di messer [Bernardo] Machiavelli", "Machiavelli"],
)
done(g)

# ---------------------------------------------------------------- Galileo to Clavius
# abruzzoinmostra.it, Lettere di Galileo Galilei (Ricciardi, 1953), p. 12: the edition's heading
# in capitals (its number "V" left out), the editor's dateline in round brackets, the salutation
# on its own line; the opening only (the page ends).  The writer is not named on the page.
g = G("galileo_1610-12-30_a-clavio.txt")
g.pers("CRISTOFORO CLAVIO")
g.town("ROMA")
g.town("Firenze")
g.date("30 dicembre 1610", "1610-12-30")
g.optional("V.R.", ("persName",))
g.optional("Pianeti Medicei", ("persName", "placeName"))  # Jupiter's moons
g.corresp(None, ["Firenze"], "1610-12-30", ["CRISTOFORO CLAVIO"])
done(g)

# ---------------------------------------------------------------- Galileo to Belisario Vinta
# abruzzoinmostra.it, Le opere di Galileo Galilei, vol. X (Edizione Nazionale), p. 348, no. 277:
# the edition's heading with its brackets as title, its dateline; the manuscript note and the
# note number "(628)" left out; the opening only.
g = G("galileo_1610-03-19_a-vinta.txt")
g.pers("GALILEO")
g.pers("BELISARIO VINTA")
g.town("Pisa")
g.town("Padova")
g.date("19 marzo 1610", "1610-03-19")
g.optional("V. S. Ill.ma", ("persName",))
g.org("Casa Medici")
g.optional("Medici", ("persName",))
g.pers("Ser. G. D. Cosimo II", "Cosimo II")
g.optional("nostro Signore", ("persName",))
g.optional("S. A. S.", ("persName",))
g.optional("S. A.", ("persName",))
g.corresp(["GALILEO"], ["Padova"], "1610-03-19", ["BELISARIO VINTA"])
done(g)

# ---------------------------------------------------------------- Leopardi to his father
# it.wikisource, Leopardi, Epistolario (Bollati Boringhieri 1998), II, p. 80, no. 1077: the
# edition's heading (number left out) and dateline; the salutation runs into the paragraph; the
# closing ends in the signature.
g = G("leopardi_1827-05-14_al-padre.txt")
g.pers("Monaldo Leopardi")
g.town("Bologna", n=2)
g.date("14 Maggio 1827", "1827-05-14")
g.date("29 Aprile", "1827-04-29")
g.optional("coram equite", ("persName",))
g.optional("dei 5", ("date",))
g.optional("Dio", ("persName",))
g.pers("marchesa Roberti", "Roberti")
g.pers("cardinale Albani", "Albani")
g.pers("Giacomo")
g.corresp(["Giacomo"], ["Bologna"], "1827-05-14", ["Monaldo Leopardi"])
done(g)

# ---------------------------------------------------------------- Giordani to Leopardi
# it.wikisource, the same edition, I, p. 266, no. 92: the heading names only the writer; the
# dateline has the editor's bracketed year; the addressee is "Contino" (Leopardi, not named); the
# opening only.
g = G("giordani_1817-09-21_a-leopardi.txt")
g.pers("Pietro Giordani")
g.town("Piacenza")
g.date("21. Settembre [1817]", "1817-09-21")
g.optional("Contino", ("persName",))
g.town("Venezia")
g.optional("8.", ("date",))  # "le vostre 8. e 11. agosto"
g.date("11. agosto", "1817-08-11")
g.town("Marca")  # the Marche
g.corresp(["Pietro Giordani"], ["Piacenza"], "1817-09-21", None)
done(g)

# ---------------------------------------------------------------- Verdi to Cavour
# fondazionecavour.it, archivio storico, lettere (the page's sender/addressee fields left out;
# title ours, after the page's name): a dateline with no comma, "Eccellenza!" as salutation, the
# closing over two lines, the signature by an initial.
g = G("verdi_1859-09-21_a-cavour.txt")
g.pers("Giuseppe Verdi")
g.pers("Camillo Benso di Cavour")
g.town("Busseto")
g.date("21 settembre 1859", "1859-09-21")
g.optional("Eccellenza Vostra", ("persName",))
g.optional("Eccellenza", ("persName",))
g.optional("Promoteo", ("persName",))  # Prometheus, of Cavour
g.optional("E.V.", ("persName",))
g.town("Leri")  # Cavour's estate
g.optional("Padre della Patria", ("persName",))
g.pers("G. Verdi")
g.corresp(
    ["G. Verdi", "Giuseppe Verdi"], ["Busseto"], "1859-09-21", ["Camillo Benso di Cavour", "Cavour"]
)
done(g)

# ---------------------------------------------------------------- Verdi to Tito Ricordi
# digitalarchivioricordi.com, LLET000786 (title ours): the salutation above the dateline, the
# editor's bracketed letters in the month, a date by day and "scorso", the closing over two
# lines, the signature by an initial without a point.
g = G("verdi_1860-12-01_a-tito-ricordi.txt")
g.pers("Giuseppe Verdi")
g.pers("Tito Ricordi")
g.pers("Tito", n=1)  # "Caro Tito"
g.town("Busseto")
g.date("1 Dicem[bre] 1860", "1860-12-01")
g.date("29 scorso", "1860-11-29")
g.optional("Ballo in maschera", ("persName",))
g.town("Scala")  # the Teatro alla Scala
g.optional("Scala", ("orgName",))
g.pers("Medori")  # the soprano
g.pers("G Verdi")
g.corresp(["G Verdi", "Giuseppe Verdi"], ["Busseto"], "1860-12-01", ["Tito Ricordi", "Tito"])
done(g)

print("total (non-optional):", TOTAL)
