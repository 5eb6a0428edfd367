#!/usr/bin/env python3
"""Writes NAME.gold.json beside each text of the fifth TUNING set (tune5), with the conventions of
../tune3/make_gold.py, ../tune4/make_gold.py and ../tune/README.md and the shared Gold class of ../goldlib.py.

The gold was written by hand from the texts alone, before tei-tools was run on any of them.
"""

import sys
from functools import partial
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
import goldlib  # noqa: E402 - the shared Gold class, one folder up
from goldlib import TOTAL, done, julian_to_gregorian  # noqa: E402

Gold = partial(goldlib.Gold, HERE)


def raw_date(g, start_text, s, iso, julian=False, **kw):
    """A date span that Gold.add cannot find because the OCR glued a letter to its front
    ("SSept. 6th, 1631"): start_text is the longer string that holds it, s the date itself."""
    a = g.text.index(start_text) + start_text.index(s)
    assert g.text[a : a + len(s)] == s
    span = {"type": "date", "start": a, "end": a + len(s), "text": s, **kw}
    if julian:
        span.update(when=julian_to_gregorian(iso), calendar="julian", julian_iso=iso)
    else:
        span["when"] = iso
    g.spans.append(span)


# ---------------------------------------------------------------- Elizabeth I to James VI (1587, Old Style)

g = Gold("elizabeth_1587-02-24_to-james-vi.txt")
g.pers("Queen Elizabeth I", "Elizabeth I")
g.pers("King James VI", "James VI")
g.pers("Mary Queen of Scots", "Mary")  # in the title, which is ours
g.optional("Queen of Scots", ("persName",))
g.optional("King James VI of Scotland", ("persName",))
g.optional("Scotland", ("placeName", "orgName"))  # the king's style
g.optional("God", ("persName",))
g.optional("Kinge", ("persName",))
# "The 14th of Feb. 1586": English year begun 25 March, so February 1586 is 1587 counted from 1 January;
# Old Style, Gregorian 24 February 1587.
g.date("14th of Feb. 1586", "1587-02-14", julian=True)
g.date("The 14th of Feb. 1586", "1587-02-14", julian=True, optional=True)
done(g)

# ---------------------------------------------------------------- Bligh's log of the Bounty (1789)

g = Gold("bligh_1789-04-28_mutiny-on-the-bounty.txt")
g.pers("Lieutenant William Bligh", "William Bligh")
g.date("28 April 1789", "1789-04-28")
g.pers("Mr. Christian", "Christian", n=2)
g.pers("Christian", keep=lambda a: g.text.startswith("Christian at", a))
g.optional("Mr Christians", ("persName",))  # possessive without apostrophe
g.optional("Christians", ("persName",))
g.pers("Chas. Churchill")
g.pers("John Mills")
g.pers("Thomas Burkett")
g.pers("Alexr. Smith")
g.pers("Jno. Sumner")
g.pers("Matw. Quintal")
g.pers("Mr Hayward", "Hayward")
g.pers("Hallett")
g.pers("Mr. Elphinstone", "Elphinstone")
g.pers("Mr Nelson", "Nelson")
g.pers("Mr. Peckover", "Peckover")
g.pers("Mr Ledward", "Ledward")
g.pers("Mr. Jno Samuel", "Jno Samuel")
done(g)

# ---------------------------------------------------------------- John Wesley's journal (August 1776)

g = Gold("wesley_1776-08-02_conference-and-journey-west.txt")
g.pers("John Wesley")
g.optional("August 1776", ("date",))  # a month, in the title
g.date("AUGUST 2", "1776-08-02")
g.date("Fri. AUGUST 2", "1776-08-02", optional=True)
# entry headings and days whose month comes from the context: optional (as Swift's "l0." in tune3)
for s, iso in [
    ("Sun. 4", "1776-08-04"),
    ("Tues. 6", "1776-08-06"),
    ("Friday, 9", "1776-08-09"),
    ("Sunday, 11", "1776-08-11"),
    ("Tues. 13", "1776-08-13"),
    ("Wed. 14", "1776-08-14"),
]:
    g.date(s, iso, optional=True)
    day = s.split()[-1]
    a = g.text.index(s) + len(s) - len(day)
    g.spans.append(
        {
            "type": "date",
            "start": a,
            "end": a + len(day),
            "text": day,
            "when": iso,
            "optional": True,
        }
    )
