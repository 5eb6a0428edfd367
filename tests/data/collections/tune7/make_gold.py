#!/usr/bin/env python3
"""Writes NAME.gold.json beside each text of the seventh TUNING set (tune7), with the conventions of
../tune6/make_gold.py, ../tune5/make_gold.py and ../tune/README.md and the shared Gold class of ../goldlib.py.

The texts were chosen for kinds of record and regions the other sets lack: a will, burgh and city council
minutes (Glasgow, Cork), vestry orders (Virginia), an East India Company general letter, colonial council
minutes (Nova Scotia), a governor's proclamation (the Cape), an assembly's petition (Jamaica), a diary
(Massachusetts) and a newspaper report (Dublin). The gold was written by hand from the texts alone, before
tei-tools was run on any of them and without looking at its vocabulary files.

Run with any python3; if `convertdate` is importable every Julian conversion is also checked against it.
"""

import sys
from functools import partial
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
import goldlib  # noqa: E402 - the shared Gold class, one folder up
from goldlib import TOTAL, done  # noqa: E402

Gold = partial(goldlib.Gold, HERE)


def persons(*names):
    """Several persons with no title, each as its own scored span."""
    for s in names:
        g.pers(s)


# ---------------------------------------------------------------- Izaak Walton's will (England, 1683, Old Style)

g = Gold("walton_1683-08-19_will.txt")
g.pers("Izaak Walton")  # the title, which is ours
g.date("1683", "1683", optional=True, keep=lambda a: a < 40)  # the year in the title
# England before 1752: Old Style; 9 August is after 25 March, so the year is 1683 either way
g.date("Auguft the ninth, one thousand fix hundred eighty three", "1683-08-09", julian=True)
g.optional("God", ("persName",))
g.pers("ISAAC WALTON")
g.town("Winchefter")
g.optional("Fefus", ("persName",))  # "my Saviour Fefus", like God
g.org("church of England")
g.town("England")  # inside the church's name
g.optional("England", ("orgName",))
g.optional("Roman church", ("orgName",))
g.pers("Doctor Hawkins", "Hawkins")
g.town("Pater-nofter-row")  # a street
g.town("London", keep=lambda a: g.text.startswith("London, which", a))
g.optional("lord bishop of London", ("persName",))  # an office
g.optional("London", ("placeName",), keep=lambda a: not g.text.startswith("London, which", a))
done(g)

# ---------------------------------------------------------------- Glasgow burgh records, February and March 1665 (Scotland, Old Style)

g = Gold("glasgow_1665-03-07_general-survey-of-the-toune.txt")
g.town("Glasgow")  # the title
g.date("1665", "1665", optional=True, keep=lambda a: a < 90)  # the year in the title
# Scotland kept the Julian calendar until 1752 but began the year on 1 January from 1600
g.date("25 February 1665", "1665-02-25", julian=True)
g.date("4 March 1665", "1665-03-04", julian=True)
g.optional("counsell", ("orgName",))  # "the magistratis and counsell", "meeting of the counsell"
g.pers("baillie Herbertsoune", "Herbertsoune")
g.pers("John Walkinshaw")
g.town("Saltmarcat", "Gallowgait")
persons("Walter Neilsoune", "James Colhoune")
g.optional("Gramer Shool", ("orgName", "placeName"))  # the grammar school, as a place and as a body
g.optional("Gramer Shoole", ("orgName", "placeName"))
g.town("Wyndheidis", "Rottin Raw", "Stable Grein", "Drygait")
g.optional("deane of gild", ("persName",))  # an office
g.pers("Niniane Andersoune")
g.town("Briggait")
g.pers("baillie Ker", "Ker")
g.optional("Dowhill", ("persName", "placeName"))  # a man named by his lands ("Dowhill, elder")
g.optional("Dowhill, elder", ("persName",))
g.town("Trongait")
g.pers("baillie Pollok", "Pollok")
g.pers("William Gray")
g.optional("Croce", ("placeName",))  # "the Croce", the market cross
persons("Androw Moodie", "Peter Gemmill")
g.town("Stockwelgait", "Shittwynd")
persons("John Caldwall", "John Watsoune", "John Miller")
g.optional("thesaurer", ("persName",))  # an office
g.optional("baillie of Gorballes", ("persName",))  # an office, its place optional too
g.optional("Gorballes", ("placeName",), keep=lambda a: g.text.startswith("Gorballes, with", a))
g.town("Gorballes", keep=lambda a: not g.text.startswith("Gorballes, with", a))
g.optional("college", ("orgName",))  # the college of Glasgow
done(g)

