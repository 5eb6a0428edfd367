#!/usr/bin/env python3
"""Writes NAME.gold.json beside each text of the third HELD-OUT set (report3), with the conventions of
../tune/README.md and ../tune3/make_gold.py and the shared Gold class of ../goldlib.py. Written before the tool
was run on these texts (it has not been run on them at all while this file was written).

Conventions in short (details and the doubtful cases in README.md):

- persName: every named person, signatures included. "Title Name" ("Prince Rupert", "Lt. Collins", "Mr Mckenzie",
  "His Excellency LACHLAN M'QUARRIE") is one span with loose=True and core=<name without the title>. A possessive
  's / ’s / ’ is outside. Offices and styles standing alone ("his Majesty", "HIS EXCELLENCY", "Mr. Recorder") are
  optional. Peerages ("Duke of Albemarle", "Lord Sydney") are persName; the place in the title is optional.
  Ships ("the Henry", "Hindostan", "Beaver") are not marked; other readings of them are optional.
- orgName: named bodies ("73d Regiment"). Generic or collective labels ("NATIVE TRIBES", "First Middlesex Jury")
  and periodicals ("Sydney Gazette") are optional.
- placeName: towns, countries, regions, rivers, points, streets, squares. Countries and states go through place(),
  which also accepts an orgName reading (optional). State abbreviations ("N.Y.") are optional.
- date: `when` is Gregorian. Evelyn (England, 1666) wrote Old Style: calendar="julian", when=<Gregorian>,
  julian_iso=<as written>. A date without a year takes the document's year (or, in the Old Bailey trials of January
  1815, the preceding December's year). Weekdays standing alone ("Saturday", "Whitsunday", "Saturday last", "Monday
  last"), day-only references ("the 30th. ult.", "Saturday 17") and a month in a heading are optional.

Run with any python3; if `convertdate` is importable every Julian conversion is also checked against it.
"""

import sys
from functools import partial
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
import goldlib  # noqa: E402 - the shared Gold class, one folder up
from goldlib import TOTAL, done, julian_to_gregorian  # noqa: E402

Gold = partial(goldlib.Gold, HERE)


def jdate(g, s, iso, **kw):
    """An Old Style date given as a weekday or feast ("Saturday", "Whitsunday"): optional, Julian."""
    g.add(
        "date",
        s,
        optional=True,
        when=julian_to_gregorian(iso),
        calendar="julian",
        julian_iso=iso,
        **kw,
    )


# ---------------------------------------------------------------- Evelyn's diary (17th century, Old Style)

g = Gold("evelyn_1666-06-11_news-of-the-fight.txt")
g.pers("John Evelyn")
g.date("June 1666", "1666-06", optional=True, calendar="julian")  # the title's month
g.date("1st June, 1666", "1666-06-01", julian=True)  # Gregorian 11 June
g.town("Rochester")
g.optional("the Downs", ("placeName",))
g.optional("Downs", ("placeName",))
g.optional("Lieutenant of the Hampshire frigate", ("persName",))  # an office, unnamed
g.optional("Hampshire", ("placeName", "orgName", "persName"))  # the frigate (a ship)
g.town("London", n=2)
g.town("Deal")
g.optional("his Majesty", ("persName",))
g.town("St. James’s Park")
g.pers("Prince Rupert", "Rupert", n=2)
g.town("St. Helen’s Point")
g.add("placeName", "Isle of Wight", loose=True, core="Wight")
g.date("3d June, 1666", "1666-06-03", julian=True)
jdate(g, "Whitsunday", "1666-06-03")  # the day's heading word
g.pers("Duke of Albemarle", n=2)
g.optional("Albemarle", ("placeName",))
jdate(g, "Saturday", "1666-06-02")  # "all Saturday"
g.pers("Captain Harman", "Harman")  # "Captain Harman’s ship"
g.optional("Henry", ("persName", "placeName", "orgName"))  # "(the Henry)": a ship
g.pers("Mr. Bertie", "Bertie")
g.date("5th June, 1666", "1666-06-05", julian=True)
done(g)

# ---------------------------------------------------------------- Governor Phillip's letters (First Fleet, 1788)

g = Gold("phillip_1788-07-05_to-lord-sydney.txt")
g.pers("Governor Arthur Phillip", "Arthur Phillip")
g.pers("Lord Sydney", "Sydney", n=2)  # title and salutation
g.date("5 July 1788", "1788-07-05")
g.town("Sydney Cove")
g.town("Port Jackson")
g.date("July the 5th, 1788", "1788-07-05")
g.optional("the Mother Country", ("placeName",))  # England
g.optional("Mother Country", ("placeName",))
g.optional("the Colony", ("placeName", "orgName"))
g.optional("Colony", ("placeName", "orgName"))
g.pers("Lt. Collins", "Collins")
g.pers("Monsieur La Perouse", "La Perouse")
g.pers("Lady Sydney", "Sydney")
g.pers("Mr. Townshend", "Townshend")
g.pers("A. Phillip")
done(g)

# ---------------------------------------------------------------- Burns's letters (18th century)

