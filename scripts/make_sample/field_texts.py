"""How each field other than the name is spelled: which of the wordings, category
names, flag spellings, date forms and reference forms the pipeline must accept a row
uses. The first valid rows take every wording, category and flag spelling in turn
(coverage queues), so that each is used at least once whatever the seed."""

from .vocabulary import AREAS, FIRST_YEAR, REMEDIED_WORDINGS, SAT_NO, SAT_YES, UPH, WORDING


def day_text(style, y, m, d):
    """A calendar day in a plain style: "dmy" 05/04/2020, "dm" 5/4/2020 or "iso"
    2020-04-05. Takes numbers, not a date, so that it can write days that do not exist."""
    if style == "dmy":
        return "%02d/%02d/%04d" % (d, m, y)
    if style == "dm":
        return "%d/%d/%04d" % (d, m, y)
    return "%04d-%02d-%02d" % (y, m, d)


class FieldTexts:
    """The spelling of the decision, category, flag, date and reference fields."""

    def __init__(self, rng):
        self.rng = rng
        self.q_dec = {o: list(m) + list(l) for o, (m, l) in WORDING.items()}
        self.q_area = {i: [c] + v + l for i, (c, v, l) in enumerate(AREAS)}
        self.q_sat_yes = list(SAT_YES)
        self.q_sat_no = list(SAT_NO)

    def unused(self):
        """The texts of the coverage queues not written yet (empty once all are used)."""
        left = [t for q in self.q_dec.values() for t in q] + [t for q in self.q_area.values() for t in q]
        return left + self.q_sat_yes + self.q_sat_no

    def decision_text(self, o, y, sat, track):
        """A wording of outcome o in year y. A wording that says the authority remedied
        is used only when sat (the flag) says so. track: take from the coverage queue."""
        rng = self.rng
        if track:
            q = [t for t in self.q_dec[o] if sat or t not in REMEDIED_WORDINGS]
            if q:
                self.q_dec[o].remove(q[0])
                return q[0]
        modern, legacy = WORDING[o]
        if not sat:
            modern = [t for t in modern if t not in REMEDIED_WORDINGS]
            legacy = [t for t in legacy if t not in REMEDIED_WORDINGS]
        elif o == UPH and rng.random() < 0.5:
            return rng.choice(["Upheld - satisfactory remedy provided by authority", "LS"])
        # the pre-2008 vocabulary fades out over the years
        p_legacy = 0.16 - 0.025 * (y - FIRST_YEAR)
        t = rng.choice(legacy) if legacy and rng.random() < p_legacy else rng.choice(modern)
        r = rng.random()           # spellings the rule table must absorb
        if r < 0.05:
            t = t.lower()
        elif r < 0.08:
            t = t.upper()
        elif r < 0.11:
            t = " " + t + " "
        elif r < 0.15 and ": " in t:
            t = t.replace(": ", " - ")
        elif r < 0.15 and " - " in t:
            t = t.replace(" - ", ": ")
        elif r < 0.17:
            t = t + "."
        return t

    def area_text(self, area, y, track):
        """A category name of service area `area` in year y (pre-2011 names fade out)."""
        rng = self.rng
        if track and self.q_area[area]:
            return self.q_area[area].pop(0)
        c, modern, legacy = AREAS[area]
        r = rng.random()
        if legacy and r < 0.10 - 0.015 * (y - FIRST_YEAR):
            return rng.choice(legacy)
        if modern and r > 0.90:
            return rng.choice(modern)
        return c

    def sat_text(self, o, sat, track):
        """The satisfactory_remedy_by_authority flag of a decided case with outcome o."""
        rng = self.rng
        if o == UPH:
            if sat:
                if track and self.q_sat_yes:
                    return self.q_sat_yes.pop(0)
                return rng.choice(["Y"] * 8 + SAT_YES)
            if track and self.q_sat_no:
                return self.q_sat_no.pop(0)
            return rng.choice(["N"] * 7 + SAT_NO + ["", ""])
        return rng.choice(["", "", "N", "N", "No", "0"])

    def date_style(self):
        """One of "dmy", "iso", "dm" or "ts" (timestamp), most rows day-first."""
        r = self.rng.random()
        return "dmy" if r < 0.40 else "iso" if r < 0.68 else "dm" if r < 0.82 else "ts"

    def date_text(self, d, style):
        """Date d in a style of date_style(); a timestamp gets a working-hours time."""
        if style != "ts":
            return day_text(style, d.year, d.month, d.day)
        return self._timestamp(d, 8, 18, 0.35)

    def stamp(self, d):
        """A last_updated timestamp on day d, at any time, rarely with a Z."""
        return self._timestamp(d, 0, 23, 0.06)

    def _timestamp(self, d, first_hour, last_hour, p_z):
        """d at a random time between first_hour and last_hour, with a Z (UTC) suffix
        with probability p_z."""
        t = "%sT%02d:%02d:%02d" % (d.isoformat(), self.rng.randint(first_hour, last_hour),
                                    self.rng.randrange(60), self.rng.randrange(60))
        return t + "Z" if self.rng.random() < p_z else t

    def reference_text(self, digits):
        """(spelling, kind) of an 8-digit reference: 19 012 345, 19012345 or 19-012-345."""
        r = self.rng.random()
        if r < 0.72:
            return digits[:2] + " " + digits[2:5] + " " + digits[5:], "ref-spaced"
        if r < 0.88:
            return digits, "ref-digits"
        return digits[:2] + "-" + digits[2:5] + "-" + digits[5:], "ref-hyphens"
