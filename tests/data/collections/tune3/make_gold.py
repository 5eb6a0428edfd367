#!/usr/bin/env python3
"""Writes NAME.gold.json beside each text of the third TUNING set (tune3): hand-judged spans over the whitespace-normalised text.

Format and conventions as /work/shared/corpus-dev/make_gold.py and ../../../../../shared/seeds/*.gold.json, with the
choices spelled out in README.md here:

- persName: every named person, signatures included. "Title Name" ("Sir Henry Cholmely", "Mr. Wilson", "Lord
  Wynford") is one span with loose=True and core=<name without the title>. A possessive 's is outside. Offices and
  titles standing alone ("the King", "The President", "the Lord Chancellor") are optional. Peerages ("Earl of
  Manchester") are persName, without the article.
- orgName: named bodies, without the article ("House of Commons", "Senate", "State Department"). Generic, collective
  or archival labels ("H.O.", "the House", "Petitioners") are optional.
- placeName: towns, countries, regions, forests, streets. Countries and states go through place(), which also
  accepts an orgName reading (optional). Places inside a peerage title ("Earl of Manchester") are optional.
- date: `when` is Gregorian. A date written Old Style (England before 1752) has calendar="julian", when=<Gregorian
  equivalent>, julian_iso=<as written, with the year begun on 1 January>. A slash date ("May 1/11") is TWO spans, one per
  half, as in ../tune/make_gold.py: the Old Style half with calendar="julian", the New Style half with when only. A date without a year takes the
  document's year. A month alone or a heading "May 1692" (month of an Old Style calendar) is optional.

The Gold class (a copy of ../tune2/make_gold.py's, its dual-date branch as in ../tune/make_gold.py) is in ../goldlib.py, shared with tune4 and report2.

Run with any python3; if `convertdate` is importable (e.g. /tmp/gold-venv/bin/python) every Julian conversion is
also checked against it.
"""

import sys
from functools import partial
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
import goldlib  # noqa: E402 - the shared Gold class, one folder up
from goldlib import TOTAL, done, julian_to_gregorian  # noqa: E402

Gold = partial(goldlib.Gold, HERE)


# ---------------------------------------------------------------- Hakluyt's Principal Navigations (16th century, Old Style)

g = Gold("hakluyt_1583-03-21_walsingham-letters.txt")
g.pers("Sir Francis Walsingham", "Francis Walsingham", n=3)
g.pers("M. Richard Hakluyt", "Richard Hakluyt")
g.pers("Richard Hakluyt", n=1)  # the title
g.pers("Master Thomas Aldworth", "Thomas Aldworth")
g.pers("Thomas Aldworth", n=1)  # the title
g.org("Christchurch")  # the college
g.optional("Christchurch in Oxford", ("orgName",))
g.town("Oxford")
g.optional("Maior of Bristoll", ("persName",))  # an office
g.optional("Maior of the Citie of Bristoll", ("persName",))
g.town("Bristoll", n=2)
g.optional("Citie of Bristoll", ("placeName",))
g.pers("Sir Iohn Pekham", "Iohn Pekham")
g.optional("Westerne partes", ("placeName",))
g.optional("Court", ("placeName", "orgName"))  # "From the Court": the royal court as dateline
# "the 11. of March. 1582": English Old Style year, begun 25 March, so March 1582 is 1583 counted from 1 January
g.date("11. of March. 1582", "1583-03-11", julian=True, n=2)
g.date("Nouember", "1582-11", optional=True, calendar="julian")  # "your letter of Nouember last"
g.pers("FRANCIS WALSINGHAM", n=2)
g.pers("sir Humfrey Gilbert", "Humfrey Gilbert")
g.optional("Aduenturers", ("orgName",))
g.pers("M. Richard Hackluyt", "Richard Hackluyt")
g.pers("M. Thomas Steuenton", "Thomas Steuenton")
g.town("Richmond")
done(g)

# ---------------------------------------------------------------- Swift's Journal to Stella (18th century, Old Style)