# ---------------------------------------------------------------- Bruton Parish vestry orders, 1674 and 1683 (Virginia, Old Style)

g = Gold("bruton-vestry_1674-04-28_ancient-vestry-orders.txt")
g.optional("Bruton Parish", ("placeName", "orgName"))  # the title
g.place("Virginia")
g.optional("Vestry", ("orgName",))  # "Vestry Orders", "Vestry Book", "the Vestry notice"
# Virginia before 1752: Old Style, +10 days before 1700
g.date("April Ye 18th, 1674", "1674-04-18", julian=True)
g.date("November y^e 29th 1683", "1683-11-29", julian=True)
# "y^e Sixth of January next", after 29 November 1683: 6 January 1683/4, Epiphany
g.date("Sixth of January", "1684-01-06", julian=True)  # "next" stays outside, as in every set
g.date("1674", "1674", optional=True)  # the headings ("Vestry Book of 1674", the title)
g.date("1683", "1683", optional=True)  # "Church of 1683", the title
g.pers("Coll: Danl. Parke", "Danl. Parke")
g.optional("The Honourable Coll: Danl. Parke", ("persName",))
g.pers("Mr. Rowland Jones", "Rowland Jones", n=2)
g.optional("Minister", ("persName",))  # an office
g.pers("Mr. John Page", "John Page")
g.pers("Mr. James Besouth", "James Besouth")
g.pers("Mr. Robt. Cobb", "Robt. Cobb")
g.pers("Mr. Bray", "Bray")
g.pers("Capt. Chesley", "Chesley")
g.pers("Mr. Aylett", "Aylett")
g.optional("Church Wardens", ("persName",))
g.pers("Mr. John Owens", "John Owens")
g.optional("Sidesman", ("persName",))
g.pers("Thomas Ludwell")
g.optional("Honourable Thomas Ludwell", ("persName",))
g.optional("Secretary", ("persName",))
g.pers("Daniel Parke")
g.optional("Daniel Parke, Esq.", ("persName",))
g.optional("Parish Church", ("orgName", "placeName"))
g.optional(
    "Parish", ("orgName", "placeName"), keep=lambda a: not g.text.startswith("Parish Church", a)
)
g.town("Middle Plantation")
g.optional("Brick Church at Middle Plantation", ("placeName",))
g.optional("God", ("persName",))
g.pers("Alexander Bonyman")
g.optional("Clerke", ("persName",))
done(g)

# ---------------------------------------------------------------- The Council Book of Cork, July to October 1745 (Ireland, Old Style)