g = Gold("burns_1788-03-26_to-mrs-dunlop.txt")
g.pers("Robert Burns")
g.pers("Mrs Frances Anna Dunlop", "Frances Anna Dunlop", n=2)  # title and heading
g.optional("Mrs Frances Anna Dunlop of Dunlop", ("persName",))
g.optional(
    "Dunlop", ("placeName",), keep=lambda a: g.text.startswith("of Dunlop", a - 3)
)  # her estate, in her style
g.date("26 March 1788", "1788-03-26")
g.town("Ayr")
g.date("26th March 1788", "1788-03-26")
g.town("Edinburgh", n=2)
g.add(
    "date", "Saturday last", optional=True, when="1788-03-22"
)  # the Saturday before Wednesday 26th
g.pers("Young")  # the poet Edward Young, quoted
g.pers("Mr Mckenzie", "Mckenzie")
g.pers("Mrs Mckenzie", "Mckenzie")
done(g)

# ---------------------------------------------------------------- Hudson's Bay Company post journal (18th century)

g = Gold("york-factory_1793-09-06_colen-journal.txt")
g.town("York Factory")
g.pers("Joseph Colen", n=2)
g.date("September 1793", "1793-09", optional=True)  # the title's month
g.town("York Fort")
g.town("Hudson's Bay")  # the bay, as the region of the post
g.place("North America")
g.date("September 6th 1793", "1793-09-06")
g.date("Sept. 6 1793", "1793-09-06")
g.add("date", "Friday", optional=True, when="1793-09-06")
g.pers("Hanwell")
g.pers("Turner")
g.optional("Captains Hanwell", ("persName",))
g.pers("Mr George Sutherland", "George Sutherland", n=2)
g.town(
    "Churchill", keep=lambda a: g.text.startswith("Churchill -", a)
)  # "the Packet for Churchill"
g.optional(
    "Churchill", ("placeName",), keep=lambda a: g.text.startswith("Churchill Packet", a)
)  # "Churchill Packet Indians"
g.place("England")
g.date("Sept. 7", "1793-09-07")
g.add("date", "Saturday", optional=True, when="1793-09-07")
g.optional("Battery House", ("placeName",))
g.optional("the Bar", ("placeName",))
g.optional("Prince of Wales")  # ships
g.optional("Queen Charlotte")
g.optional("Beaver")
g.pers("Mr? Taylor", "Taylor")  # the transcriber's "?" kept
g.town("Severn")
g.optional("God", ("persName",))
g.town("Nelson River")
g.pers("Mr Cook", "Cook")
g.date("Sept. 8", "1793-09-08")
g.add("date", "Sunday", optional=True, when="1793-09-08")
done(g)

# ---------------------------------------------------------------- Lachlan and Elizabeth Macquarie Archive: Sydney Gazette (1810)

g = Gold("sydney-gazette_1810-01-07_arrival-of-macquarie.txt")
g.optional("Sydney Gazette", ("orgName",))  # the newspaper
g.optional("Sydney", ("placeName",), keep=lambda a: g.text.startswith("Sydney Gazette", a))
g.date("7 January 1810", "1810-01-07")
g.pers("Governor Macquarie", "Macquarie")
g.optional("His Majesty", ("persName",))
g.optional("his Majesty", ("persName",))
g.optional("Hindostan")  # ships
g.optional("Dromedary")
g.pers("Captain JOHN PASCO", "JOHN PASCO")
g.pers("Mr. SAMUEL PERKINS PRITCHARD", "SAMUEL PERKINS PRITCHARD")
g.town("Sydney Cove")
g.add("date", "Saturday last", optional=True, when="1809-12-30")
g.add("date", "the 30th. ult.", optional=True, when="1809-12-30")
g.add("date", "30th. ult.", optional=True, when="1809-12-30")
g.pers("His Excellency LACHLAN M'QUARRIE", "LACHLAN M'QUARRIE")
g.place("New South Wales", n=2)
g.optional("LADY", ("persName",))  # Mrs Macquarie, Mrs Bent: not named
g.optional("his LADY", ("persName",))
g.pers("ELLIS BENT")
g.pers("Mr. JOHN THOMAS CAMPBELL", "JOHN THOMAS CAMPBELL")
g.optional("his Excellency the Governor", ("persName",))
g.optional("His Excellency the GOVERNOR", ("persName",))
g.optional("the Governor", ("persName",))
g.optional("the GOVERNOR", ("persName",))
g.optional("GOVERNOR", ("persName",))
g.optional("HIS EXCELLENCY", ("persName",))
g.optional("His Excellency", ("persName",))
g.optional("his Excellency", ("persName",))
g.pers("Lieutenant Colonel O'CONNELL", "O'CONNELL")
g.org("73d Regiment", n=2)
g.optional("Lieutenant Governor", ("persName",))  # an office (and the title of Paterson)
g.org("102d Regiment", n=2)
g.optional("Government landing Stairs", ("placeName",))
g.optional("the Government House", ("placeName",))
g.optional("Government House", ("placeName", "orgName"))
g.optional("Battery at Dawes's Point", ("placeName", "orgName"))
g.town("Dawes's Point")
g.pers("Lieutenant Governor PATERSON", "PATERSON")
g.pers("Colonel FOVEAUX", "FOVEAUX")
g.add("date", "Monday last", optional=True, when="1810-01-01")
g.town("Grand Parade")
done(g)