g = Gold("swift_1710-09-20_letter-3.txt")
g.pers("Jonathan Swift")
g.pers("Stella")
g.town("London")
g.date("Sept. 9, 1710", "1710-09-09", julian=True)  # England, Old Style: Gregorian 20 September
g.pers("Duke of Ormond")
g.optional("Ormond", ("placeName",))
g.pers("Dr. Cockburn", "Cockburn")
g.pers("Sir Matthew Dudley", "Matthew Dudley")
g.pers("Will Frankland", n=2)
g.optional("St. James’s Coffee-house", ("placeName", "orgName"))
g.optional("St. James’s", ("placeName",))
g.optional("Archbishop of Dublin", ("persName",))  # an office
g.optional("Dublin", ("placeName",))
g.pers("MD", n=2)  # Swift's name for Stella (and Mrs. Dingley)
g.pers("Manley", n=3)  # "Manley’s friend", "Manley’s place", "Manley is undone"
g.pers("Sir Thomas Frankland", "Thomas Frankland")
g.add(
    "date",
    "l0",
    optional=True,
    when=julian_to_gregorian("1710-09-10"),
    calendar="julian",
    julian_iso="1710-09-10",
)  # the entry's day, printed "l0." (letter l)
g.pers("Lord Mountjoy", "Mountjoy")
g.town("Kensington")
g.pers("Ophy Butler")
g.pers("Addison")
g.pers("Steele", n=2)
g.pers("Lord Radnor", "Radnor")
g.optional("Whigs", ("orgName",))
g.optional("God", ("persName",))
g.pers("Ben Tooke")
done(g)

g = Gold("swift_1710-10-21_letter-6.txt")
g.pers("Jonathan Swift")
g.pers("Stella")
g.town("London", keep=lambda a: g.text.startswith("London, Oct.", a))
g.optional(
    "London", ("placeName",), keep=lambda a: g.text.startswith("London,”", a)
)  # in the poem's title
g.date("Oct. 10, 1710", "1710-10-10", julian=True)
g.pers("Mr. Harley", "Harley", n=2)
g.pers("Harley", n=1)  # "Harley told me"
g.optional("Attorney-General", ("persName",))
g.optional("the Attorney-General", ("persName",))
g.pers("Sir Simon Harcourt", "Simon Harcourt")
g.optional("the Queen", ("persName",))
g.optional("Queen", ("persName",))
g.optional("Her Majesty", ("persName",))
g.optional("Governor", ("persName",))
g.optional("Church", ("orgName",))
g.optional("Archbishop", ("persName",))
g.optional("Tatler", ("orgName",))  # a periodical
g.pers("Mrs. Walls", "Walls")
g.pers("Mrs. Wesley", "Wesley")
g.town("Chester")
done(g)

# ---------------------------------------------------------------- Walpole's letters (18th century, Old Style and N.S.)

g = Gold("walpole_1742-06-21_to-mann.txt")
g.pers("Horace Walpole")
g.pers("Horace Mann")
g.pers("HOKACE MANN")  # OCR for HORACE MANN
g.date(
    "June 10", "1742-06-10", julian=True
)  # London, Old Style: Gregorian 21 June; year from "this year, 1742"
g.date("1742", "1742", optional=True)
g.optional("Pretender", ("persName",))
g.optional("the Pretender", ("persName",))
g.town("Eome")  # OCR for Rome
g.date(
    "27th of May", "1742-05-27"
)  # Mann's letters from Florence, dated N.S. (Gregorian as written)
g.date("3rd of June", "1742-06-03")
g.add("date", "3rd of June, N.S.", optional=True, when="1742-06-03")
g.pers("Mr. Chute", "Chute")
g.pers("Scully")
g.town("Vauxhall")
g.org("Secret Committee")
g.optional("David", ("persName",))  # George II, by a nickname
g.optional("Absolom", ("persName",))  # the Prince of Wales, by a nickname
g.optional("City", ("placeName",))
g.town("Greenwich")
g.town("Tower")
g.pers("Grace Tosier")
g.pers("Cimon")
done(g)

# ---------------------------------------------------------------- Sewall's diary (18th century, Massachusetts, Old Style)

