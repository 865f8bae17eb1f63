"""The ground truth: cases drawn at random (authority, received day, service area,
outcome, decision day, flags, compliance) with some parts fixed by the caller. The
expected outputs are computed from these cases, never from the written rows."""

import datetime

from .arithmetic import year_of
from .draws import weighted_index
from .vocabulary import (ADV, AWAITING, CAI, COMPLIED, INV, LATE, NOT_COMPLIED, NUP, RANGE_END,
                         RANGE_START, REF, UPH)

# how complaints about each kind of authority spread over the nine areas
AREA_WEIGHTS = {
    "CTY": [26, 1, 8, 34, 4, 20, 1, 3, 3],
    "NMD": [1, 17, 13, 1, 22, 5, 22, 29, 5],
    "MD": [15, 10, 8, 21, 10, 11, 10, 12, 3],
    "UA": [15, 10, 8, 21, 10, 11, 10, 12, 3],
    "LBO": [14, 12, 8, 19, 9, 12, 14, 9, 3],
    "other": [0, 0, 40, 0, 15, 25, 0, 15, 5],
}
# share of investigations upheld, by reporting year (it rises, as the real figures do)
UPHOLD_SHARE = {2018: 0.58, 2019: 0.61, 2020: 0.67, 2021: 0.66, 2022: 0.74, 2023: 0.80}
# days from receipt to decision, (shortest, longest), by outcome
DECISION_DAYS = {INV: (0, 20), ADV: (0, 30), REF: (0, 45), CAI: (5, 150), NUP: (30, 400),
                 UPH: (30, 400)}


class Case:
    """One case: ground truth plus how its row is written (set when it is rendered)."""

    def __init__(self, **kw):
        self.__dict__.update(kw)


class CaseDrawer:
    """Draws cases and their reference numbers."""

    def __init__(self, reg, rng):
        self.reg = reg
        self.rng = rng
        self.seq = {}       # last reference number used, per two-digit year

    def random_day(self):
        """A received day in the covered years, mostly a weekday."""
        span = (RANGE_END - RANGE_START).days
        while True:
            d = RANGE_START + datetime.timedelta(days=self.rng.randrange(span + 1))
            if d.weekday() < 5 or self.rng.random() < 0.15:
                return d

    def random_authority(self, day):
        """An English authority existing on day: rarely one of no comparison type, else
        one of the compared kinds, weighted by population (sublinearly)."""
        rng = self.rng
        live = [a for a in self.reg.auths if a.nation == "England" and a.exists_on(day)]
        if rng.random() < 0.012:
            pool = [a for a in live if not a.ctype]
            if pool:
                return rng.choice(pool)
        main = [a for a in live if a.ctype]
        return main[weighted_index(rng, [(a.pop2020 or 150000) ** 0.75 for a in main])]

    def new_reference(self, rd):
        """The 8 digits of a new reference: received year, then a rising number."""
        yy = rd.year % 100
        s = self.seq.get(yy)
        if s is None:
            s = self.rng.randrange(1000, 9000)
        s += self.rng.randint(1, 3)
        self.seq[yy] = s
        return "%02d%06d" % (yy, s)

    def new_case(self, auth=None, rd=None, outcome="random", dd=None, comp="random", cd=None,
                 sat=None, pub=None, area=None, name=None, code=None):
        """Ground truth for one case, with the given parts fixed (outcome None: still
        open; comp None: no compliance outcome)."""
        rng = self.rng
        rd = rd or self.random_day()
        a = auth or self.random_authority(rd)
        y = year_of(rd)
        if area is None:
            area = weighted_index(rng, AREA_WEIGHTS[a.type if a.ctype else "other"])
        if outcome == "random":
            outcome = self._random_outcome(rd, y)
        if outcome is not None and dd is None:
            lo, hi = DECISION_DAYS[outcome]
            dd = rd + datetime.timedelta(days=lo + int((hi - lo) * rng.random() ** 1.3))
            if dd > RANGE_END:
                dd = rd + datetime.timedelta(days=rng.randrange((RANGE_END - rd).days + 1))
        if sat is None:
            sat = outcome == UPH and rng.random() < 0.15
        if pub is None:
            pub = (outcome == UPH and rng.random() < 0.035) or (outcome == NUP and rng.random() < 0.004)
        if comp == "random":
            comp = self._random_compliance(outcome, sat)
        if comp is not None and comp != AWAITING and cd is None:
            first = dd + datetime.timedelta(days=14)
            if first > RANGE_END:      # no time left to comply within the covered years
                comp = AWAITING
            else:
                cd = first + datetime.timedelta(days=rng.randrange(min(200, (RANGE_END - first).days + 1)))
        return Case(auth=a, rd=rd, area=area, outcome=outcome, dd=dd, sat=sat, pub=pub,
                    comp=comp, cd=cd, ref=self.new_reference(rd), fixed_name=name,
                    fixed_code=code)

    def _random_outcome(self, rd, y):
        """None (still open: likelier near the end of the covered years) or an outcome."""
        p_open = 0.22 if (RANGE_END - rd).days < 200 else 0.03
        if self.rng.random() < p_open:
            return None
        u = UPHOLD_SHARE[y]
        return weighted_index(self.rng, [5, 4, 22, 30, 39 * (1 - u), 39 * u])

    def _random_compliance(self, outcome, sat):
        """The compliance outcome of an upheld case (rarer when the authority remedied)."""
        rng = self.rng
        if outcome == UPH and rng.random() < (0.3 if sat else 0.85):
            r = rng.random()
            return COMPLIED if r < 0.76 else LATE if r < 0.87 else NOT_COMPLIED if r < 0.93 else AWAITING
        return None
