#!/usr/bin/env python3
"""Writes NAME.gold.json beside each French letter of the FOURTH tuning batch (tune4/fr).

Conventions as ../tune/make_gold.py and ../tune3/make_gold_fr.py: a named person is persName,
with a title before the name as one loose span whose core is the name ("M. de Vaines",
"Père Bouhours"); offices and titles standing alone ("Votre Altesse"), and a place inside a
title, are optional; forms of address ("Monsieur", "Madame", "Mademoiselle", "mon cher
monsieur", "Cher ami") are not marked; nationality words are not names.  Places: towns,
villages, regions and named sites are g.town, states and countries g.place.  Dates: `when` is
the day the text gives; a yearless date takes the letter's year; a weekday alone and a date
whose year the text does not give are optional.  `corresp` is what the text (title line
included) says of the letter (see ../goldlib.py); a place named only as the addressee's
("à Montmorenci" in an address) is not the place of sending.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from goldlib import TOTAL, Gold, done  # noqa: E402


def G(name: str) -> Gold:
    return Gold(HERE / "fr", name)


# ---------------------------------------------------------------- Racine to Boileau
# deslettres.fr (the site's heading as title; its introduction left out); date above the place;
# the opening only (the page's text breaks off), so no signature.
g = G("racine_1696-04-04_a-boileau.txt")
g.pers("Jean Racine")
g.pers("Nicolas Boileau")
g.date("4 avril 1696", "1696-04-04")
g.town("Versailles")
g.pers("Père Bouhours", "Bouhours")
g.pers("P. Bouhours", "Bouhours")
g.optional("Compagnie", ("orgName",))  # the Society of Jesus, "sa Compagnie"
g.optional("jésuites", ("orgName",))
g.corresp(["Jean Racine", "Racine"], ["Versailles"], "1696-04-04", ["Nicolas Boileau", "Boileau"])
done(g)

# ---------------------------------------------------------------- Boileau to Racine
# fr.wikisource, Bouniol, Les rues de Paris, t. 2, p. 344: the book's heading in capitals, the
# date under it; the book's quotation marks left out; the opening only.
g = G("boileau_1693-06-01_a-racine.txt")
g.pers("BOILEAU")
g.pers("RACINE")
g.date("1 juin 1693", "1693-06-01")
g.pers("M. Charpentier", "Charpentier")
g.org("l’Académie", "Académie")
g.corresp(["BOILEAU"], None, "1693-06-01", ["RACINE"])
done(g)

# ---------------------------------------------------------------- La Fontaine to his (future) wife
# maitrelafontaine.fr; no date, no place; the salutation run into the first sentence.
g = G("lafontaine_sans-date_a-sa-femme.txt")
g.pers("La Fontaine", n=2)
g.corresp(["La Fontaine"], None, None, None)
done(g)

# ---------------------------------------------------------------- La Fontaine to the duchesse de Bouillon
# la-fontaine-ch-thierry.net; title ours (the page's heading is "A Madame la Duchesse de
# Bouillon"); undated; the page's note above the letter and its note numbers left out.
g = G("lafontaine_sans-date_a-la-duchesse-de-bouillon.txt")
g.pers("La Fontaine")
g.pers("la Duchesse de Bouillon", "Bouillon")
g.optional("Votre Altesse", ("persName",))
g.optional("Altesse", ("persName",))
g.pers("M. de La Haye", "La Haye")
g.town("Château-Thierry")
g.town("Paris")
g.pers("l'abbé de Chaulieu", "Chaulieu")
g.pers("Mlle de Lenclos", "Lenclos")
# he writes from Château-Thierry ("Me voici ... arrivé"), but no dateline says so
g.corresp(
    ["La Fontaine"], None, None, ["la Duchesse de Bouillon", "Duchesse de Bouillon", "Bouillon"]
)
done(g)

# ---------------------------------------------------------------- Lespinasse to Guibert
# fr.wikisource, Lettres de Mlle de Lespinasse (éd. Garnier), p. 274, LETTRE CV (title: its
# number); the time and year as dateline; the opening only.  Neither party is named.
g = G("lespinasse_1775_a-guibert.txt")
g.date("1775", "1775")
g.pers("M. de Vaines", "Vaines")
g.pers("M. d’Alembert", "d’Alembert")
g.org("l’Académie", "Académie", n=2)
g.pers("Bossuet")
g.pers("M. de Duras", "Duras")
g.corresp(None, None, "1775", None)
done(g)

# ---------------------------------------------------------------- Lespinasse to Mme du Deffand
# Google Books (html_text of id F6Q4zQEACAAJ, p. xcv): the edition's heading names writer,
# addressee and the addressee's place; a weekday and hour as dateline; the opening only (the
# page breaks off).  The OCR's displaced "estomac." is put back after "pour votre".
g = G("lespinasse_samedi_a-du-deffand.txt")
g.pers("Mademoiselle de Lespinasse", "Lespinasse")
g.pers("Madame la Marquise du Deffand", "du Deffand")
g.town("Montmorenci")
g.optional("Samedi", ("date",))
g.pers("Mademoiselle de Courton", "Courton", n=2)
g.pers("Mademoiselle Sanadon", "Sanadon", n=2)
g.town("Grosbois")
g.town("Thuileries")
g.optional("Lundi", ("date",))
g.pers("M. d'Alembert", "d'Alembert")
g.pers("Mad. de Boufflers", "Boufflers")
g.optional("l'hôtel de Luxembourg", ("placeName", "orgName"))
g.optional("hôtel de Luxembourg", ("placeName", "orgName"))
g.pers("Mad. la Duchesse de Boufflers", "Duchesse de Boufflers")
g.pers("Mademoiselle Amélie", "Amélie")
g.pers("Mad. de Châtillon", "Châtillon")
g.corresp(
    ["Mademoiselle de Lespinasse", "Lespinasse"],
    None,
    None,
    ["Madame la Marquise du Deffand", "Marquise du Deffand", "du Deffand"],
)
done(g)

# ---------------------------------------------------------------- Delacroix to Pierret
# correspondance-delacroix.fr (transcription modernisée), the site's heading as title; the
# editor's year in brackets; note numbers left out; the opening only, so no signature.
g = G("delacroix_1829-11-19_a-pierret.txt")
g.pers("Jean-Baptiste Pierret")
g.date("19 novembre 1829", "1829-11-19")
g.date("19 novembre [1829]", "1829-11-19")
g.optional("Dix-neuf du mois", ("date",))
g.pers("Goubaux")
g.pers("Thérèse")
g.corresp(None, None, "1829-11-19", ["Jean-Baptiste Pierret", "Pierret"])
done(g)

# ---------------------------------------------------------------- Mme de Charrière to Benjamin Constant
# fr.wikisource, Charrière, Caliste ou lettres écrites de Lausanne (1845), p. 330 (Sainte-Beuve's
# appendix "Lettres de Madame de Charrière à Benjamin Constant"); title ours; the opening only.
g = G("charriere_1794-10-11_a-constant.txt")
g.pers("Madame de Charrière", "Charrière")
g.pers("Benjamin Constant")
g.date("11 octobre 1794", "1794-10-11")
g.pers("madame de Staël", "Staël")
g.pers("Constantinus")
g.pers("M. de la R**", "la R**")
g.pers("M. de Ch.", "Ch.")
g.pers("M. de Charrière", "Charrière")
g.corresp(["Madame de Charrière", "Charrière"], None, "1794-10-11", ["Benjamin Constant"])
done(g)

print("total", TOTAL)
