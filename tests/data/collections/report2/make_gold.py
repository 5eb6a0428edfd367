#!/usr/bin/env python3
"""Writes NAME.gold.json beside each text of the second HELD-OUT set (report2), with the conventions of
../tune3/make_gold.py and the shared Gold class of ../goldlib.py. Written before the tool was run on these texts.
"""

import sys
from functools import partial
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))
import goldlib  # noqa: E402 - the shared Gold class, one folder up
from goldlib import TOTAL, done  # noqa: E402

Gold = partial(goldlib.Gold, HERE)


# ---------------------------------------------------------------- Wythepedia (1766)

g = Gold("wythe_1766-06-23_to-franklin.txt")
g.pers("George Wythe")
g.pers("Benjamin Franklin")
g.date("23 June 1766", "1766-06-23")
g.optional("house of burgesses", ("orgName",))
g.pers("doctor Franklin", "Franklin")
g.pers("Tacitus")
g.pers("G. Wythe")
done(g)

# ---------------------------------------------------------------- Selected English Letters (Steele, 1707, Old Style)

g = Gold("steele_1707-08-22_to-mary-scurlock.txt")
g.pers("Richard Steele")
g.pers("Mary Scurlock")
g.date("11 August 1707", "1707-08-11", julian=True)
g.date("11 Aug. 1707", "1707-08-11", julian=True)
g.optional("Saturday", ("date",))
g.pers("Mrs. Warren", "Warren")
done(g)

# ---------------------------------------------------------------- Letters of Ignatius Sancho (1779)

g = Gold("sancho_1779-09-02_to-mr-i.txt")
g.pers("Ignatius Sancho")
g.optional("Mr. I——", ("persName",))
g.optional("Mr. I", ("persName",))
g.date("2 September 1779", "1779-09-02")
g.date("Sept. 2, 1779", "1779-09-02")
g.pers("Laggarit", keep=lambda a: not g.text.startswith("Mr.", a - 4))
g.pers("Mr. Laggarit", "Laggarit")
g.optional("Mr. P——", ("persName",))
g.optional("Mr. P", ("persName",))
g.optional("E—— B——", ("persName",))
g.optional("Mrs. I——", ("persName",))
g.optional("Mrs. I", ("persName",))
g.pers("I. SANCHO")
done(g)

# ---------------------------------------------------------------- Darwin Correspondence Project (Hooker, 1866)

g = Gold("hooker_1866-07-02_to-darwin.txt")
g.pers("J. D. Hooker")
g.pers("Charles Darwin")
g.date("2 July 1866", "1866-07-02")
g.town("Kew")
g.date("July 2d. /66", "1866-07-02")
g.optional("July 2d", ("date",))
g.pers("Darwin", keep=lambda a: g.text.startswith("Dear", a - 5))
g.pers("James")
g.optional("Gallegos", ("placeName",))
g.pers("Huxley")
g.optional("the Duke", ("persName",))
g.optional("Duke", ("persName",))
g.pers("Murchison")
g.pers("Sullivan")
g.pers("Spencer")
g.optional("F.", ("persName",))
g.pers("Brian")
g.town("Down")
g.pers("Smith")
g.pers("J D Hooker")
done(g)

print("total (non-optional):", TOTAL)