g.optional("Monday", ("date",))
g.optional("Thursday", ("date",))
g.optional("Preachers", ("orgName",))
g.optional("God", ("persName",))
g.optional("Jesus", ("persName",), keep=lambda a: g.text.startswith("Jesus hath", a))
g.town("Moorfields")
g.optional("Conference", ("orgName",))  # the Methodist Conference
g.optional("Conferences", ("orgName",))
g.place("America")
g.town("Bristol")
g.pers("Mr. Fletcher", "Fletcher")
g.place("Cornwall")
g.town("Taunton")
g.pers("Mr. Brown", "Brown")
g.town("Kingston")
g.pers("Dr. Coke", "Coke")
g.optional("Gentleman Commoner", ("persName",))
g.org("Jesus College")
g.optional("Jesus College in Oxford", ("orgName",))
g.town("Oxford")
g.town("Tiverton")
g.town("Launceston")
g.optional("Circuit", ("orgName", "placeName"))
done(g)

# ---------------------------------------------------------------- Dolley Madison to Anna (1812)

g = Gold("madison_1812-05-12_to-anna.txt")
g.pers("Dolley Madison")
g.pers("Anna", n=3)  # title, salutation, "dear Anna"
g.date("12 May 1812", "1812-05-12")
g.town("Washington")
g.date("May 12, 1812", "1812-05-12")
g.pers("John Randolph")
g.optional("House", ("orgName",))  # the House of Representatives, in quotation marks
g.pers("Lucy")
g.place("Kentucky")
g.place("Virginia")
g.pers("Payne")
g.town("Baltimore")
g.pers("Mrs. Patterson", "Patterson")
g.pers("Mrs. Bonaparte", "Bonaparte")
g.town("Princeton")
g.optional("Princeton", ("orgName",))  # the college
g.pers("Dolly")
done(g)

# ---------------------------------------------------------------- Byron to Murray (1817)

g = Gold("byron_1817-03-25_to-murray.txt")
g.pers("Lord Byron", "Byron")
g.pers("John Murray")
g.town("Venice", n=4)
g.date("25 March 1817", "1817-03-25")
g.date("March 25th, 1817", "1817-03-25")
g.town("Florence")
g.town("Naples")
g.town("Rome", n=2)
g.place("Switzerland")
g.optional("Pantheon", ("placeName",))
g.optional("St. Peter’s", ("placeName",))
g.optional("Capitol", ("placeName",))
done(g)

# ---------------------------------------------------------------- London Gazette, Whitehall notices (1821)

