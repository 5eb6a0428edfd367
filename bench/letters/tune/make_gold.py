#!/usr/bin/env python3
"""Writes NAME.gold.json beside each letter of the letters TUNING set (see README.md).

Conventions as tests/data/collections/tune/make_gold.py: a named person is persName, with a title
before the name as one loose span whose core is the name ("Herrn Grafen Alexander v. Auersperg",
"Mr Trudaine", "Magister KEPLERE"); offices and titles standing alone, and a place inside a title
("König von Preußen", "king of Prussia"), are optional; forms of address ("Lieber Freund",
"Monsieur", "Sire", "Ma très chère sœur") are not marked; nationality words are not names.
Dates: `when` is the day the text gives (Gregorian; none of these letters is Old Style); a yearless
date takes the letter's year; a weekday alone, a bare year in the running text and a date whose
year the text does not give are optional.  `corresp` is what the text says of the letter (see
../goldlib.py).
"""

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from goldlib import TOTAL, Gold, done  # noqa: E402

LANGUAGE = {
    "bauernfeld": "de",
    "humboldt": "de",
    "mozart": "de",
    "goethe": "de",
    "schiller": "de",
    "friedrich": "de",
    "kleist": "de",
    "beethoven": "de",
    "brahe": "la",
    "kepler": "la",
}


def G(name: str) -> Gold:
    """The letter NAME in its language's folder (each folder is a collection with its language)."""
    lang = "la" if name.startswith("leibniz_1698") else LANGUAGE.get(name.split("_")[0], "fr")
    return Gold(HERE / lang, name)


# ---------------------------------------------------------------- Bauernfeld to Grün (lithes.uni-graz.at)

AUERSPERG_FORMS = ["Anastasius Grün"]


def bauernfeld_head(g: Gold, address: str, core: str) -> list[str]:
    g.pers("Eduard von Bauernfeld")
    g.pers("Anastasius Grün")
    g.pers(address, core)
    return [address, core, *AUERSPERG_FORMS]


g = G("bauernfeld_1832_an-gruen.txt")
to = bauernfeld_head(g, "Herrn Grafen Alexander v. Auersperg", "Alexander v. Auersperg")
g.town("Wien", n=2)
g.date("1832", "1832")
g.town("Thurm am Hart")
g.town("Cilli")
g.pers("Tendler")
g.pers("Göthe")
g.pers("Grillparzer", n=2)
g.pers("Zedlitz")
g.pers("Schumacher")
g.date("15. Mai", "1832-05-15")
g.pers("Sollinger")
g.pers("Goethe")
g.pers("Schwarz")
g.pers("Bauernfeld", n=1)
g.corresp(["Bauernfeld", "Eduard von Bauernfeld"], ["Wien"], "1832", to)
done(g)

g = G("bauernfeld_1843-08-20_an-gruen.txt")
to = bauernfeld_head(g, "Herrn Alexander Grafen v. Auersperg", "Alexander Grafen v. Auersperg")
g.town("Wien", n=2)
g.date("20. August 1843", "1843-08-20")
g.town("Thurm am Hart")
g.town("Laibach")
g.town("Landstraß")
g.pers("Braumüller")
g.pers("Grillparzer")
g.town("Constantinopel")
g.pers("Deinhardstein")
g.pers("Niembsch")
g.town("Stuttgart")
g.optional("Boz", ("persName",))  # his translation of Dickens ("meinem Boz")
g.pers("Bauernfeld", n=1)
g.date("20/8 43", "1843-08-20")
g.corresp(["Bauernfeld", "Eduard von Bauernfeld"], ["Wien"], "1843-08-20", to)
done(g)

g = G("bauernfeld_1846-11-27_an-gruen.txt")
to = bauernfeld_head(
    g, "Herrn Anton Alexander Grafen von Auersperg", "Anton Alexander Grafen von Auersperg"
)
g.town("Wien", n=2)
g.date("27. November 1846", "1846-11-27")
g.town("Thurn am hart")
g.town("Laibach")
g.town("Landstraß")
g.pers("Herlosßon")
g.pers("Deinhardstein")
g.pers("Bauernfeld", n=1)
g.date("27/11 46", "1846-11-27")
g.corresp(["Bauernfeld", "Eduard von Bauernfeld"], ["Wien"], "1846-11-27", to)
done(g)