g = Gold("cork-council_1745-07-31_council-book.txt")
g.town("Cork")  # the title
g.optional("Corporation of Cork", ("orgName",))
g.optional("Corporation", ("orgName",), keep=lambda a: a > 80)
g.date("July to October 1745", "1745", optional=True)
# Ireland before 1752: Old Style, +11 days
g.pers("Mr. Francis Austen", "Francis Austen")
g.optional("Blue Coats", ("orgName",))  # the Blue Coat boys of the charity
g.date("Sep., 1744", "1744-09", optional=True)  # a month
g.pers("Rob. Atkins")
g.optional("Rob. Atkins, Esq.", ("persName",))
g.optional("A~my", ("orgName",))  # OCR for "Army"
g.date("30 Oct., 1743", "1743-10-30", julian=True)
g.date(
    "13 June", "1745-06-13", julian=True
)  # "last" (in an order of 1745) stays outside, as in every set
g.town("Christ Church")  # the parish
g.optional("Christ Church", ("orgName",))
g.optional("Christ Church parish", ("placeName", "orgName"))
g.optional("Mayor", ("persName",))  # the office ("Mr. Mayor", "the Mayor", "Will. Winthrop, Mayor")
g.optional("Mr. Mayor", ("persName",))
g.optional("Sheriffs", ("persName",))
g.optional(
    "Council", ("orgName",)
)  # "the Mayor, Sheriffs and Council", "The Council having considered"
g.pers("Alden. Atkins", "Atkins")
g.pers("Alden. Austin", "Austin")
g.pers("AlJen. Austin", "Austin")  # OCR for "Alden."
g.pers("Ald. S. Croker", "S. Croker")
g.pers("Ald. Atkins", "Atkins")
g.pers("Atkins", n=1)  # in the list of 16 Sep.
g.pers("Millerd", n=2)
g.pers("Croker", n=3)
persons("Newman", "Westropp")
g.pers("W estropp")  # OCR split, as stored
g.pers("Owgan", n=2)
g.pers("Mr. Dring", "Dring", n=2)
persons("Travers", "Robt. Newenham")
g.optional("C. S.", ("persName",))  # the Common Speaker, an office
g.date("20 July, 1745", "1745-07-20", julian=True)
g.pers("Amb. Jackson")
g.pers("Jackson", n=1)  # "Ald. Atkins, Jackson"
g.pers("Will. Winthrop", n=2)
g.pers("W. Winthrop")
g.date("Sep. 16", "1745-09-16", julian=True)  # "Sep. 16, do.": ditto, 1745
g.date("Sep. 26", "1745-09-26", julian=True)
persons("Fuller", "Tho. Browne")
g.pers("Sher. Philpott", "Philpott")
g.date("17 Oct., 1745", "1745-10-17", julian=True)
g.pers("Walter Lavit")
g.optional("Walter Lavit, Esq.", ("persName",))
g.town("South Bridge", "South Channel")
g.optional("Waterbailiff", ("persName",))  # an office
g.optional("Con1missioners of array", ("orgName",))  # OCR for "Commissioners"
g.optional("Government", ("orgName",))
g.optional("Militia of this City", ("orgName",))
g.optional("Militia", ("orgName",))
g.optional("committee", ("orgName",))
done(g)

# ---------------------------------------------------------------- East India Company, general letter to Fort St. George, 1743 (London, Old Style)

g = Gold("fort-st-george_1743-06-19_general-letter.txt")
g.org("Court of Directors")  # the title
g.org("East India Company")
g.town("Fort St. George")
g.date("8 June 1743", "1743-06-08", julian=True)  # the title
# London before 1752: Old Style, +11 days
g.town("FORT ST. GEORGE", n=2)  # the heading and the address
g.date("JUNE 8, 1743", "1743-06-08", julian=True)
g.optional("PRESIDENT AND COUNCIL AT FORT ST. GEORGE", ("orgName",))
g.optional("COUNCIL AT FORT ST. GEORGE", ("orgName",))
# the ships Heathcote, Saint George, Colchester, Princess of Wales, Hardwicke (lIARDWIOKE) are not marked
g.date("15 • April last", "1743-04-15", julian=True, optional=True)  # OCR-garbled "15th April last"
g.town("Anjengo")
g.pers("Captain John Hallett", "John Hallett")
g.town("Bombay", n=4)
g.town("Bom\\>ay")  # OCR, as stored
g.town("China")
g.pers("Mr • John Stratton", "John Stratton")
g.town("Vizagapatam")
g.optional("Chief of that Settlement", ("persName",))
persons("Hide", "Hadley", "Pinnell")
g.optional("Messieurs Hide", ("persName",))
g.town("Madrass")
g.town("Canton")  # "the Canton Market"
g.town("Bengal")
g.town("LONDON")
g.date("8\"', JUNE 1743", "1743-06-08", julian=True)
g.pers("RIOHl>. BURTON")  # OCR for "RICHD. BURTON", the signature
done(g)