g = Gold("sewall_1714-05-21_journey-to-kittery.txt")
g.pers("Samuel Sewall")
g.date("May 1714", "1714-05", optional=True, calendar="julian")  # the title's month
g.date("May 10. 1714", "1714-05-10", julian=True)
g.date("May 10", "1714-05-10", julian=True, n=1)  # the second entry of the day
g.date("May 11", "1714-05-11", julian=True)
g.date("April 10. 1686", "1686-04-10", julian=True)
g.date("May 8. 1707", "1707-05-08", julian=True)
g.date("Augt. 30. 1706", "1706-08-30", julian=True)
g.date("May 12", "1714-05-12", julian=True)
g.pers("Sarah")
g.pers("John Ballard")
g.pers("Ballard", n=1)  # "the said Ballard"
g.town("Boston")
g.pers("Jacob Comfort")
g.town("Kittery")
g.pers("Mr. Gerrish", "Gerrish")
g.town("Wenham")
g.pers("Sister Northend", "Northend")
g.pers("Mrs. Phillips", "Phillips")
g.pers("Mr. Payson", "Payson")
g.pers("Cousirr Woodbridge", "Woodbridge")  # OCR for "Cousin"
g.town("Newbury")
g.org("Church at Hampton")
g.town("Hampton", n=2)  # "to Hampton" and inside "Church at Hampton"
g.pers("Capt Wingat", "Wingat")
g.pers("Rev. Seaborn Cotton", "Seaborn Cotton")
g.pers("Doctr Benjamin Dole", "Benjamin Dole")
g.pers("Robert Smith")
g.town("Vienna")
done(g)

# ---------------------------------------------------------------- Jane Austen's letters (18th century)

g = Gold("austen_1796-08-23_cork-street.txt")
g.pers("Jane Austen")
g.pers("Cassandra Austen")
g.pers("Cassandra", n=1)  # in the salutation
g.town("Cork Street")
g.date("August 1796", "1796-08")  # the editor's date; the day (Tuesday 23) is not in the text
g.town("Staines")
g.town("Hertford Bridge")
g.pers("Edward", n=2)
g.pers("Frank")
g.pers("Henry")
g.optional("Astley's", ("placeName", "orgName"))  # Astley's Amphitheatre
g.optional("Astley", ("placeName", "orgName", "persName"))
g.pers("Miss Pearson", "Pearson")
g.town("Rowling")
g.optional("God", ("persName",))
g.pers("J. Austen")
done(g)

g = Gold("austen_1796-09-01_rowling.txt")
g.pers("Jane Austen")
g.pers("Cassandra Austen")
g.pers("Cassandra", n=1)
g.date("September 1, 1796", "1796-09-01")
g.date("September 1", "1796-09-01", n=1)  # the dateline, year from the title
g.town("Rowling")
g.town("Steventon", n=2)
g.pers("Henry", n=2)
g.town("Yarmouth")
g.date("23rd", "1796-09-23", optional=True)  # "till about the 23rd" (this month)
g.town("Godmersham")
g.pers("Edward")
g.pers("Elizabeth")
g.date("October", "1796-10", optional=True)
g.pers("Frank")
done(g)

# ---------------------------------------------------------------- Lewis and Clark journals (19th century)

g = Gold("lewis-clark_1804-07-23_white-catfish-camp.txt")
g.pers("William Clark")
g.date("23 July 1804", "1804-07-23")
g.optional(
    "Clark", ("persName",), keep=lambda a: g.text.startswith("Clark:]", a)
)  # the editor's label
g.town("Camp White Catfish")
g.town("Platt River")
g.date("23d. of July 1804", "1804-07-23")
g.add("date", "Monday the 23d. of July 1804", optional=True, when="1804-07-23")
g.pers("George Drewyer")
g.pers("Peter Crousett")
g.optional("Otteaus", ("orgName",))  # nations
g.optional("Panies", ("orgName",))
g.optional("P. [President—Ed.] U. S.", ("persName",))  # Jefferson, by his office
g.optional("U. S.", ("placeName", "orgName"))
done(g)

# ---------------------------------------------------------------- War of the Rebellion: Official Records (19th century)

g = Gold("official-records_1865-04-22_richmond-telegrams.txt")
g.pers("Henry W. Halleck")
g.pers("Ulysses S. Grant")
g.pers("Edwin M. Stanton")
g.pers("Stanton", n=1)
g.pers("Halleck", n=1)
g.town("RICHMOND", n=2)
g.town("WASHINGTON")
g.date("April 22, 1865", "1865-04-22", n=3)
g.pers("General GRANT", "GRANT")
g.pers("Major-General Meade", "Meade")
g.pers("Major-General Sheridan", "Sheridan")
g.pers("H. W. HALLECK", n=2)
g.place("V A")  # "RICHMOND, V A." (Virginia), as printed
g.pers("Honorable E. M. STANTON", "E. M. STANTON")
g.pers("Jeff. Davis", n=2)
g.town("Richmond")  # "the Richmond banks"
g.pers("General Sherman", "Sherman")
g.pers("Sherman", n=2)
g.place("Mexico")
g.place("Europe")
g.pers("Johnston", n=2)
g.pers("Major-General HALLECK", "HALLECK")
g.pers("Stoneman")
g.pers("EDWIN M. STANTON")
g.optional("Secretary of War", ("persName",))
done(g)