g = Gold("london-gazette_1821-06-18_whitehall-notices.txt")
g.optional("London Gazette", ("orgName",))  # a newspaper: only optional, as the Tatler in tune3
g.optional("June 1821", ("date",))
g.town("Whitehall", n=7)  # six datelines and the title
g.date("June 18, 1821", "1821-06-18", n=2)
g.date("June 12, 1821", "1821-06-12")
g.date("June 15, 1821", "1821-06-15", n=2)
g.date("June 16, 1821", "1821-06-16")
g.optional("The King", ("persName",))
g.pers("Peter Robert Lord Gwydir", "Lord Gwydir")
g.optional("Gwydir", ("placeName",))
g.optional("Lord Great Chamberlain of England", ("persName",))  # an office
g.optional("Lord Great Chamberlain", ("persName",))
g.optional("England", ("placeName", "orgName"))
g.pers("Priscilla Barbara Elizabeth Baroness Willoughby")
g.optional("Priscilla Barbara Elizabeth Baroness Willoughby, of Eresby", ("persName",))
g.optional("Baroness Willoughby", ("persName",))
g.optional("Eresby", ("placeName",))
g.pers("Georgina Charlotte Marchioness of Cholmondeley")
g.optional("Marchioness of Cholmondeley", ("persName",))
g.optional("Cholmondeley", ("placeName",))
g.pers("Reverend Arthur Henry Kenny", "Arthur Henry Kenny")
g.optional("Rectory of Saint Olave's", ("orgName", "placeName"))
g.optional("Saint Olave's", ("orgName", "placeName"))
g.town("Southwark")
g.pers("Re verend William Greene", "William Greene")
g.pers("Rever end Thomas Fraser", "Thomas Fraser")
g.town("Inverness", n=2)
g.pers("Reverend Alexander Fraser", "Alexander Fraser")
g.pers("Rever end Doctor John Lee", "John Lee")
g.optional("Cannongate Church", ("orgName", "placeName"))
g.optional("Cannongate", ("placeName",))
g.town("Edinburgh")
g.pers("Doctor Alexander Stewart", "Alexander Stewart")
g.pers("Mr. Arthur Duff", "Arthur Duff")
g.optional("Keeper of the Register of Seasines", ("persName",))  # an office
g.optional("Register of Seasines", ("orgName",))
g.town("Elgin")
g.town("Forres")
g.town("Nairn")
g.pers("Mr. Patrick Duff", "Patrick Duff")
g.pers("Mr. David Shaw", "David Shaw")
g.town("Ayr")
g.optional("shire of Ayr", ("placeName",))
g.pers("Mr. Charles Shaw", "Charles Shaw")
done(g)

# ---------------------------------------------------------------- Inglis's report on Lucknow (1857)

g = Gold("inglis_1857-09-26_defence-of-lucknow.txt")
g.pers("Brigadier Inglis", "Inglis")
g.pers("BRIGADIER INGLIS", "INGLIS")
g.town("Lucknow", n=6)
g.date("26 September 1857", "1857-09-26")
g.date("26th September 1857", "1857-09-26")
g.optional("Garrison of Lucknow", ("orgName",))
g.optional("SECRETARY TO GOVERNMENT MILITARY DEPARTMENT", ("persName",))  # an office
g.org("MILITARY DEPARTMENT")
g.optional("GOVERNMENT MILITARY DEPARTMENT", ("orgName",))
g.town("Calcutta")
g.pers("Brigadier-General Sir H. M. Lawrence", "H. M. Lawrence")
g.optional("Sir H. M. Lawrence", ("persName",))
g.org("Oude Field Force")
g.place("Oude")
g.date("29th June", "1857-06-29")
g.date("29th June last", "1857-06-29", optional=True)
g.pers("Sir Henry Lawrence", "Henry Lawrence")
g.town("Chinhut", n=2)
g.town("Fyzabad", n=2)
g.optional("Fyzabad road", ("placeName",))
g.optional("the late Brigadier-General", ("persName",))
g.town("Gokral")
done(g)

# ---------------------------------------------------------------- Lord Roberts's despatch (1900)