# ---------------------------------------------------------------- Council minutes at Annapolis Royal, November 1736 (Nova Scotia, Old Style)

g = Gold("annapolis-council_1736-11-21_minutes.txt")
g.town("Annapolis Royal")  # the title
g.place("Nova Scotia")
g.optional("His Majesty's Council", ("orgName",))
g.optional("Council", ("orgName",))
g.date("November 1736", "1736-11", optional=True)  # a month, in the title
# Nova Scotia before 1752: Old Style, +11 days; 10 Nov. 1736 O.S. was a Wednesday
g.date("10th Nov. 1736", "1736-11-10", julian=True)
g.optional("Wednesday the 10th Nov. 1736", ("date",))
g.optional("Lieut Govr of the Province", ("persName",))  # an office
g.pers("John Adams")
g.optional("John Adams Esq", ("persName",))
g.pers("William Skene")
g.optional("William Skene Esq", ("persName",))
g.pers("Eras Jas Philipps")
g.optional("Eras Jas Philipps Esqr", ("persName",))
g.pers("Otho Hamilton")
g.optional("His Honour", ("persName",))
g.optional("his Honour", ("persName",))
g.optional("Board", ("orgName",))
g.optional("his Majesty's Council", ("orgName",))
g.pers("Mr De St. Poncy", "De St. Poncy")
g.pers("Commissary How", "How")
g.place("Great Brittain")
g.pers("Major Cope", "Cope")
g.optional("Lieut Governor of Placentia", ("persName",))
g.town("Placentia")
g.optional("The Governor", ("persName",))
g.pers("Lieut Handfield", "Handfield")
g.pers("Lieut Amhurst", "Amhurst")
g.pers("Ensign Slater", "Slater")
g.date("11th Nov. 1736", "1736-11-11", julian=True)
g.optional("Thursday the 11th Nov. 1736", ("date",))
done(g)

# ---------------------------------------------------------------- Records of the Cape Colony: Cradock's proclamation, 1811

g = Gold("cape-records_1811-09-06_cradock-proclamation.txt")
g.pers("Sir John Cradock", "John Cradock")  # the title
g.town("Cape of Good Hope", n=3)  # title and text
g.date("1811", "1811", optional=True, keep=lambda a: a < 100)
g.pers("LIEUTENANT GENERAL SIR JOHN FRANCIS CRADOCK", "JOHN FRANCIS CRADOCK")
g.optional("HIS EXCELLENCY LIEUTENANT GENERAL SIR JOHN FRANCIS CRADOCK", ("persName",))
g.optional("Most Honorable Orders of the Bath and Crescent", ("orgName",))
g.org("43rd Regiment of Foot")
g.optional("His Majesty's 43rd Regiment of Foot", ("orgName",))
g.optional("His Majesty", ("persName",))
g.optional("Governor and Commander in Chief", ("persName",))  # an office
g.place("South Africa")
g.optional("Forces", ("orgName",))
g.town("Westminster")
g.date("9th day of April, 1811", "1811-04-09")
g.date("6th day of September 1811", "1811-09-06")
g.pers("J. F. CRADOCK")
done(g)

# ---------------------------------------------------------------- The Assembly of Jamaica's petition to the King, 1774

g = Gold("jamaica-assembly_1774-12-28_petition-to-the-king.txt")
g.org("Assembly of Jamaica", n=2)  # title ("Assembly of Jamaica's") and text
g.org("Assembly of JAMAICA")
g.town("Jamaica", n=2)
g.town("JAMAICA")
g.optional("Jamaica", ("orgName",))
g.optional("King", ("persName",))  # "the King", "the King' s Most Excellent Majesty"
g.optional("King in Council", ("orgName",))
g.optional("Council", ("orgName",))  # the Privy Council
g.date("1774", "1774", optional=True, keep=lambda a: a < 90)
g.optional(
    "Assembly", ("orgName",), keep=lambda a: g.text.startswith("Assembly the", a)
)  # "Voted in Assembly"
g.date("28th of DECEMBER, 1774", "1774-12-28")
g.optional("your Majesty", ("persName",))
g.place("Great Britain", n=4)
g.org("Parliament")
done(g)

