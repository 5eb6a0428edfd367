#!/usr/bin/env python3
"""Writes NAME.gold.json beside each letter of the Latin tune3 set (la/; see SOURCES_la.md).

Conventions as ../tune/make_gold.py: a named person is persName, with a title before the name as
one loose span whose core is the name ("Domino Hughoni Grotio", "Principi Mauritio", "D[omi]no
BAECK"); offices and titles standing alone ("Christianissimum Galliae Regem", "Ser[ernissimi]
Regis") and a place inside a title are optional; forms of address ("Vir excellentissime",
"Clarissime Doctissimeque Groti." is a form of address, but the name in it is marked) are not
marked; nationality and origin words ("Suecorum", "Gallicis", "Antverpiensis") are not names.
Places: towns in the Latin form and case as written ("Amsterodami", "Bruxell."), states and
countries with g.place ("Suetiae", "Galliae").  Dates: `when` is the day the text gives, worked
out from Kalends and Nones (all these letters are Gregorian: Amsterdam 1635, Brussels 1621,
Holland 1644, France 1623, Uppsala 1754 after Sweden's change of 1753); a Church feast without
a date is optional.  `corresp` is what the text says of the letter (see ../goldlib.py); the
title line counts as text.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from goldlib import TOTAL, Gold, done  # noqa: E402


def G(name: str) -> Gold:
    return Gold(HERE / "la", name)


# ---------------------------------------------------------------- Hooft to Grotius (dbnl.org, Hooft's
# Briefwisseling no. 678): the address-salutation in the dative, "U.T." and the signature, the place
# and a Kalends date at the end; the edition's line numbers and end-of-line hyphens left out.
g = G("hooft_1635-01-28_ad-grotium.txt")
g.pers("Domino Hughoni Grotio", "Hughoni Grotio")
g.optional("Regni Suetiae", ("orgName", "placeName"))
g.place("Suetiae", n=2)
TITLE = "Christianissimum Galliae Regem"
g.optional(TITLE, ("persName",))
in_title = lambda a: g.text.startswith("Galliae Regem", a)  # noqa: E731
g.optional("Galliae", ("placeName", "orgName"), keep=in_title)
g.place("Galliae", keep=lambda a: not in_title(a), n=1)
g.place("Germaniae")
g.pers("P.C. Hóófdius")
g.town("Amsterodami")
g.date("quinto Kal.Febr. MDCXXXV", "1635-01-28")  # a.d. V Kal. Febr. = 28 January
g.corresp(
    ["P.C. Hóófdius", "Hóófdius"],
    ["Amsterodami"],
    "1635-01-28",
    ["Domino Hughoni Grotio", "Hughoni Grotio"],
)
done(g)

# ---------------------------------------------------------------- Woverius to Grotius (grotius.huygens.knaw.nl,
# Briefwisseling no. 625): the addressee only in the vocative, the year in apostrophus numerals
# before a Kalends day, the place abbreviated; footnote numbers and the page number left out,
# the editor's Dutch note on the back ("In dorso ...") too.
g = G("woverius_1621-03-29_ad-grotium.txt")
g.pers("Groti", n=2)
g.town("Antverpiam")
g.optional("Musis", ("persName",))
g.pers("Roelantio Syndico", "Roelantio")
g.optional("Musarum", ("persName",))
g.optional("Regi", ("persName",))
g.optional("Principis", ("persName",))
g.optional("Serenissimo Principe meo", ("persName",))
g.town("Bruxellis")
g.town("Antverpiae")
g.town("Bruxell.")
g.date("CIƆIƆCXXI. IIII Kal. April.", "1621-03-29")  # a.d. IV Kal. Apr. = 29 March
g.pers("Ioannes Woverius")
g.optional("Antverpiensis", ("placeName",))
g.corresp(
    ["Ioannes Woverius", "Ioannes Woverius Antverpiensis", "Woverius"],
    ["Bruxell.", "Bruxell"],
    "1621-03-29",
    ["Groti"],
)
done(g)

# ---------------------------------------------------------------- Hogerbeets to Grotius (grotius.huygens.knaw.nl,
# no. 6753): no place, the Nones of March, the outer address (after the editor's "Adres:") as the
# last block, naming the destination Paris; footnote numbers, page number and notes left out.
g = G("hogerbeets_1644-03-07_ad-grotium.txt")
g.optional("Leydensibus", ("orgName", "placeName"))  # "the people (magistrates) of Leiden"
g.pers("Modaeus")
g.pers("A. Hogerbeets")
g.date("Nonis Martii 1644", "1644-03-07")
g.pers("domino Hugoni Grotio", "Hugoni Grotio")
g.optional("christianissimum regem", ("persName",))
g.town("Parisios")  # where the letter went, not where it was written
g.corresp(
    ["A. Hogerbeets", "Hogerbeets"],
    None,
    "1644-03-07",
    ["domino Hugoni Grotio", "Hugoni Grotio"],
)
done(g)

# ---------------------------------------------------------------- Grotius to a correspondent the text does not
# name (grotius.huygens.knaw.nl, no. 837): the date before the place, the year in Roman numerals.
g = G("grotius_1623-06-11_ad-ignotum.txt")
g.pers("Principi Mauritio", "Mauritio")
g.optional("Legatum Regis Britanniarum", ("persName",))
g.optional("Regis Britanniarum", ("persName",))
g.optional("Britanniarum", ("placeName", "orgName"))
g.pers("Principem Mauritium", "Mauritium")
g.pers("Ophovius Prior", "Ophovius")
g.town("Heusdae")
g.pers("Puteanis")  # "Nob. fratribus Puteanis", the brothers Dupuy
g.date("11 Iunii MDCXXIII", "1623-06-11")
g.town("Balagniaci")
g.pers("H. Grotius")
g.corresp(["H. Grotius", "Grotius"], ["Balagniaci"], "1623-06-11", None)
done(g)

# ---------------------------------------------------------------- Spinoza to Oldenburg, Ep. 6 (spinozaetnous.org),
# opening: the Opera posthuma's heading, the addressee in the dative and the writer's initials
# "B. d. S." above the text; no place and no date in the text (1661 is the editors').
g = G("spinoza_1661_ad-oldenburgium.txt")
g.pers("Roberti Boyle")
g.pers("Henr. Oldenburgio")
g.pers("B. d. S.")
g.pers("Boylii")
g.corresp(["B. d. S."], None, None, ["Henr. Oldenburgio"])
done(g)

# ---------------------------------------------------------------- Linnaeus to Bäck (linnaeus.c18.net, L1757):
# the site's heading as title; the salutation "Amplissimo D[omi]no BAECK S[alutem] pl[urimam]
# d[icit] C[arolus] Linnaeus." with the editor's brackets; "Dabam Upsaliae ..." at the end.  The
# Swedish outer address after the dateline is left out.
g = G("linnaeus_1754-05-25_ad-baeck.txt")
g.pers("Carl Linnaeus")
g.pers("Abraham Bäck")
g.date("25 May 1754", "1754-05-25")
g.pers("D[omi]no BAECK", "BAECK")
g.pers("C[arolus] Linnaeus")
g.optional("Ser[ernissimi] Regis", ("persName",))
g.optional("ferias pentecostes", ("date",))  # Whitsun 1754 (2 June), not a date as written
g.town("Ulriksdaliae")
g.town("Upsaliam")
g.pers("D[omino] Schroeder", "Schroeder")
g.town("Gotsundam")
g.town("Upsaliae")
g.date("d[ie] 25 maj[i] 1754", "1754-05-25")
g.corresp(
    ["Carl Linnaeus", "C[arolus] Linnaeus", "Linnaeus"],
    ["Upsaliae"],
    "1754-05-25",
    ["Abraham Bäck", "D[omi]no BAECK", "BAECK"],
)
done(g)

print("total (non-optional):", TOTAL)
