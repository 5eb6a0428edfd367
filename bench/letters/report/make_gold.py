#!/usr/bin/env python3
"""Writes NAME.gold.json beside each letter of the letters REPORT set (held out; see README.md).

Conventions as ../tune/make_gold.py.  A signature that is an initial ("G.", "Sch.") is an
optional persName but is the sender the text gives.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from goldlib import TOTAL, Gold, done  # noqa: E402

LANGUAGE = {
    "bauernfeld": "de",
    "humboldt": "de",
    "goethe": "de",
    "schiller": "de",
    "friedrich": "de",
    "brahe": "la",
    "kepler": "la",
}


def G(name: str) -> Gold:
    """The letter NAME in its language's folder (each folder is a collection with its language)."""
    lang = "la" if name.startswith("leibniz_1698") else LANGUAGE.get(name.split("_")[0], "fr")
    return Gold(HERE / lang, name)


# ---------------------------------------------------------------- Goethe's letters (zeno.org, Weimar edition IV.14)

g = G("goethe_1799-01-02_an-cotta.txt")
g.pers("Johann Friedrich Cotta")
g.pers("Herrn Gädicke", "Gädicke")
g.optional("Ostern", ("date",))
g.optional("Piccolomini", ("persName",))
g.date("30. Jan.", "1799-01-30")
g.optional("allgemeine Zeitung", ("orgName",))
g.optional("Faust", ("persName",))
g.town("Weimar")
g.date("2. Jan. 1799", "1799-01-02")
g.optional("G.", ("persName",))
g.corresp(["G."], ["Weimar"], "1799-01-02", ["Johann Friedrich Cotta"])
done(g)

g = G("goethe_1799-01-02_an-schiller.txt")
g.pers("Friedrich Schiller")
g.town("Weimar")
g.date("2. Januar 1799", "1799-01-02")
g.optional("G.", ("persName",))
g.corresp(["G."], ["Weimar"], "1799-01-02", ["Friedrich Schiller"])
done(g)

g = G("goethe_1799-01-05_an-schiller.txt")
g.pers("Friedrich Schiller")
g.town("Weimar")
g.date("5. Jan. 1799", "1799-01-05")
g.optional("G.", ("persName",))
g.corresp(["G."], ["Weimar"], "1799-01-05", ["Friedrich Schiller"])
done(g)

g = G("schiller_1795-08-22_an-goethe.txt")  # wissen-im-netz.info
g.pers("Friedrich Schiller")
g.pers("Wolfgang von Goethe")
g.date("22 Aug.", "1795-08-22")  # the year is the editor's bracket "[Sonnabend 1795]"
g.optional("Freitag", ("date",))
g.optional("Sonnabend", ("date",))
g.optional("Sonnabend 1795", ("date",))
g.town("Weimar")
g.optional("Litteratur Zeitung", ("orgName",))
g.pers("Cottaen")
g.optional("Apollo", ("persName",))
g.optional("Herders", ("persName",))
g.pers("Humboldt")
g.optional("Horen", ("orgName",))
g.optional("Meister", ("persName",))
g.optional("Sch.", ("persName",))
g.corresp(["Sch.", "Friedrich Schiller"], None, "1795-08-22", ["Wolfgang von Goethe"])
done(g)

# ---------------------------------------------------------------- Friedrich der Große, Briefe (projekt-gutenberg.org)

g = G("friedrich_1775-12-28_an-prinz-heinrich.txt")
g.pers("Prinz Heinrich", "Heinrich")
g.town("Potsdam")
g.date("28. Dezember 1775", "1775-12-28")
g.pers("Woolston")
g.optional("Voltaires", ("persName",))
g.pers("Machiavell")
g.optional("Gressets", ("persName",))
g.town("Berlin")
g.corresp(None, ["Potsdam"], "1775-12-28", ["Prinz Heinrich", "Heinrich"])
done(g)

g = G("friedrich_1778-03-05_an-prinz-heinrich.txt")
g.pers("Prinz Heinrich", "Heinrich")
g.town("Potsdam")
g.date("5. März 1778", "1778-03-05")
g.optional("Don Quichote", ("persName",))
g.place("Österreich", n=2)
g.place("Deutschland")
g.corresp(None, ["Potsdam"], "1778-03-05", ["Prinz Heinrich", "Heinrich"])
done(g)

# ---------------------------------------------------------------- Frédéric le Grand (friedrich.uni-trier.de)