# ---------------------------------------------------------------- The diary of Ebenezer Parkman, October 1780 (Massachusetts)

g = Gold("parkman_1780-10-01_diary.txt")
g.pers("Ebenezer Parkman")  # the title
g.town("Westborough")
g.date("1 to 6 October 1780", "1780-10", optional=True)
for d in range(1, 7):
    g.date(f"1780 October {d}", f"1780-10-{d:02d}")
# the scripture references ("Mal. 1.11", "Isaiah 55.13", "Rev. 3.20", "Ezek. 20.11") are not dates
g.pers("Mrs. El. Adams", "El. Adams")
g.pers("Mr. Flavell", "Flavell")
g.pers("Mr. Isaac Parker", "Isaac Parker")
g.pers("Capt. Morse", "Morse")
g.pers("Ensign Warrin", "Warrin")  # "Lieut. and Ensign Warrin’s": two men
g.optional("Lieut. and Ensign Warrin", ("persName",))
g.pers("Mr. Elisha Forbes", "Elisha Forbes")
g.pers("Widow Forbes", "Forbes")
g.pers("Miss Stone", "Stone")
g.pers("Mr. Phin. Hardy", "Phin. Hardy")
g.pers("Lt. Warrin", "Warrin")
g.pers("Squire Bakers", "Bakers")  # "Squire Bakers’s", as written
g.optional("Squire", ("persName",), keep=lambda a: not g.text.startswith("Squire Bakers", a))
g.optional("God", ("persName",))
g.town("Boston", "Charlestown")
g.pers("Mr. Nathan Maynard", "Nathan Maynard")
g.pers("Dr. Hawes", "Hawes")
g.pers("Mr. Joseph Harrington", "Joseph Harrington")
g.pers("Aaron Miller")
g.pers("Capt. Wood", "Wood")
g.pers("Benj.")
g.optional("West Field", ("placeName",))  # his field
g.pers("Daughter Baldwin", "Baldwin")
g.optional("Col.", ("persName",))  # "one from Col. to her": Colonel Baldwin
g.pers("Ebenezer")
done(g)

# ---------------------------------------------------------------- The London Chronicle, a letter from Dublin of 3 January 1800

g = Gold("london-chronicle_1800-01-03_letter-from-dublin.txt")
g.optional("London Chronicle", ("orgName",))  # a newspaper, in the title
g.optional("London", ("placeName",))
g.town("Dublin", n=2)
g.date("3 January 1800", "1800-01-03")
g.date("Jan. 3", "1800-01-03")
g.town("Wicklow", "Wexford")
# 19 December 1799 was a Thursday; the date is marked as written ("aft" is OCR for "last")
g.date("19th of December", "1799-12-19")
g.optional("Wednesday, the 19th of December", ("date",))
g.optional("the 19th of December aft", ("date",))
g.optional("Wednesday", ("date",), keep=lambda a: g.text.startswith("Wednesday a", a))
g.optional("Sunday", ("date",))
g.town("Newport")
g.town("Mayo")
g.optional("county of Mayo", ("placeName",))
g.optional("Orange Men", ("orgName",))
g.town("Antrim")
g.optional("county of Antrim", ("placeName",))
g.org("Green Horse")
g.town("Liverpool")
g.optional("Cabinet Council", ("orgName",))
g.town("Athy")
g.optional("gaoler of Athy", ("persName",))
g.town("Naas")
g.optional("Naas Gaol", ("placeName",))
g.place("England")
g.org("35th regiment")
g.pers("Gen. Lenox", "Lenox")
g.place("Holland")
g.pers("Prince William of Gloucester", "Prince William")
g.optional("Gloucester", ("placeName",))
g.optional("his Royal Highness", ("persName",))
g.optional("militia of this country", ("orgName",))
g.town("Drogheda")
done(g)

print("total (non-optional):", TOTAL)