g = G("bauernfeld_1847-01-17_an-gruen.txt")
to = bauernfeld_head(
    g, "Hrn. Anton Alexander Grafen v. Auersperg", "Anton Alexander Grafen v. Auersperg"
)
g.town("Wien", n=1)
g.date("17. Jänner 1847", "1847-01-17")
g.town("Gratz")
g.optional("Attems", ("persName", "placeName", "orgName"))  # "im gräfl. Attems’schen Hause"
g.optional("Dienstag", ("date",))
g.pers("Doblhoff")
g.pers("Eichendorff")
g.pers("Lenau")
g.pers("Bauernfeld", n=1)
g.date("17/1 47", "1847-01-17")
g.corresp(["Bauernfeld", "Eduard von Bauernfeld"], ["Wien"], "1847-01-17", to)
done(g)

g = G("bauernfeld_1847-02-25_an-gruen.txt")
to = bauernfeld_head(g, "Herrn Anton Alex. Grafen v. Auersperg", "Anton Alex. Grafen v. Auersperg")
g.town("Wien", n=2)
g.date("25. Februar 1847", "1847-02-25")
g.optional("Attems", ("persName", "placeName", "orgName"))
g.town("Gratz", n=2)
g.pers("Jos. Doblhoff")
g.optional(
    "Österreich", ("placeName", "orgName"), keep=lambda a: g.text.startswith("Österreich und", a)
)
g.place("Österreich", keep=lambda a: not g.text.startswith("Österreich und", a))
g.pers("Lind")
g.optional("Vielka", ("persName",))  # an opera
g.pers("Bauernfeld", n=1)
g.date("25/2 47", "1847-02-25")
g.corresp(["Bauernfeld", "Eduard von Bauernfeld"], ["Wien"], "1847-02-25", to)
done(g)

g = G("bauernfeld_1849-04-01_an-gruen.txt")
to = bauernfeld_head(
    g, "Herrn Anton Alexander Grafen von Auersperg", "Anton Alexander Grafen von Auersperg"
)
g.town("Wien", n=3)
g.date("1. April 1849", "1849-04-01")
g.town("Thurn am Hart")
g.town("Krain")
g.town("Landstraß")
g.date("1. April 849", "1849-04-01")
g.optional("König von Preußen", ("persName",))
g.optional("Preußen", ("placeName",))
g.town("Frankfurt")
g.optional("Congreß", ("orgName",))
g.optional("1815", ("date",))
g.place("Deutschland")
g.pers("Kuranda")
g.optional("Ministerium", ("orgName",))
g.optional("Volkshaus", ("orgName",))
g.pers("Stadion")
g.optional("Radetzki", ("persName",))  # "ihre Radetzki’s": a type, not the man
g.optional("Paulskirche", ("placeName", "orgName"))
g.town("Gratz")
g.pers("Dessauer")
g.corresp(["Eduard von Bauernfeld"], ["Wien"], "1849-04-01", to)
done(g)

# ---------------------------------------------------------------- Mozart's letters (zeno.org: Schiedermair 1914, Nohl 1865)

g = G("mozart_1778-05-29_an-den-vater.txt")  # Schiedermair, Die Briefe W. A. Mozarts, I, no. 122
g.optional("Vater", ("persName",))
g.town("Paris", n=1)
g.date("29. Mai 1778", "1778-05-29")  # the editor's heading
g.optional("Papa", ("persName",))
g.pers("h: graf v: Sückingen", "Sückingen")
g.optional("Pfälzischen", ("placeName",))
g.pers("wendling")
g.pers("Raaff")
g.pers("chobert")
g.pers("Mr Bullinger", "Bullinger")
g.pers("W.A. Mozart")
g.corresp(["W.A. Mozart"], ["Paris"], "1778-05-29", None)
done(g)

g = G("mozart_1778-03-07_an-den-vater.txt")  # Nohl, Mozarts Briefe (1865), no. 98
g.pers("Mozart")
g.optional("Vater", ("persName",))
g.town("Mannheim")
g.date("7. März 1778", "1778-03-07")
g.date("26. Febr.", "1778-02-26")
g.optional("Papa", ("persName",), keep=lambda a: True)
g.optional("Gott", ("persName",))
g.pers("Mademoiselle Weber", "Weber")
g.town("Paris", n=2)
g.corresp(["Mozart"], ["Mannheim"], "1778-03-07", None)
done(g)

# ---------------------------------------------------------------- Voltaire's correspondence (obtic.huma-num.fr/elicom)


def elicom_head(g: Gold, iso: str) -> None:
    g.date(iso, iso)
    g.optional("king of Prussia", ("persName",))
    g.optional("Prussia", ("placeName",))
    g.pers("François Marie Arouet")