g = Gold("official-records_1865-05-19_orders-to-halleck-and-meade.txt")
g.pers("John A. Rawlins")
g.pers("Charles Thomas")
g.pers("Henry W. Halleck")
g.pers("Ulysses S. Grant")
g.pers("George G. Meade")
g.town("WASHINGTON", n=2)
g.town("Washington", n=2)
g.place("D. C.", n=2)
g.date("May 19, 1865", "1865-05-19", n=3)
g.pers("Major-General HALLECK", "HALLECK")
g.pers("Major General H. W. HALLECK", "H. W. HALLECK")
g.town("Richmond", n=2)
g.place("Va.", n=2)
g.pers("Lieutenant-General Grant", "Grant")
g.town("City Point", n=2)
g.pers("Major General Sheridan", "Sheridan")
g.pers("JNO. A. RAWLINS")
g.org("QUARTERMASTER-GENERAL'S OFFICE")
g.org("Military Division of the James")
g.optional("James", ("placeName",))
g.date("19th", "1865-05-19")  # "by noon of to-morrow, 19th" (in a telegram of the 18th)
g.pers("M. C. MEIGS")
g.org("U. S. Army")
g.optional("U. S.", ("placeName",))
g.pers("CHS. THOMAS")
g.pers("Major-General MEADE", "MEADE")
g.org("Army of the Potomac")
g.town("Potomac")
g.pers("General Miles", "Miles")
g.pers("U. S. GRANT")
done(g)

g = Gold("official-records_1865-05-24_batteries-of-the-sixth-corps.txt")
g.pers("Ulysses S. Grant")
g.pers("Henry W. Halleck")
g.pers("David H. Bates")
g.pers("T. S. Bowers")
g.town("WASHINGTON", n=2)
g.place("D. C.")
g.date("May 24, 1865", "1865-05-24", n=2)
g.pers("Major-General HALLECK", "HALLECK")
g.town("Richmond", n=2)
g.place("Va.")
g.org("Sixth Corps")
g.town("City Point")
g.org("Department of Virginia")
g.place("Virginia")
g.pers("U. S. GRANT")
g.pers("Colonel T. S. BOWERS", "T. S. BOWERS")
g.date("8th", "1865-05-08", optional=True)  # "On the 8th" (of May, from the context)
g.date("12th", "1865-05-12", optional=True)
g.pers("General Grant", "Grant")
g.pers("General Halleck", "Halleck", n=4)
g.pers("Mr. Beckwith", "Beckwith", n=2)
g.pers("Mr. Caldwell", "Caldwell", n=2)
g.pers("Major Leet", "Leet")
g.pers("D. H. BATES")
done(g)

# ---------------------------------------------------------------- China Relief Expedition, 1900 (20th century)

g = Gold("chaffee_1900-09-01_china-relief-expedition.txt")
g.pers("General Chaffee", "Chaffee")
g.optional("China Relief Expedition", ("orgName",))
g.place("China", keep=lambda a: not g.text.startswith("China Relief", a), n=3)
g.optional("China", ("placeName",), keep=lambda a: g.text.startswith("China Relief", a))
g.town("Pekin", n=2)
g.date("September 1, 1900", "1900-09-01")
g.town("Washington")
g.date("June 27, 1900", "1900-06-27")
g.town("San Francisco", n=2)
g.place("Cal.")
g.date("July 1", "1900-07-01")
g.org("U. S. Army")
g.optional("U. S.", ("placeName",))
g.optional("Grant", ("persName",))  # the transport (a ship)
g.date("July 3", "1900-07-03")
g.town("Nagasaki Ken")
g.town("Nagasaki", n=2)
g.place("Japan")
g.date("July 24", "1900-07-24")
g.date("21st", "1900-07-21", optional=True)  # "your instructions of the 21st" (July)
g.optional("United States forces", ("orgName",))
g.place("United States")
g.optional("Newark", ("placeName",))  # a ship
g.pers("Admiral Kempff", "Kempff")
g.pers("Mr. Harris", "Harris")
g.optional("American consul", ("persName",))
g.pers("Mr. J. Hattori", "J. Hattori")
g.optional("governor of Nagasaki Ken", ("persName",))
done(g)

print("total (non-optional):", TOTAL)
