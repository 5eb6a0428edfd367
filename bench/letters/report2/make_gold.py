#!/usr/bin/env python3
"""Writes NAME.gold.json beside each letter of the REPORT2 set (held out; see SOURCES.md).

Conventions as ../tune/make_gold.py: a named person is persName, a title before the name one loose
span whose core is the name; offices standing alone and places inside titles or names of bodies
are optional; forms of address are not marked.  Dates: `when` is the day the text gives
(Gregorian); an editor's bracketed year counts as given.  `corresp` is what the text (title line
included) says of the letter.  The gold was made by reading the texts.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from goldlib import TOTAL, Gold, done  # noqa: E402


def G(name: str) -> Gold:
    lang = "de" if "_an-" in name else "fr"
    return Gold(HERE / lang, name)


def outside(g: Gold, inner: str, outer: str):
    """keep= for occurrences of `inner` that are not part of an occurrence of `outer`."""
    spans = [(a, a + len(outer)) for a in g.occ(outer)]
    return lambda a: not any(s <= a and a + len(inner) <= e for s, e in spans)


# ---------------------------------------------------------------- German

g = G("lessing_1758-03-14_an-kleist.txt")
g.pers("Gotthold Ephraim Lessing")
g.pers("Ewald von Kleist")
g.optional("Bataillon Garde", ("orgName",))
g.town("Breßlau")
g.pers("Gottscheden")
g.pers("Gleims")
g.optional("Könige", ("persName",))
g.optional("Gott", ("persName",))
g.pers("Gleim")
g.pers("Gottsched")
g.pers("Leßing")
g.town("Leipzig")
g.date("14 März 1758", "1758-03-14")
g.corresp(["Gotthold Ephraim Lessing", "Leßing"], ["Leipzig"], "1758-03-14", ["Ewald von Kleist"])
done(g)

g = G("novalis_1798-07-20_an-friedrich-schlegel.txt")
g.pers("Novalis")
g.pers("Friedrich von Schlegel")
g.town("Töplitz")
g.date("20sten Julius 1798", "1798-07-20")
g.optional("Meister", ("persName",))  # Wilhelm Meister, the novel
g.optional("Hemsterhuisischen", ("persName",))
g.pers("Schelling")
g.corresp(["Novalis"], ["Töplitz"], "1798-07-20", ["Friedrich von Schlegel"])
done(g)

g = G("caroline_1799-10-05_an-luise-gotter.txt")
g.pers("Caroline von Schelling")
g.pers("Luise Gotter")
g.town("Jena", n=2)
g.date("5 Oct. 1799", "1799-10-05")
g.pers("Seidler")
g.pers("Augustens")
g.town("Dessau")
g.pers("Tischbeins", n=2)
g.pers("Tiek")
g.town("Berlin")
g.pers("Hardenberg")
g.optional("Braunschweiger", ("placeName", "persName"))
g.pers("Luise", n=1)
g.corresp(["Caroline von Schelling"], ["Jena"], "1799-10-05", ["Luise Gotter"])
done(g)

g = G("hebel_1823-12-20_an-gustave-fecht.txt")
g.pers("GUSTAVE FECHT")
g.pers("Herrn Lepper", "Lepper")
g.pers("Herr Lepper", "Lepper")
g.pers("Lepper", n=1)
g.town("Heidelberg")
g.town("Wisleth", n=3)
g.town("Belchen")
g.optional("Bläsischafner", ("persName",))
g.town("Pfalz", n=2)
g.town("Oberland")
g.pers("Hebel")
g.date("20. Dec[ember 1823]", "1823-12-20")
g.corresp(["Hebel"], None, "1823-12-20", ["GUSTAVE FECHT"])
done(g)

g = G("boie_1774-02-10_an-klopstock.txt")
g.pers("Heinrich Christian Boie")
g.pers("Klopstock", n=2)
g.town("Göttingen", n=3)
g.date("10. Febr. 1774", "1774-02-10")
g.town("Hamburg", n=2)
g.pers("Frau v. W.", "v. W.")
g.town("Celle")
g.town("Hannover")
g.pers("Voß", n=2)
g.pers("Hölty", n=2)
g.pers("Cramer")
g.pers("Gerstenberg")
g.pers("Hahn")
g.pers("Miller")
g.corresp(["Heinrich Christian Boie"], ["Göttingen"], "1774-02-10", ["Klopstock"])
done(g)

g = G("kiesewetter_1790-04-20_an-kant.txt")
g.pers("Kiesewetter")
g.pers("Kant")
g.town("Berlin")
g.date("20ten Aprill 1790", "1790-04-20")
g.pers("HE. de la Garde", "de la Garde")
g.pers("Herr la Garde", "la Garde")
g.pers("Grafen von Schulenburg", "von Schulenburg")
g.optional("Ministers", ("persName",))
g.optional("Minister", ("persName",))
g.corresp(["Kiesewetter"], ["Berlin"], "1790-04-20", ["Kant"])
done(g)

# ---------------------------------------------------------------- French

g = G("rousseau_1762-06-07_a-m.txt")
g.optional("M. M***", ("persName",))
g.optional("M***", ("persName",))
g.town("Montmorenci")
g.date("7 juin 1762", "1762-06-07")
g.org("Parlement de Paris", n=2)
g.town("Paris", keep=outside(g, "Paris", "Parlement de Paris"), n=1)
g.optional("Paris", ("placeName",))
g.org("Jésuites")
g.place("France")
g.optional("Dieu", ("persName",))
g.pers("Jean-Jaques")
g.town("Geneve")
g.place("Hollande")
g.org("Etats-Généraux")
g.corresp(["Jean-Jaques"], ["Montmorenci"], "1762-06-07", ["M. M***", "M***"])
done(g)

g = G("marie-antoinette_1770-07-12_a-marie-therese.txt")
g.pers("Impératrice Marie-Thérèse", "Marie-Thérèse")
g.date("1770, 12 juillet", "1770-07-12")
g.pers("Mercy")
g.pers("Forcheron")
g.town("Gratz")
g.optional("Empereur", ("persName",))
g.corresp(None, None, "1770-07-12", ["Impératrice Marie-Thérèse", "Marie-Thérèse"])
done(g)

g = G("diderot_1770-11-20_a-mlle-volland.txt")
g.pers("Diderot")
g.pers("Mademoiselle Volland", "Volland")
g.town("Paris", n=2)
g.date("20 novembre 1770", "1770-11-20")
g.town("Grandval")
g.optional("la Saint-Martin", ("date",))
g.optional("Saint-Martin", ("date", "persName"))
g.optional("Baron", ("persName",))
g.pers("prince de Galitzin", "Galitzin")
g.pers("Grimm")
g.corresp(["Diderot"], ["Paris"], "1770-11-20", ["Mademoiselle Volland", "Volland"])
done(g)

g = G("chateaubriand_1803-06-17_a-joubert.txt")
g.pers("M. JOUBERT", "JOUBERT")
g.town("Turin")
g.date("17 juin 1803", "1803-06-17")
g.org("Académie de Lyon", "Académie")
g.town("Lyon", keep=outside(g, "Lyon", "Académie de Lyon"), n=2)
g.optional("Lyon", ("placeName",))
g.pers("Fontanes")
g.town("abbaye des Deux-Amants", loose=True, core="Deux-Amants")
g.pers("J.-J. Rousseau")
g.town("Saône")
g.optional("Arar", ("placeName",))
g.corresp(None, ["Turin"], "1803-06-17", ["M. JOUBERT", "JOUBERT"])
done(g)

g = G("stael_1813-11-30_a-schlegel.txt")
g.pers("Anne Louise Germaine de Staël-Holstein")
g.pers("August Wilhelm von Schlegel")
g.date("30 novembre [1813]", "1813-11-30")
g.optional("Dieu", ("persName",))
g.place("Allemagne")
g.town("Hanovre")
g.town("Berlin")
g.corresp(
    ["Anne Louise Germaine de Staël-Holstein"], None, "1813-11-30", ["August Wilhelm von Schlegel"]
)
done(g)

g = G("fenelon_1699-06-01_a-m.txt")
g.optional("M***", ("persName",))
g.optional("LE DOYEN DE MAUBEUGE", ("persName",))
g.optional("MAUBEUGE", ("placeName",))
g.town("Cambray")
g.date('1" juin [1699]', "1699-06-01")
g.org("chapitre de Maubeuge", "Maubeuge")
g.optional("Maubeuge", ("placeName",))
g.optional("cour", ("orgName",))
g.optional("M. le gouverneur du pays", ("persName",))
g.optional("M. l'intendant", ("persName",))
g.corresp(None, ["Cambray"], "1699-06-01", ["M***", "LE DOYEN DE MAUBEUGE"])
done(g)

print("TOTAL", TOTAL)