g = G("voltaire_1740-12-23_frederic-a-voltaire.txt")
elicom_head(g, "1740-12-23")
g.pers("Frederick II")
g.pers("Voltaire", n=4)
g.pers("Charles 12")
g.town("Padoue")
g.town("Paris")
g.pers("Federic")
g.corresp(["Federic", "Frederick II"], None, "1740-12-23", ["Voltaire"])
done(g)

g = G("voltaire_1741-11-29_frederic-a-voltaire.txt")
elicom_head(g, "1741-11-29")
g.pers("Frederick II")
g.pers("Voltaire", n=3)
g.town("Paris", n=2)
g.town("Berlin")
g.town("Europe")
g.place("Allemagne")
g.place("France")
g.pers("Richelieu")
g.pers("Mazarin")
g.pers("Monsieur Euler", "Euler")
g.pers("Bernoulli")
g.pers("Dupré")
g.pers("La Noue")
g.pers("Federic")
g.corresp(["Federic", "Frederick II"], None, "1741-11-29", ["Voltaire"])
done(g)

g = G("voltaire_1743-10-08_frederic-a-sa-soeur.txt")
g.date("1743-10-08", "1743-10-08")
g.optional("king of Prussia", ("persName",))
g.optional("Prussia", ("placeName",))
g.pers("Frederick II")
g.pers("Charlotte Philippina von Preussen")
g.optional("duchess of Brunswick-Wolfenbüttel", ("persName",))
g.optional("Brunswick-Wolfenbüttel", ("placeName",))
g.pers("sieur de Voltaire", "Voltaire")
g.pers("Voltaire", n=1)
g.pers("Newton")
g.pers("Frederic")
g.corresp(["Frederic", "Frederick II"], None, "1743-10-08", ["Charlotte Philippina von Preussen"])
done(g)

g = G("voltaire_1751-06-30_voltaire-a-frederic.txt")
elicom_head(g, "1751-06-30")
g.pers("Voltaire")
g.pers("Frederick II")
g.optional("grand Electeur", ("persName",))
g.optional("roy de France", ("persName",))
g.optional("France", ("placeName",))
g.optional("évêque de Mirepoix", ("persName",))
g.optional("Mirepoix", ("placeName",))
g.place("Dannemark")
g.place("Portugal")
g.place("Espagne")
g.optional("V.", ("persName",))
g.corresp(["Voltaire", "V.", "François Marie Arouet"], None, "1751-06-30", ["Frederick II"])
done(g)

g = G("voltaire_1776-11-19_defourqueux.txt")
g.pers("Defourqueux", n=2)
g.pers("Voltaire")
g.town("Paris")
g.date("19 9bre 1776", "1776-11-19")
g.pers("Mde D'Invau", "D'Invau")
g.pers("Mr Trudaine", "Trudaine")
g.pers("Mr Deboullongne", "Deboullongne", n=2)
g.corresp(["Defourqueux"], ["Paris"], "1776-11-19", ["Voltaire"])
done(g)

g = G("voltaire_1778-03-04_voltaire-a-un-cure.txt")
g.pers("Voltaire")
g.date("4 mars 1778", "1778-03-04")
g.pers("M. le marquis de Villette", "marquis de Villette")
g.optional("Villette", ("placeName",))
g.pers("M. l'abbé Gautier", "Gautier")
g.corresp(["Voltaire"], None, "1778-03-04", None)
done(g)

# ---------------------------------------------------------------- Tycho Brahe's letters (tekstnet.dk, Dreyer's edition)

g = G("brahe_1600-08-28_ad-keplerum.txt")
g.pers("Tycho Brahe")
g.pers("Keplerum")
g.pers("Magister KEPLERE", "KEPLERE")
g.optional("Cæsarea Maiestas", ("persName",))
g.optional("Maiestas", ("persName",))
g.town("Pilsena")
g.town("Pragam")
g.town("Benatica")
g.pers("Domino BARVITIO", "BARVITIO")
g.corresp(["Tycho Brahe"], None, None, ["KEPLERE", "Keplerum", "Magister KEPLERE"])
done(g)

g = G("brahe_1600-08-28_ad-amicum.txt")
g.pers("Tycho Brahe")
g.optional("die 10 Ianuarij", ("date",))  # the year is not in the text
g.optional("10 Ianuarij", ("date",))
g.corresp(["Tycho Brahe"], None, None, None)
done(g)