g = Gold("roberts_1900-02-06_state-of-affairs-in-south-africa.txt")
g.pers("Field-Marshal Lord Roberts", "Lord Roberts")
g.pers("Lord Roberts", n=1)  # the title
g.optional("Secretary of State for War", ("persName",))  # an office
g.date("6 February 1900", "1900-02-06")
g.optional("Army Head-Quarters", ("orgName",))
g.place("South Africa", n=2)
g.town("Cape Town", n=2)
g.date("6th February, 1900", "1900-02-06")
g.town("Kimberley", n=2)
g.place("Orange Free State")
g.org("Her Majesty’s Government")
g.optional("Government", ("orgName",))
g.date("10th January", "1900-01-10")
g.date("the 10th January", "1900-01-10", optional=True)
g.place("England")
g.date("20th October", "1899-10-20")  # the previous October: the troops sailed in 1899
g.date("the 20th October", "1899-10-20", optional=True)
g.date("December", "1899-12", optional=True)
g.optional("Army-Corps", ("orgName",))
g.pers("Sir Redvers Buller", "Redvers Buller")
g.pers("Lord Methuen", n=3)
g.org("Brigade of Guards")
g.org("Highland Brigade")
g.optional("the 3rd, or Highland Brigade", ("orgName",))
g.optional("Lines of Communication", ("orgName",))
g.town("Modder River")
g.town("Magersfontein")
g.pers("Lieut.-General Clery", "Clery")
g.org("Second Division")
g.town("Port Elizabeth")
g.optional("Midland line", ("placeName",))
g.town("Naauwpoort")
g.town("Colesberg")
g.pers("Lieut.-General Gatacre", "Gatacre")
g.town("East London")
g.optional("Eastern line", ("placeName",))
g.town("Stormberg")
g.town("Burghersdorp")
done(g)

# ---------------------------------------------------------------- Massachusetts Bay, Court of Assistants (1631-32, Old Style)

g = Gold("massachusetts-court_1631-05-13_orders-of-the-court.txt")
g.org("Court of Assistants of Massachusetts Bay")
g.town("Massachusetts Bay")
g.optional("Court of Assistants", ("orgName",))
g.optional("1631", ("date",), keep=lambda a: a < 80)  # years alone, in the title
g.optional("1632", ("date",), keep=lambda a: a < 80)
# names the printed source suppressed to initials and dashes (as the Sancho gold in report2): optional
for s in [
    "Thomas M",
    "Mrs. B. G",
    "Mr. G————",
    "John L",
    "Mr. H",
    "Richard W",
    "Philip R―",
    "Henry L",
    "Mr. James P",
    "Sir Richard",
]:
    g.optional(s, ("persName",))
g.optional("the 8th of December next", ("date",))  # year not given in the excerpt
g.optional("8th of December", ("date",))
g.town("Plymouth")
g.town("Boston")
g.town("Salem", n=2)
g.org("church of Salem")
g.date("May 3d, 1631", "1631-05-03", julian=True)
g.date("June 14th, 1631", "1631-06-14", julian=True)
g.optional("the Governor", ("persName",))
g.optional("Assistants", ("orgName",), keep=lambda a: a > 80)
g.pers("Chickataubut")
g.optional("Sachem of the Massachusetts Indians", ("persName",))
g.optional("Massachusetts Indians", ("orgName",))
g.optional(
    "Massachusetts",
    ("placeName", "orgName"),
    keep=lambda a: g.text.startswith("Massachusetts Indians", a),
)
raw_date(g, "SSept. 6th, 1631", "Sept. 6th, 1631", "1631-09-06", julian=True)
g.optional("Plantations", ("placeName", "orgName"))
g.date("6th day of October next", "1631-10-06", julian=True)
g.date("the 6th day of October next", "1631-10-06", julian=True, optional=True)
g.place("England")
g.date("May 19th, 1632", "1632-05-19", julian=True)
g.optional("the Court", ("orgName",), keep=lambda a: a > 80)
g.optional(
    "Court",
    ("orgName",),
    keep=lambda a: g.text.startswith("Court,", a) or g.text.startswith("Court, ", a),
)
g.optional("God", ("persName",))
g.place("Germany")
g.place("Palatinate")
g.optional("churches of God in Germany and the Palatinate", ("orgName",))
g.optional("13th day of this present month", ("date",))
g.optional("the next Court", ("orgName",))
g.optional("Virginia", ("placeName",))  # "the Virginia ship"
g.date("July 3d, 1632", "1632-07-03", julian=True)
done(g)

print("total (non-optional):", TOTAL)