g = G("frederic_1749-07-19_au-prince-de-prusse.txt")
g.optional("PRINCE DE PRUSSE", ("persName",))
g.optional("PRUSSE", ("placeName",))
g.town("BERLIN")
g.town("Potsdam")
g.date("19 juillet 1749", "1749-07-19")
g.pers("Henri")
g.pers("comte de Saxe")
g.optional("Saxe", ("placeName",))
g.town("Dresde")
g.place("Suède")
g.pers("Federic")
g.corresp(["Federic"], ["Potsdam"], "1749-07-19", ["PRINCE DE PRUSSE"])
done(g)

g = G("dalembert_1783-07-13_au-roi.txt")
g.town("Louvre")
g.date("13 juillet 1783", "1783-07-13")
g.pers("M. le baron d'Escherny", "baron d'Escherny")
g.town("Neufchâtel")
g.pers("mylord Marischal", "Marischal")
g.corresp(None, ["Louvre"], "1783-07-13", None)
done(g)

# ---------------------------------------------------------------- Franklin Papers, letters in French (franklinpapers.org)

g = G("franklin_1778-04-09_despagne.txt")
g.pers("d’Espagne")
g.town("paris")
g.date("9 avril 1778", "1778-04-09")
g.org("Societé Royalle dagriculture")
g.optional("Bureau de cette ville", ("orgName",))
g.optional("provinces unies de lamérique", ("placeName", "orgName"))
g.pers("Monsieur De Maurepas", "De Maurepas")
g.place("hollande")
g.optional("Roy", ("persName",))
g.pers("DEspagne")
g.town("Rue St. Andre")
g.corresp(["DEspagne", "d’Espagne"], ["paris"], "1778-04-09", None)
done(g)

# ---------------------------------------------------------------- Leibniz (fr.wikisource.org, Gerhardt; books.google, Foucher de Careil)

g = G("leibniz_1675-11-02_a-galloys.txt")
g.pers("Leibniz")
g.pers("Galloys")
g.town("Paris")
g.date("2. Novembr. 1675", "1675-11-02")
g.pers("Mons. le Duc de Cheureuse", "Duc de Cheureuse")
g.optional("Cheureuse", ("placeName",))
g.corresp(["Leibniz"], ["Paris"], "1675-11-02", ["Galloys"])
done(g)

g = G("leibniz_1698-12-27_ad-fabricium.txt")
g.pers("LEIBNIZIUS")
g.pers("FABRICIUM")
g.town("Hanoveranæ")
g.date("27 déc. 1698", "1698-12-27")
g.pers("CALVINUS")
g.town("Romæ")
g.corresp(["LEIBNIZIUS"], ["Hanoveranæ"], "1698-12-27", ["FABRICIUM"])
done(g)

# ---------------------------------------------------------------- other sources

g = G("dutheil_1796-09-17_a-la-marquise.txt")  # chadbourneantique.com
g.pers("Dutheil", n=2)
g.pers("marquise de la Palun")
g.town("Londres")
g.date("17 7bre 1796", "1796-09-17")
g.optional("Roi", ("persName",))
g.optional("Monsieur", ("persName",))
g.optional("Sa Majesté", ("persName",))
g.corresp(["Dutheil"], ["Londres"], "1796-09-17", ["marquise de la Palun"])
done(g)

g = G("washington_1817-02-25_lettre-du-depute.txt")  # books.google (Ty-l81b26dsC)
g.town("Philadelphie")
g.town("Washington", keep=lambda a: not g.text.startswith("Washington city", a))
g.town("Washington city")
g.org("congrès", n=2)
g.date("25 février 1817", "1817-02-25")
g.optional("3 de ce mois", ("date",))
g.optional("21 de ce mois", ("date",))
g.optional("juillet dernier", ("date",))
g.org("sénat")
g.org("chambre des représentans")
g.optional("président", ("persName",))
g.pers("M. Claye", "Claye")
g.corresp(None, ["Washington city", "Washington"], "1817-02-25", None)
done(g)

g = G("kepler_1610-08-09_ad-horkium.txt")  # goobi.tib.eu, Kepler, Opera omnia, ed. Frisch, vol. 2
g.pers("Keplerus")
g.pers("Horkium")
g.pers("D. Marci Welseri", "Marci Welseri")
g.optional("Lutheri", ("persName",))
g.pers("Galilaeum")
g.optional("regis Hispaniarum", ("persName",))
g.optional("Hispaniarum", ("placeName",))
g.date("IX. Aug. 1610", "1610-08-09")
g.corresp(["Keplerus"], None, "1610-08-09", ["Horkium"])
done(g)

print("total (non-optional):", TOTAL)