g = G("brahe_1600-01-20_ad-anonymum.txt")
g.pers("TYCHO BRAHE")
g.pers("DANIELE FELS")
g.optional("Cæsaream Matem", ("persName",))
g.optional("Sa Cæsarea Maiestas", ("persName",))
g.optional("Cæsarea Maiestas", ("persName",))
g.town("Magdæburgi")
g.corresp(["TYCHO BRAHE"], None, None, None)
done(g)

# ---------------------------------------------------------------- other letters with bodies in them

g = G("humboldt_1809-08-05_an-henry.txt")  # berlinerkunstkammer.de
g.pers("Humboldt", n=2)
g.pers("Herrn Bibliothekar Henry", "Henry")
g.pers("Bibliothekar Henry", "Henry", n=1)
g.org("Secktion des öffentlichen Unterrichts")
g.optional("29ten v. M.", ("date",))  # "of last month"
g.org("Akademie der Wißenschaften", n=2)
g.org("Bergwerck- und Hütten Departments", "Hütten Departments")
g.optional("des Königs Majestät", ("persName",))
g.date("18ten April 1805", "1805-04-18")
g.pers("Herrn Ober-Bergrath Karsten", "Karsten")
g.pers("Herrn Karsten", "Karsten")
g.optional("Müntz-Gebäude", ("placeName", "orgName"))
g.optional("Naturalien Kabinets", ("orgName",))
g.pers("Hofrath und Professor Adams", "Adams")
g.town("Eismeere")
g.town("Koenigsberg")
g.date("5ten August 1809", "1809-08-05")
g.org("Sektion im Ministerio des Innern für den öffentlichen Unterricht", "Ministerio des Innern")
g.town("Berlin")
g.corresp(
    ["Humboldt"],
    ["Koenigsberg"],
    "1809-08-05",
    ["Herrn Bibliothekar Henry", "Bibliothekar Henry", "Henry"],
)
done(g)

g = G("saboureux_1777-03-16_a-dalembert.txt")  # dalembert.academie-sciences.fr
g.pers("Saboureux de Fontenay")
g.town("Marly-le-roi")
g.pers("Monsieur D'Alembert", "D'Alembert")
g.pers("D'Alembert", n=1)
g.town("Paris")
g.org("Academie des Sciences")
g.optional("Academie", ("orgName",))
g.optional("Machine de Marly", ("placeName", "orgName"))
g.optional("Machine Royale de Marly", ("placeName", "orgName"))
g.town("Marly", keep=lambda a: not g.text.startswith("Marly-", a), n=2)
g.pers("Saboureuxdefontenay")
g.date("16 Mars. 1777", "1777-03-16")
g.corresp(
    ["Saboureuxdefontenay", "Saboureux de Fontenay"],
    ["Marly", "Machine Royale de Marly", "Marly-le-roi"],
    "1777-03-16",
    ["Monsieur D'Alembert", "D'Alembert"],
)
done(g)

g = G(
    "condorcet_1790_au-president.txt"
)  # fr.wikisource.org, Condorcet, Œuvres (Didot, 1847), vol. 1
g.org("ACADÉMIE DES SCIENCES")
g.org("ASSEMBLÉE NATIONALE")
g.optional("PRÉSIDENT DE L’ASSEMBLÉE NATIONALE", ("persName",))
g.optional("M. LE PRÉSIDENT DE L’ASSEMBLÉE NATIONALE", ("persName",))
g.optional("SECRÉTAIRE DE L’ACADÉMIE DES SCIENCES", ("persName",))
g.org("Académie des sciences")
g.org("Assemblée nationale")
g.optional("Académie", ("orgName",))
g.optional("8 mai dernier", ("date",))  # the year is not in the text
g.optional("8 mai", ("date",))
g.optional("roi", ("persName",))
g.corresp(None, None, None, None)
done(g)

# ---------------------------------------------------------------- second batch (README: tune, second batch)
# Voltaire's letters as voltaireathome.hautetfort.com prints them (Besterman's texts): the
# address above the dateline, "votre très humble ... serviteur" and the initial "V."; the
# blog's quotation marks and footnote numbers left out, the title of two the blog's heading.

