#!/usr/bin/env python3
"""Writes NAME.gold.json beside each French letter of the THIRD tuning batch (tune3/fr).

Conventions as ../tune/make_gold.py: a named person is persName, with a title before the name as
one loose span whose core is the name ("M. le Comte Daru", "Mme de Grignan"); offices and titles
standing alone ("l'Impératrice", "Pair de France"), and a place inside a title, are optional;
forms of address ("Monsieur", "Mon amie", "Comte", "mon cher ami") are not marked; nationality
words are not names.  Places: towns, villages, regions and rivers are g.town, states and
countries g.place.  Dates: `when` is the day the text gives (Gregorian; the Republican date of
the Stendhal letter is given its Gregorian day, which the edition prints beside it); a yearless
date takes the letter's year; a weekday alone and a month alone are optional.  `corresp` is what
the text (title line included) says of the letter (see ../goldlib.py); an addressee named only
by an office ("l'Impératrice") is none, as for Condorcet's "M. le Président" in tune.
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from goldlib import TOTAL, Gold, done  # noqa: E402


def G(name: str) -> Gold:
    return Gold(HERE / "fr", name)


# ---------------------------------------------------------------- Sévigné to Bussy-Rabutin
# fr.wikisource, Lettres, éd. Monmerqué (Hachette, 1862), no. 104; the heading is the edition's,
# the line under it Bussy's own note in his copy; footnote numbers left out.
g = G("sevigne_1670-05-07_a-bussy.txt")
g.pers("MADAME DE SÉVIGNÉ", "SÉVIGNÉ")
g.pers("COMTE DE BUSSY RABUTIN", "BUSSY RABUTIN")
g.optional("la marquise", ("persName",))
g.optional("marquise", ("persName",))
g.town("Paris", n=1)
g.date("7e mai 1670", "1670-05-07")
g.pers("nièce de Bussy", "Bussy")
g.optional("président", ("persName",))
g.pers("M. de Corbinelli", "Corbinelli")
g.pers("Mme de Grignan", "Grignan")
g.corresp(
    ["MADAME DE SÉVIGNÉ", "SÉVIGNÉ"],
    ["Paris"],
    "1670-05-07",
    ["COMTE DE BUSSY RABUTIN", "BUSSY RABUTIN"],
)
done(g)

# ---------------------------------------------------------------- Napoléon to Joséphine
# bitlit.ru, Tendresses impériales (the Gutenberg text), letter LXVI; the address names the
# addressee's place (Saint-Cloud), the dateline the sender's; a postscript after the signature.
g = G("napoleon_1807-06-15_a-josephine.txt")
g.optional("l'Impératrice", ("persName",))
g.optional("Impératrice", ("persName",))
g.town("Saint-Cloud")
g.town("Friedland", keep=lambda a: a < 60)
g.date("15 juin 1807", "1807-06-15")
# battles named by their places
g.optional("bataille de Marengo", ("placeName", "orgName"))
g.optional("Marengo", ("placeName",))
g.optional("bataille de Friedland", ("placeName", "orgName"))
g.optional("Friedland", ("placeName",), keep=lambda a: a > 60)
g.optional("Austerlitz", ("placeName",))
g.optional("Iéna", ("placeName",))
g.pers("Napoléon")
g.pers("Cambacérès")
g.corresp(["Napoléon"], ["Friedland"], "1807-06-15", None)
done(g)

# ---------------------------------------------------------------- Stendhal to his sister Pauline
# fr.wikisource, Stendhal, Correspondance, t. 1 (Paupe et Chéramy, 1908), no. 1, the opening;
# title ours; the Republican date with the editor's Gregorian day in brackets.
g = G("stendhal_1800-03-09_a-pauline.txt")
g.pers("Stendhal")
g.pers("PAULINE")
g.pers("Pauline", n=2)
g.town("Paris")
g.date("18 Ventôse an VIII", "1800-03-09")
g.date("9 Mars 1800", "1800-03-09")
g.optional("Dimanche, 9 Mars 1800", ("date",))
g.optional("cet hiver", ("date",))
g.optional("diable", ("persName",))
g.org("l’Opéra", "Opéra")
g.pers("Beler")
g.pers("Adèle Rebuffel")
g.corresp(
    ["Stendhal"],
    ["Paris"],
    "1800-03-09",
    ["SA SŒUR PAULINE", "PAULINE", "Pauline", "sa sœur Pauline"],
)
done(g)

# ---------------------------------------------------------------- Stendhal (H. Beyle) to Daru
# livreslib.com, Souvenirs d'égotisme ... et lettres inédites, ed. Stryienski (1892), LXVI;
# the address (with the addressee's town, Paris) above the dateline; footnote numbers left out.
g = G("stendhal_1819-08-30_a-daru.txt")
g.pers("M. le Comte Daru", "Daru")
g.optional("Comte Daru", ("persName",))
g.optional("Pair de France", ("persName",))
g.optional("France", ("placeName", "orgName"), keep=lambda a: a < 40)
g.optional("Rue de Grenelle", ("placeName",))
g.optional("Rue de Grenelle, n. 82", ("placeName",))
g.optional("faubourg Saint-Germain", ("placeName",))
g.town("Paris", n=3)
g.town("Grenoble")
g.date("30 août 1819", "1819-08-30")
g.optional("en juin", ("date",))
g.optional("juin", ("date",))
g.optional("au mois d’avril", ("date",))
g.optional("avril", ("date",))
g.place("Italie")
g.place("France", keep=lambda a: a > 40)
g.town("Europe")
g.town("Milan")
g.pers("H. Beyle")
g.corresp(
    ["H. Beyle"],
    ["Grenoble"],
    "1819-08-30",
    ["M. le Comte Daru", "A M. le Comte Daru", "Comte Daru", "Daru"],
)
done(g)

# ---------------------------------------------------------------- George Sand to Madame Marliani
# fr.wikisource, Correspondance 1812-1876, t. 2 (Calmann Lévy, 1882), CCXXVIII, the opening;
# title ours; the address names the addressee's place (Orbec), the dateline the sender's.
g = G("sand_1843-10-02_a-marliani.txt")
g.pers("George Sand")
g.pers("Madame Marliani", "Marliani")
g.pers("MADAME MARLIANI", "MARLIANI")
g.town("ORBEC")
g.town("CALVADOS")
g.town("Nohant")
g.date("2 octobre 1843", "1843-10-02")
g.town("Creuse")
g.town("Alpes")
g.pers("Françoise")
g.town("Londres")
g.optional("Albion", ("placeName",))
g.optional("la perfide Albion", ("placeName",))
g.town("Normandie")
g.pers("Manoël")
g.town("Paris")
g.pers("Mendizabal", n=2)
g.pers("Pauline")
g.pers("Chopin")
g.town("Pyrénées")
g.place("Espagne")
g.pers("Christine")
g.corresp(
    ["George Sand"],
    ["Nohant"],
    "1843-10-02",
    ["Madame Marliani", "MADAME MARLIANI", "Marliani", "MARLIANI"],
)
done(g)

# ---------------------------------------------------------------- Madame Roland to Bosc
# fr.wikisource, Lettres de Madame Roland, ed. Perroud (Imprimerie nationale, 1900-1902), no. 344;
# title ours; the address and the place are the editor's, in brackets, the date before the place.
g = G("roland_1790-04-16_a-bosc.txt")
g.pers("Madame Roland", "Roland")
g.pers("Bosc")
g.pers("BOSC")
g.town("PARIS")
g.date("16 avril 1790", "1790-04-16")
g.town("Lyon", n=2)
g.corresp(["Madame Roland", "Roland"], ["Lyon"], "1790-04-16", ["BOSC", "Bosc"])
done(g)

# ---------------------------------------------------------------- Buffon to the abbé Le Blanc
# books.google, Correspondance inédite de Buffon, ed. H. Nadault de Buffon (Hachette, 1860), LI;
# no place; the editor's source note and a footnote number left out.
g = G("buffon_1755-11-26_a-le-blanc.txt")
g.pers("L'ABBÉ LE BLANC", "LE BLANC")
g.date("26 novembre 1755", "1755-11-26")
g.pers("Mme de Buffon", "Buffon")
g.pers("M. Duclos", "Duclos")
g.optional("secrétaire de l'Académie", ("persName",))
g.org("l'Académie", "Académie")
g.optional("Compagnie", ("orgName",))
g.optional("la Compagnie", ("orgName",))
g.pers("MM. Daubenton", "Daubenton")
g.pers("M. Gagnard", "Gagnard")
g.pers("M. de La Bonnerie", "La Bonnerie")
g.pers("BUFFON")
g.corresp(
    ["BUFFON"],
    None,
    "1755-11-26",
    ["L'ABBÉ LE BLANC", "ABBÉ LE BLANC", "LE BLANC"],
)
done(g)

# ---------------------------------------------------------------- Henri IV to Gabrielle d'Estrées
# devoir-de-philosophie.com, the anthology's text (from "Despeches de guerre et d'amour du
# Béarnais", 1927; modernised spelling); the title is the anthology's heading; the date and the
# place stand at the end, after the closing and before the signature.
g = G("henri4_1597-10-22_a-gabrielle.txt")
g.pers("Gabrielle d’Estrées")
g.date("22 octobre 1597", "1597-10-22")
g.optional("Dieu", ("persName",))
g.optional("dimanche", ("date",))
g.optional("lundi", ("date",))
g.town("Compiègne")
g.pers("Madame de Vau", "Vau")
g.date("22e octobre", "1597-10-22")
g.town("Amiens")
g.pers("Henry")
g.corresp(["Henry"], ["Amiens"], "1597-10-22", ["Gabrielle d’Estrées"])
done(g)

print("total (non-optional):", TOTAL)
