#!/usr/bin/env python3
"""Writes NAME.gold.json beside each letter of the tune4 German set (de/).

Conventions as ../tune/make_gold.py and ../tune3/make_gold_de.py: a named person is persName, with
a title before the name as one loose span whose core is the name ("Hrn. Molbech", "Herr Hauptmann
v. Hopffgarten", "Hl Prof. Kästner"); offices and titles standing alone ("KammerGerichtsRat",
"Herzog", "Baron") and a person named by a title with a place ("Herzogin von Cumberland") are
optional; forms of address ("mein Hochverehrtester Freund", "Gnädige Frau", "Hochgebohrne
Freÿherren") are not marked, but a name inside one is ("lieber Tiedge"); titles of works
("Phantasus", "Eginhard", "Nachtgedichte") are optional as persName.  Dates: `when` is the day the
text gives (Gregorian: Protestant Germany and Holstein after 1700); a yearless date takes the
letter's year.  `corresp` is what the text (title line included) says of the letter (see
../goldlib.py).  The gold was made by reading the texts.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from goldlib import TOTAL, Gold, done  # noqa: E402


def G(name: str) -> Gold:
    return Gold(HERE / "de", name)


# E. T. A. Hoffmann to Tieck (etahoffmann.staatsbibliothek-berlin.de, portfolio-item/tieck; title
# ours, the page's heading being the addressee's name): "D." in the date line is "den"; the
# Danish historian Molbech is "den interessanten Norden".
g = G("hoffmann_1820-08-19_an-tieck.txt")
g.pers("Hoffmann", n=2)
g.pers("Ludwig Tieck")
g.town("Berlin")
g.date("19 August 1820", "1820-08-19")
g.pers("Hrn. Molbech", "Molbech")
g.optional("Norden", ("persName", "placeName"))
g.optional("KammerGerichtsRat", ("persName",))
g.pers("Hrn. p Kühne", "Kühne")
g.town("Hamburg")
g.optional("Phantasus", ("persName",))  # Tieck's collection
g.corresp(["Hoffmann"], ["Berlin"], "1820-08-19", ["Ludwig Tieck"])
done(g)

# Hoffmann, as judge of the Kammergericht, to Helmina von Chézy (same site, portfolio-item/chezy,
# the first of the letters there; the site's date heading "〈10. September 1816.〉" left out,
# title ours): the salutation runs into the first paragraph; place, street and date at the foot
# after the signature; "Krim〈inal〉Rat" the editor's brackets.
g = G("hoffmann_1816-09-10_an-chezy.txt")
g.pers("Hoffmann", keep=lambda a: a < 20)  # the title
g.pers("Helmina von Chézy")
g.org("KammerGericht", n=2)
g.optional("TerminSaal", ("placeName", "orgName"))
g.optional("LazaretVerwaltung", ("orgName",))
g.pers("Krim〈inal〉Rat Hitzig", "Hitzig")
g.pers("KammerGerichtsRat Hoffmann", "Hoffmann")
g.town("Berlin")
g.optional("Taubenstraße No 31", ("placeName",))
g.optional("Taubenstraße", ("placeName",))
g.date("10 Septbr: 1816", "1816-09-10")
g.corresp(
    ["KammerGerichtsRat Hoffmann", "Hoffmann"], ["Berlin"], "1816-09-10", ["Helmina von Chézy"]
)
done(g)

# Zelter to Goethe (derpostmann.blogspot.com, the Goethe-Zelter correspondence; title the blog's
# heading, with a date of its own): a second date ("Den 7. April.") where the letter was taken
# up again; signed by an initial.
g = G("zelter_1820-04-01_an-goethe.txt")
g.pers("Goethe")
g.date("01.04.1820", "1820-04-01")
g.town("Berlin", n=2)
g.date("1. April 1820", "1820-04-01")
g.optional("Karfreitagsmusik", ("date",))
g.date("23. März", "1820-03-23")
g.optional("Herzogin von Cumberland", ("persName",))
g.optional("Cumberland", ("placeName",))
g.optional("Herzog", ("persName",))
g.date("7. April", "1820-04-07")
g.pers("Herr Hauptmann v. Hopffgarten", "v. Hopffgarten")
g.pers("Z.")
g.corresp(["Z."], ["Berlin"], "1820-04-01", ["Goethe"])
done(g)

# Seume to Tiedge (projekt-gutenberg.org seume/klschri chap013, printed in the Taschenbuch
# Minerva for 1811), the opening; title ours, the editor's note above the date line left out.
g = G("seume_1810-05-16_an-tiedge.txt")
g.pers("Seume")
g.pers("Tiedge", n=2)  # the title and "lieber Tiedge"
g.town("Leipzig")
g.date("16. Mai 1810", "1810-05-16")
g.town("Syrakus")
g.town("Weimar")
g.town("Gohlis")
g.town("Raschwitz")
g.town("Störmenthal")
g.town("Poserne")
g.corresp(["Seume"], ["Leipzig"], "1810-05-16", ["Tiedge"])
done(g)

# Gleim's last letter, to Klopstock (literarischebriefe.de, from Ilse Linden's anthology of last
# letters; title ours): no signature on the page; the dashes are the page's.
g = G("gleim_1803-01-24_an-klopstock.txt")
g.pers("Gleim", n=2)  # the title and "vom alten Gleim"
g.pers("Klopstock", n=5)
g.town("Halberstadt")
g.date("24. Jan. 1803", "1803-01-24")
g.optional("Muse", ("persName",))
g.optional("Nachtgedichten", ("persName",))  # his poems
g.pers("Victor")
g.pers("Reimarus")  # "die drei Reimarus"
g.town("Harn")  # "die Freundin zu Harn"
g.optional("Tante Nichte", ("persName",))  # his niece, by her house name
g.corresp(["Gleim"], ["Halberstadt"], "1803-01-24", ["Klopstock"])
done(g)

# Kerner to Uhland (projekt-gutenberg.org antholog/freubrie chap277; title the edition's
# heading): three lines of verse before the first paragraph; the closing and the signature by an
# initial on two lines of one block.
g = G("kerner_1809-05-24_an-uhland.txt")
g.pers("Kerner")
g.pers("L. Uhland")
g.pers("Uhland", n=3)
g.town("Hamburg", n=2)
g.date("24. Mai 1809", "1809-05-24")
g.town("Tübingen")
g.optional("Eginhard", ("persName",))  # chapbooks
g.optional("Graf Walthern", ("persName",))
g.optional("Albertus Magnus", ("persName",))
g.pers("Varnhagen")
g.place("Württemberg")
g.town("Europa", "Asia", "Afrika", "Amerika", "Neuholland")
g.pers("K.")
g.corresp(["Kerner", "K."], ["Hamburg"], "1809-05-24", ["L. Uhland", "Uhland"])
done(g)

# Matthias Claudius to Herder (projekt-gutenberg.org antholog/freubrie chap071; title the
# edition's heading), the opening: the date line is the editor's, in round brackets, and gives a
# season and a year; "0 du" (for "O du") as printed.
g = G("claudius_1771_an-herder.txt")
g.pers("Matthias Claudius")
g.pers("Herder", n=2)  # the title and "Mein lieber Herder!"
g.town("Wandsbeck")
g.add("date", "Spätjahr 1771", when="1771", loose=True, core="1771")
g.optional("Adreßblatt", ("orgName",))  # the Hamburg Adreß-Comptoir-Nachrichten he edited
g.optional("Baron", ("persName",))  # Schimmelmann, not named
g.optional("Elysium", ("placeName",))
g.optional("Jerusalem", ("placeName",))
g.optional("T**", ("persName",))  # the devil
g.corresp(["Matthias Claudius"], ["Wandsbeck"], "1771", ["Herder"])
done(g)

# Pütter to the government of the Electorate of Hanover (astronomie-nuernberg.de, Briefwechsel
# Georg Moritz Lowitz, transcribed by Hans Gaab; title ours): the address of the body above the
# salutation; date and place between the closing and the signature; the note numbers and the
# folio markers left out ("eingent-[Bl. 10v]lich" joined), and the postscript, which the stored
# page breaks off, cut.  The addressee is a body, not a person: `received` is null.
g = G("puetter_1763-10-07_an-die-landesregierung.txt")
g.pers("Pütter", keep=lambda a: a < 10)
g.org("Landesregierung")
g.org(
    "Königlich Großbritannische Churfürstlich Braunschweig=Lüneburgische Landes=Regierung",
    "Landes=Regierung",
)
g.optional("Braunschweig=Lüneburgische Landes=Regierung", ("orgName",))
g.optional("Geheime Räthe", ("persName",))
g.date("28. Sept.", "1763-09-28")
g.pers("Hl Prof. Lowitz", "Lowitz")
g.pers("Hl Prof. Kästner", "Kästner", n=2)
g.optional("Observatorum", ("placeName", "orgName"))
g.pers("Herr Professor Lowitz", "Lowitz")
g.optional("Bülowischen", ("persName",))
g.optional("Bibliothec", ("orgName", "placeName"))
g.optional("Observatorio", ("placeName", "orgName"))
g.optional("Observatorii", ("placeName", "orgName"))
g.pers("Herr Prof. Lowitz", "Lowitz")
g.town("Göttingen")
g.date("7. Oct. 1763", "1763-10-07")
g.pers("Johann Stephan Pütter")
g.corresp(["Johann Stephan Pütter", "Pütter"], ["Göttingen"], "1763-10-07", None)
done(g)

print("total (non-optional):", TOTAL)