g = G("voltaire_1762-09-08_a-fyot-de-la-marche.txt")
g.pers("Voltaire")
g.pers("Fyot de La Marche", keep=lambda a: a < 40)
g.pers("Claude-Philippe Fyot de La Marche")
g.town("Délices", n=2)
g.town("La Marche", keep=lambda a: not g.text.startswith("Fyot", a - 5) and a > 100)
g.pers("M. le duc de Villars", "duc de Villars")
g.pers("M. le duc de Richelieu", "duc de Richelieu")
g.pers("Mme Denis", "Denis")
g.pers("Mlle Corneille", "Corneille")
g.optional("Dieu", ("persName",))
g.optional("Othon", ("persName",))
g.pers("M. Le Monnier", "Le Monnier")
g.date("8 septembre 1762", "1762-09-08")
g.optional("V.", ("persName",))
g.corresp(
    ["V.", "Voltaire"],
    ["Délices", "Aux Délices"],
    "1762-09-08",
    ["Claude-Philippe Fyot de La Marche", "Fyot de La Marche"],
)
done(g)

g = G("voltaire_1763-11-03_a-la-touraille.txt")
g.pers("Jean-Chrysostome Larcher, comte de La Touraille", "Jean-Chrysostome Larcher")
g.optional("S.A.S [Mg]r le Prince de Condé", ("persName",))
g.pers("Prince de Condé")
g.pers("Mgr le prince de Condé", "prince de Condé", n=2)
g.date("3è novembre 1763", "1763-11-03")
g.town("Ferney")
g.optional("château de Ferney", ("placeName",))
g.town("Gex", n=2)
g.place("Bourgogne")
g.pers("M. Fabry", "Fabry", n=2)
g.pers("M. le comte de La Guiche", "comte de La Guiche")
g.pers("M. de Chennevières", "Chennevières")
g.pers("Voltaire")
g.corresp(
    ["Voltaire"],
    ["Ferney", "château de Ferney"],
    "1763-11-03",
    [
        "Jean-Chrysostome Larcher, comte de La Touraille",
        "Jean-Chrysostome Larcher",
        "comte de La Touraille",
    ],
)
done(g)

g = G("voltaire_1760-10-03_a-grosley.txt")
g.pers("Pierre-Jean Grosley")
g.town("Troyes")
g.place("Champagne")
g.town("Délices")
g.date("3 octobre 1760", "1760-10-03")
g.pers("Louis XIV")
g.optional("Châtelet", ("orgName", "placeName"))
g.optional("maison Rémond", ("orgName", "placeName"))
g.optional("Rémond", ("persName",))
g.pers("M. Bouret", "Bouret")
g.town("Paris")
g.optional("roi", ("persName",))
g.pers("V.")
g.corresp(["V."], ["Délices", "Aux Délices"], "1760-10-03", ["Pierre-Jean Grosley"])
done(g)

g = G("voltaire_1760-12-22_a-tronchin.txt")
g.pers("Voltaire")
g.pers("Jean-Robert Tronchin", n=2)
g.town("Lyon")
g.date("22 décembre [1760]", "1760-12-22")
g.optional("Chimène", ("persName",))
g.pers("Mme Denis", "Denis")
g.pers("M. de Laleu", "Laleu")
g.pers("M. des Franches", "des Franches")
g.optional("Rois", ("persName",))
g.pers("cardinal de Tencin", "Tencin")
g.optional("V.", ("persName",))
g.corresp(["V.", "Voltaire"], None, "1760-12-22", ["Jean-Robert Tronchin"])
done(g)

# Kleist to his sister (composer.epoche-napoleon.net), the opening; the site's line "vom
# 14.08.1800." under the title left out.
g = G("kleist_1800-08-14_an-ulrike.txt")
g.pers("Ulrike von Kleist")
g.town("Berlin", n=3)
g.date("14. August 1800", "1800-08-14")
g.pers("Minister Struensee", "Struensee")
g.corresp(None, ["Berlin"], "1800-08-14", ["Ulrike von Kleist"])
done(g)

# Beethoven to Wegeler (brieftext.beethoven.de, the Henle edition's no. 65), the opening;
# "[1801]" is the edition's year, "<mir>" its mark of a word struck out.
g = G("beethoven_1801-06-29_an-wegeler.txt")
g.pers("Beethoven")
g.pers("Franz Gerhard Wegeler")
g.town("Bonn")
g.town("Vien")
g.date("29ten. Juni [1801]", "1801-06-29")
g.pers("Wegeler", keep=lambda a: a > 60)
g.optional("Vater Rhein", ("placeName", "persName"))
g.optional("Rhein", ("placeName",))
g.corresp(["Beethoven"], ["Vien"], "1801-06-29", ["Franz Gerhard Wegeler", "Wegeler"])
done(g)

print("total (non-optional):", TOTAL)