# ---------------------------------------------------------------- Lachlan and Elizabeth Macquarie Archive: proclamation (1816)

g = Gold("macquarie_1816-11-01_proclamation-on-the-natives.txt")
g.pers("Governor Lachlan Macquarie", "Lachlan Macquarie")
g.date("1 November 1816", "1816-11-01", n=2)  # title and the stored page's heading
g.optional("His Majesty", ("persName",))
g.place("New South Wales")
g.date("20th of July", "1816-07-20", n=3)
g.add("date", "20th of July last", optional=True, when="1816-07-20")
g.optional("NATIVE TRIBES", ("orgName",))  # collective, unnamed
g.optional("Hostile NATIVE TRIBES", ("orgName",))
g.optional("Native Tribes", ("orgName",))
g.date("Eighth Day of the present Month of November", "1816-11-08")
for name in (
    "Murrah",
    "Myles",
    "Wallah",
    "Warren",
    "Carbone Jack",
    "Kurringy",
    "Narrang Jack",
    "Bunduck",
    "Kongate",
    "Woottan",
    "Rachel",
    "Yallaman",
):
    g.pers(name, n=1)
g.optional("Wallah, alias Warren", ("persName",))
g.optional("Carbone Jack, alias Kurringy", ("persName",))
done(g)

# ---------------------------------------------------------------- Old Bailey Proceedings (19th century)

g = Gold("old-bailey_1815-01-11_trial-of-michael-gold.txt")
g.optional("Old Bailey", ("orgName", "placeName"))  # the court, in the title
g.optional("Old Bailey Proceedings", ("orgName",))
g.pers("Michael Gold")
g.date("11 January 1815", "1815-01-11")
g.pers("MICHAEL GOLD")
g.date("14th of December", "1814-12-14", n=2)  # the December before the January 1815 session
g.pers("George Mitchell")
g.pers("GEORGE MITCHELL")
g.town("Wilson street")
g.town("Finsbury-square")
g.optional("First Middlesex Jury", ("orgName",))
g.optional("Middlesex", ("placeName",))  # in the jury's name (cf. "the Norfolk circuit")
g.optional("Mr. Recorder", ("persName",))  # an office
g.optional("Recorder", ("persName",))
done(g)

g = Gold("old-bailey_1822-05-22_trial-of-george-gutteridge.txt")
g.optional("Old Bailey", ("orgName", "placeName"))
g.optional("Old Bailey Proceedings", ("orgName",))
g.pers("George Gutteridge")
g.date("22 May 1822", "1822-05-22")
g.pers("GEORGE GUTTERIDGE")
g.date("4th of May", "1822-05-04", n=2)
g.pers("Mr. James Blair", "James Blair")
g.pers("James Blair", n=1)  # "the goods of James Blair"
g.pers("WILLIAM WALLIS")
g.town("Devonshire-place")
g.town("Weymouth-mews", n=2)
g.pers("Binning")
g.pers("WILLIAM BINNING")
g.town("Slade's-buildings")
g.town("Blandford-mews")
g.pers("Wallis")
g.pers("WILLIAM TOOMBS")
g.pers("ELIZA AVIS")
g.pers("Mr. Blair", "Blair")
g.optional("First Middlesex Jury", ("orgName",))
g.optional("Middlesex", ("placeName",))
g.optional("Mr. Common Sergeant", ("persName",))  # an office
g.optional("Common Sergeant", ("persName",))
done(g)

# ---------------------------------------------------------------- Frederick Douglass (1848)

g = Gold("douglass_1848-09-08_to-thomas-auld.txt")
g.pers("Frederick Douglass")
g.pers("Thomas Auld")
g.date("8 September 1848", "1848-09-08", n=2)
g.town("Rochester")
g.optional("N.Y.", ("placeName", "orgName"))  # state abbreviation, in the editors' brackets
g.optional("[N.Y.]", ("placeName", "orgName"))
g.optional("My Old Master", ("persName",))
g.pers("THOMAS AULD")
g.optional("North", ("placeName",))  # the free and the slave states
g.optional("South", ("placeName",))
done(g)

# ---------------------------------------------------------------- Scott's Last Expedition (20th century)

g = Gold("scott_1912-03-16_death-of-oates.txt")
g.pers("Captain Scott", "Scott")
g.pers("Titus Oates")
g.pers("Oates", n=2)  # title and "Oates’ last thoughts"
g.date("March 1912", "1912-03")
g.add("date", "Friday, March 16", loose=True, core="March 16", when="1912-03-16")
g.add("date", "Saturday 17", optional=True, when="1912-03-17")  # the other possible day
g.optional("Mother", ("persName",))  # "his Mother", unnamed
done(g)

print("total (non-optional):", TOTAL)
