#!/usr/bin/env python3
"""Writes NAME.gold.json beside each letter of the tune3 German set (de/).

Conventions as ../tune/make_gold.py: a named person is persName, with a title before the name as
one loose span whose core is the name ("Herrn Cammerherrn von der Lühe", "Herr von Behr");
offices and titles standing alone ("Herrn Herzog", "Erbprinzens") are optional; forms of address
("Gnädigster Herzog", "Theuerster Herr Hof- und Legations-Rat", "Lieber Bruder") are not marked;
nationality words and demonyms ("die Hamburger") are not names; titles of works ("Kallias",
"Werther", "Kohlhaas") are optional as persName.  Dates: `when` is the day the text gives
(Gregorian: Protestant Germany after 1700); a yearless date takes the letter's year (or the year
the text points to: "des vorigen Jahrs"); a weekday alone, a feast day without a year and a date
whose year the text does not give are optional.  `corresp` is what the text (title line included)
says of the letter (see ../goldlib.py).
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from goldlib import TOTAL, Gold, done  # noqa: E402


def G(name: str) -> Gold:
    return Gold(HERE / "de", name)


# Jean Paul to Duke August of Saxe-Gotha (acdh-tool-gallery jean-paul-briefe-static, Berend's
# edition III.5 no. 2); title ours from the site's heading without its place and date: the
# dateline stands at the end, on one line with the closing "Ihrer Durchlaucht".
g = G("jeanpaul_1804-08-16_an-august-leopold-emil.txt")
g.pers("Jean Paul")
g.pers("August Leopold Emil")
g.town("Bayreuth", n=2)
g.town("Coburg")
g.town("Gotha")
g.date("16 Aug. 1804", "1804-08-16")
g.pers("J. P. F. Richter")
g.corresp(["J. P. F. Richter", "Jean Paul"], ["Bayreuth"], "1804-08-16", ["August Leopold Emil"])
done(g)

# Schiller to Körner (friedrich-schiller-archiv.de; title the site's heading); "[Freitag]" is
# the editor's; signed by an initial.
g = G("schiller_1793-01-11_an-koerner.txt")
g.pers("Schiller")
g.pers("Gottfried Körner")
g.date("11. Januar 1793", "1793-01-11")
g.town("Jena")
g.date("11. Jan. [Freitag] 1793", "1793-01-11")
g.pers("Körner", n=1)  # "lieber Körner"
g.optional("Kallias", ("persName",))  # his work in progress
for name in ("Burke", "Sulzer", "Webb", "Mengs", "Winkelmann", "Home", "Batteux", "Wood"):
    g.pers(name)
g.pers("Mendelssohn")
g.pers("Raphael")
g.pers("Correggio")
g.optional("Ostern", ("date",))
g.town("Leipzig")
g.pers("Minna")
g.pers("Dorchen")
g.pers("Emma")
g.pers("S.")
g.corresp(["S.", "Schiller"], ["Jena"], "1793-01-11", ["Gottfried Körner", "Körner"])
done(g)

# Lichtenberg to Dieterich (projekt-gutenberg.org lichtenb/briefe chap005), the opening; title
# ours; "[Hannover]" is the editor's place.
g = G("lichtenberg_1771-12-29_an-dieterich.txt")
g.pers("Lichtenberg")
g.pers("Johann Christian Dieterich")
g.town("Hannover")
g.optional("Sonntags", ("date",))
g.date("29ten Dezember 1771", "1771-12-29")
g.pers("Dietrich")  # "Mein lieber Dietrich": the addressee
g.pers("Herr von Behr", "von Behr")
g.town("Einbeck")
g.optional("Gott", ("persName",))
g.pers("Herrn Großvogt von Lenthe", "von Lenthe")
g.optional("Universität", ("orgName",))  # Göttingen's, not named
g.date("26. November", "1770-11-26")  # "des vorigen [Jahrs]"
g.date("26ten Dezember", "1771-12-26")  # "dieses Jahrs"
g.town("Göttingen", n=2)
g.corresp(
    ["Lichtenberg"],
    ["Hannover"],
    "1771-12-29",
    ["Johann Christian Dieterich", "Dietrich"],
)
done(g)

# Heine to Moses Moser (projekt-gutenberg.org antholog/freubrie chap293; title the edition's
# heading), the opening; the place is "Verdammtes Hamburg".
g = G("heine_1825-12-14_an-moser.txt")
g.pers("Heine")
g.pers("Moses Moser")
g.town("Hamburg")
g.date("14. Dezember 1825", "1825-12-14")
g.pers("Moses", n=2)  # "Teurer Moses!", "lieber Moses"
g.optional("ABCstraße", ("placeName",))  # a street
g.optional("Weihnacht", ("date",))
g.optional("Werther", ("persName",))
g.optional("Kohlhaas", ("persName",))
g.pers("Heinrich von Kleist")
g.corresp(["Heine"], ["Hamburg", "Verdammtes Hamburg"], "1825-12-14", ["Moses Moser", "Moses"])
done(g)

# Wieland to Merck (projekt-gutenberg.org antholog/freubrie chap067; title the edition's
# heading), the opening; "Jenner 78" a two-digit year, the addressee "Lieber M.".
g = G("wieland_1778-01-26_an-merck.txt")
g.pers("Wieland")
g.pers("Johann Heinrich Merck")
g.town("Weimar", n=2)
g.date("26. Jenner 78", "1778-01-26")
g.pers("M.")
g.optional("Gott", ("persName",))
g.date("24ten dies.", "1778-01-24")  # "dieses [Monats]"
g.pers("Frau Aja", "Aja")  # Goethe's mother
g.pers("Böllings")
g.pers("Sophie")
g.pers("Adelaide")
g.pers("Göthe")
g.optional("Herzog", ("persName",))
g.optional("Merkur", ("orgName",))  # the journal
g.corresp(["Wieland"], ["Weimar"], "1778-01-26", ["Johann Heinrich Merck", "M."])
done(g)

# Jacob Grimm, aged eight, to his brother (Rölleke's edition of the brothers' letters, no. 1, as
# yumpu.com shows it; line numbers and the editor's heading left out, title ours); "8br" is
# October.
g = G("grimm_1793-10-07_an-wilhelm.txt")
g.pers("Jacob Grimm", n=2)
g.pers("Wilhelm Grimm")
g.town("Steinau")
g.date("7 8br 1793", "1793-10-07")
g.optional("Vater", ("persName",))
g.optional("Freitag", ("date",))
g.pers("Seelig")
g.optional("Jud Seelig", ("persName",))
g.optional("Mutter", ("persName",))
g.corresp(["Jacob Grimm"], ["Steinau"], "1793-10-07", ["Wilhelm Grimm"])
done(g)

# Rudorf to a court and legation councillor, in fact J. J. C. Bode in Weimar (FactGrid D-Q3824,
# the Schwedenkiste papers; the note numbers left out, title ours): no addressee name in the
# text, place and date at the end after the signature.
g = G("rudorf_1783-12-10_an-einen-legationsrat.txt")
g.pers("Friedrich Christian Rudorf", n=2)
g.optional("Herrn Herzog", ("persName",))
g.optional("Herzog", ("persName",))
g.date("23sten Novem.", "1783-11-23")
g.optional("Erbprinzens", ("persName",))
g.pers("Herrn Cammerherrn von der Lühe", "von der Lühe")
g.optional("Herr Hofrath", ("persName",))  # "Bester Herr Hofrath!": a form of address
g.town("Gotha")
g.date("10den Dezembr. 1783", "1783-12-10")
g.corresp(["Friedrich Christian Rudorf"], ["Gotha"], "1783-12-10", None)
done(g)

# Hölderlin to his mother from the tower, about 1825 (hs-augsburg.de Bibliotheca Augustana,
# Beißner's edition; title the site's heading): no place and no date in the text.
g = G("hoelderlin_1825_an-die-mutter.txt")
g.pers("Hölderlin", n=2)
g.pers("Johanna Christina Gock")
g.corresp(["Hölderlin"], None, None, ["Johanna Christina Gock"])
done(g)

print("total (non-optional):", TOTAL)
