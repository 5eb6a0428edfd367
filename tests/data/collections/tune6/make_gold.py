#!/usr/bin/env python3
"""Writes NAME.gold.json beside each text of the sixth TUNING set (tune6), with the conventions of
../tune3/make_gold.py, ../tune5/make_gold.py and ../tune/README.md and the shared Gold class of ../goldlib.py.

The texts were chosen to be rich in places and bodies (travel narratives, explorers' journals, a newspaper
correspondent's despatches). The gold was written by hand from the texts alone, before tei-tools was run on
any of them and without looking at its vocabulary files.

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


# ---------------------------------------------------------------- Defoe's Tour, the eastern circuit (1722, Old Style)

g = Gold("defoe_1722-04-14_eastern-circuit.txt")
g.pers("Daniel Defoe")  # the title, which is ours
g.town("City of London")
g.optional("City of London", ("orgName",))  # the City as a corporation
g.optional("London", ("placeName",))
# England before 1752: Old Style, Gregorian 14 April 1722 (April is after 25 March, so the year is 1722 either way)
g.date("3rd of April 1722", "1722-04-03", julian=True)
g.optional("3rd of April", ("date",))
g.town("Thames")
g.optional("Marshes or Hundreds", ("placeName",))
g.optional("Hundreds", ("placeName",))
g.town("Essex", n=2)
g.optional("county of Essex", ("placeName",))
g.town("Malden", "Colchester", "Harwich")
g.town("Suffolk", n=2)
g.town("Yarmouth", "Norfolk", "Lynn", "Wisbech")
g.town("Wash")  # "the Wash"
g.optional("the Wash", ("placeName",))
g.town("Middlesex")
done(g)

# ---------------------------------------------------------------- Mungo Park's Travels (1795)

g = Gold("park_1795-07-05_jonkakonda-to-pisania.txt")
g.pers("Mungo Park")  # the title
g.town("Jonkakonda", n=5)  # title and four in the text
g.town("Pisania", n=3)
g.town("Gambia", n=2)
g.town("Vintain")
g.pers("Dr. Laidley", "Laidley", n=2)
g.optional("Doctor", ("persName",))  # "the Doctor", "the Doctor's house"
g.pers("Mr. Beaufoy", "Beaufoy")
g.date("5th of July", "1795-07-05")  # the year from the book (Park reached Pisania on 5 July 1795)
g.town("Yany")  # the kingdom
g.optional("king of Yany", ("persName",))  # an office
g.optional("king", ("persName",), keep=lambda a: g.text.startswith("king's protection", a))
g.pers("Ainsley")
done(g)

# ---------------------------------------------------------------- Huish's retelling of Park's first voyage

g = Gold("huish_1793-05-22_park-sails-for-the-gambia.txt")
g.pers("Robert Huish")  # the title
g.pers("Mr. Mungo Park", "Mungo Park")
g.pers("Mungo Park", n=1)  # the title ("Mungo Park's")
g.org("African Association", n=2)  # title and text
g.town("Gambia", n=3)
g.pers("Major Houghton", "Houghton")
g.optional("company", ("orgName",))  # "for which the company was originally established"
g.optional("society", ("orgName",))
g.optional("the society", ("orgName",))
g.optional("committee", ("orgName",))
g.optional("the committee", ("orgName",))
g.place("Scotland")
g.town("Africa", n=2)
g.town("Niger")
g.optional("river Niger", ("placeName",))
g.town("Bambouk", "Timbuctoo", "Houssa")
g.town("Europe", n=2)
g.town("Portsmouth")
# Huish's year: Park in fact sailed on 22 May 1795; the date is marked as written
g.date("22nd of May, 1793", "1793-05-22")
g.date("4th June", "1793-06-04")
g.date("21st", "1793-06-21", optional=True)  # month from the context
g.date("23rd", "1793-06-23", optional=True)
g.date("26th", "1793-06-26", optional=True)
g.town("Mogadore", "Jillifree")
g.town("James' Island")
g.optional("English", ("orgName",))  # "where the English had formerly a small fort"
g.town("Vintain", n=2)
g.town("Jonkakonda")
done(g)

# ---------------------------------------------------------------- Bingley's Travels in North America, from Mackenzie (1789)

g = Gold("bingley_1789-06-03_mackenzie-leaves-fort-chepewyan.txt")
g.pers("Mr. (now Sir Alexander) Mackenzie", "Mackenzie")
g.optional("Sir Alexander", ("persName",))
g.optional("Sir Alexander) Mackenzie", ("persName",))
g.pers("Alexander Mackenzie", n=1)  # "by Alexander Mackenzie"
g.pers("Mr Mackenzie", "Mackenzie")
g.pers("Mr. Mackenzie", "Mackenzie")
g.pers("Mackenzie", n=1)  # the title ("Mackenzie's")
g.pers("Bingley")  # the title ("Bingley's")
g.optional("North America", ("placeName",))  # inside the titles of books, in our title and the text
g.town("Fort Chepewyan", n=4)
g.town("Frozen Ocean", n=2)  # title and heading ("the north Frozen Ocean")
g.org("North-west Company")
g.optional("Company", ("orgName",), keep=lambda a: g.text.startswith("Company's clerks", a))
g.town("Frozen Sea")
g.town("Pacific Ocean")
g.date("3d of June, 1789", "1789-06-03")
g.pers("M. Le Roux", "Le Roux")
g.town("Lake of the Hills")
g.town("Slave river")
done(g)

# ---------------------------------------------------------------- Flinders, A Voyage to Terra Australis (1814), on 1788

g = Gold("flinders_1788-01-18_botany-bay-and-port-jackson.txt")
g.pers("Matthew Flinders")  # the title
g.town("Port Jackson", n=2)  # title and text
g.town("PORT JACKSON")
g.date("1788", "1788")  # "The year 1788"
g.optional("The year 1788", ("date",))
g.town("Terra Australis")
g.date("Jan. 18", "1788-01-18")
g.pers("Captain (now vice-admiral) ARTHUR PHILLIP", "ARTHUR PHILLIP")
g.town("Botany Bay", n=2)
g.optional("His Majesty", ("persName",))  # "His Majesty's brig Supply"; the ships are not marked
g.pers("captain John Hunter", "John Hunter")
g.place("New South Wales")
g.pers("Captain Phillip", "Phillip")
g.optional("Governor and Captain-general", ("persName",))  # an office
done(g)

# ---------------------------------------------------------------- Pike's journal, August 1806

g = Gold("pike_1806-08-09_old-mans-rapids.txt")
g.pers("Zebulon Pike")  # the title
g.date("August 1806", "1806-08", optional=True)  # a month, in the title
g.date("Aug. 9th", "1806-08-09")
g.date("Aug. 10th", "1806-08-10")
g.date("Sunday, Aug. 10th", "1806-08-10", optional=True)
g.town("Old Man's Rapids")
g.town("Upper Gravel river")
g.town("Pottoe")
g.optional("Poteau", ("placeName",))  # the editor's query
g.optional("Pottoe [qu. Poteau?] river", ("placeName",))
g.pers("Sparks", n=4)
g.pers("Sans Oreille", n=2)
done(g)

# ---------------------------------------------------------------- Stanley's despatches to the New York Herald (1872)

g = Gold("stanley_1872-03-01_a-victim-of-thievery.txt")
g.pers("Henry M. Stanley")  # the title
g.optional("New York Herald", ("orgName",))  # a newspaper, in the title
g.optional("New York", ("placeName",))
g.town("Kwihara")
g.town("Unyanyembe", n=4)
g.date("March 1, 1872", "1872-03-01")
g.pers("Doctor Livingstone", "Livingstone")
g.pers(
    "Livingstone", n=5
)  # the title, "addressed to Livingstone", "Livingstone’s men", "Livingstone got", "Livingstone had"
g.org("HERALD Expedition", n=3)  # the newspaper's expedition, a named body
g.optional("HERALD", ("orgName",))
g.org("British Consulate", n=3)
g.optional("British Consulate at Zanzibar", ("orgName",))
g.optional("Consulate", ("orgName",), keep=lambda a: g.text.startswith("Consulate’s", a))
g.optional("consulate", ("orgName",))
g.town("Ujiji", n=2)
g.town("Zanzibar", n=2)
done(g)

g = Gold("stanley_1872-03-12_return-to-zanzibar.txt")
g.pers("Henry M. Stanley")  # the title
g.optional("New York Herald", ("orgName",))
g.optional("New York", ("placeName",))
g.pers("Livingstone", keep=lambda a: a < 100)  # the title ("Livingstone's")
g.town("Kwihara")
g.town("Unyanyembe", n=2)
g.date("March 12, 1872", "1872-03-12")
g.org("HERALD expedition")
g.optional("HERALD", ("orgName",))
g.optional("Land of the Moon", ("placeName",))
g.optional("the Land of the Moon", ("placeName",))
g.town("Unyamwezi")
g.pers("Dr. Livingstone", "Livingstone")
g.town("Zanzibar", n=2)
g.town("Ufipa", "Liemba")
g.town("Marungu", n=2)
g.town("Luapula River")
g.optional("Luapula", ("placeName",))
g.optional("Chicumbi", ("persName", "placeName"))  # "at Chicumbi’s": the chief's town
g.town("Katanga", n=3)
g.town("Rua", n=2)
g.pers("Herodotus")  # "the fountains of Herodotus"
g.optional("fountains of Herodotus", ("placeName",))
g.town("Lake Kamolondo")
g.town("Kamolondo", n=1)  # "the lake north of Kamolondo"
g.town("Lufira")  # "by river Lufira"
g.optional("river Lufira", ("placeName",))
g.town("Lake Lincoln")
g.town("Lualaba", "Uguhha", "Ujiji", "Urori")
g.place("England")
done(g)

# ---------------------------------------------------------------- Appendix to the Journals of the House of Representatives (NZ), 1887: Board of Trade and Foreign Office (1886)

g = Gold("ajhr_1886-07-27_board-of-trade-and-foreign-office.txt")
g.org(
    "Board of Trade", n=4
)  # title, "The Board of Trade are", the heading, "thanks to the Board of Trade"
g.org("Foreign Office", n=6)  # title, two in the letter, the addressee, the heading, the dateline
g.optional(
    "Foreign Office", ("placeName",), keep=lambda a: g.text.startswith("Foreign Office, 27th", a)
)  # as a dateline
g.optional("Customs", ("orgName",))  # "Customs tariffs"
g.optional(
    "Board", ("orgName",), keep=lambda a: not g.text.startswith("Board of Trade", a)
)  # "this Board", "the Board may rely"
g.pers("Lord Eosebery", "Eosebery")  # OCR for Rosebery
g.optional("Her Majesty", ("persName",))
g.optional("his Lordship", ("persName",))
g.optional("Under-Secretary of State", ("persName",))  # an office
g.optional("The Under-Secretary of State", ("persName",))
g.pers("Henby G. Calcbaft")  # OCR for Henry G. Calcraft, the signature
g.date("27th July, 1886", "1886-07-27")
g.pers("Earl of Bosebery")  # OCR for Rosebery
g.optional("Bosebery", ("placeName",))  # the place in the title
g.date("17th instant", "1886-07-17")  # "your letter of the 17th instant": of this month
g.optional("the 17th instant", ("date",))
g.date("February last", "1886-02", optional=True)
g.optional("the month of February last", ("date",))
done(g)

# ---------------------------------------------------------------- Walker, The Church of England Mission in Sierra Leone (1847), on 1844

g = Gold("walker_1844-12-18_missionaries-for-abbeokouta.txt")
g.pers("Samuel Abraham Walker")  # the title
g.town("Sierra Leone", n=3)
g.town("Abbeokouta", n=3)
# the year is the chapter's: Warburton's next letter, on the stored page, is dated "May 9, 1844"
g.date("18th of December", "1844-12-18")
g.town("Freetown", n=3)
g.pers("Mr. Townsend", "Townsend", n=2)
g.place("England")
g.pers("Mr. Gollmer", "Gollmer")
g.optional("Lieutenant Governor", ("persName",))  # an office
g.optional("the Lieutenant Governor", ("persName",))
g.pers("Sodeke")
g.optional("chief of Abbeokouta", ("persName",))
g.optional("English Governor of Badagry", ("persName",))  # a title the chief gave himself
g.town("Badagry")
g.optional("king of Dahomey", ("persName",))
g.place("Dahomey")
g.pers("Commodore James", "James")
g.optional(
    "her Majest/s", ("persName",)
)  # OCR for "her Majesty's"; the ships Adario and Penelope are not marked
g.pers("Mr. Warburton", "Warburton")
g.optional("Mission-house", ("placeName", "orgName"))
g.optional("God", ("persName",))
g.optional(
    "Mission", ("orgName",), keep=lambda a: g.text.startswith("Mission lost", a)
)  # the Sierra Leone Mission as a body
g.optional("The Mission", ("orgName",))
g.optional("Missionaries", ("orgName",))
g.pers("Mrs. MuUer", "MuUer")  # OCR for Muller
g.pers("Mr. J. C. Muller", "J. C. Muller")
g.optional("Catechist of Kissey", ("persName",))  # an office
g.town("Kissey")
g.date("9th of May", "1844-05-09")
g.pers("Mrs. Smith", "Smith")
g.pers("Rev. J. Smith", "J. Smith")
g.optional("the Rev. J. Smith", ("persName",))
g.date("26th of December", "1844-12-26")
g.optional("Colony", ("placeName", "orgName"))  # "the Colony": Sierra Leone
g.pers("Mrs. Peyton", "Peyton")
g.optional("Mr. and Mrs. Peyton", ("persName",))
g.date("3rd of the same month", "1844-12-03", optional=True)
done(g)

print("total (non-optional):", TOTAL)
