"""The register of authorities and the name-matching rules of authorities.md.

Reads the three hand-written tables of the sample folder (register, name lookup,
population) and answers what the pipeline must decide for a name on a given day. The
spec's matching rules can be read in more than one way (strip a trailing group, a
leading group or both; strip register names too or not); `Register.match` answers only
when every reading agrees, so that the generator never writes a name whose expected
authority depends on the reading."""

import csv
import datetime
import os
import unicodedata
from fractions import Fraction

from .vocabulary import TYPE_LABEL

REGISTER_NAME = "register.csv"
LOOKUP_NAME = "name-lookup.csv"
POPULATION_NAME = "population.csv"

TRAILING_GROUPS = ["metropolitan borough council", "borough council", "district council",
                   "county council", "city council", "council", "mbc", "bc", "cc", "dc"]
LEADING_GROUPS = ["london borough of", "royal borough of", "city of"]


def parse_day(s):
    """An ISO date from the register, or None for a blank cell."""
    s = s.strip()
    return datetime.date.fromisoformat(s) if s else None


def normalise(name):
    """A name as authorities.md compares it: NFKC, lower case, & as and, no dots,
    apostrophes or commas, hyphens as spaces, single spaces."""
    s = unicodedata.normalize("NFKC", name).lower().replace("&", "and")
    s = s.replace(".", "").replace("'", "").replace(",", "").replace("-", " ")
    return " ".join(s.split())


def shortened(n):
    """Every name obtained from normalised n by removing one trailing authority word
    group, one leading group, or one of each (every reading of the rule)."""
    tails = [t for t in TRAILING_GROUPS if n.endswith(" " + t)] + [None]
    heads = [h for h in LEADING_GROUPS if n.startswith(h + " ")] + [None]
    found = set()
    for t in tails:
        for h in heads:
            if t is None and h is None:
                continue
            m = n[: len(n) - len(t) - 1] if t else n
            if h:
                if not m.startswith(h + " "):
                    continue
                m = m[len(h) + 1:]
            m = m.strip()
            if m:
                found.add(m)
    return sorted(found)


class Authority:
    """One row of the register, plus the extra names the lookup table gives it."""

    def __init__(self, row):
        g = lambda k: (row.get(k) or "").strip()
        self.code = g("local-authority-code")
        self.official = g("official-name")
        self.nice = g("nice-name")
        self.gss = g("gss-code")
        self.former = [c.strip() for c in g("former-gss-codes").split(",") if c.strip()]
        self.start = parse_day(g("start-date"))
        self.end = parse_day(g("end-date"))
        self.nation = g("nation")
        self.type = g("local-authority-type")
        self.alt = [n.strip() for n in g("alt-names").split(",") if n.strip()]
        p = g("pop-2020")
        self.pop2020 = int(Fraction(p)) if p else None   # upstream writes "354036.0"
        self.ctype = TYPE_LABEL.get(self.type, "")       # empty: not compared with others
        self.lookup = []

    def exists_on(self, d):
        return (self.start is None or self.start <= d) and (self.end is None or d < self.end)

    def current_in(self, y):
        """Whether the authority exists on the last day (31 March) of reporting year y."""
        last = datetime.date(y + 1, 3, 31)
        return (self.start is None or self.start <= last) and (self.end is None or self.end >= last)

    def names(self):
        return [self.official] + ([self.nice] if self.nice else []) + self.alt + self.lookup


def read_rows(data_dir, name):
    """The rows of one hand-written table as dicts (a BOM, if any, is not part of the header)."""
    with open(os.path.join(data_dir, name), encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


class Register:
    """The authorities sorted by register code, their names and codes, and populations."""

    def __init__(self, data_dir):
        self.auths = sorted((Authority(r) for r in read_rows(data_dir, REGISTER_NAME)),
                            key=lambda a: a.code)
        self.by_code = {a.code: a for a in self.auths}
        for r in read_rows(data_dir, LOOKUP_NAME):
            a = self.by_code.get(r["local-authority-code"].strip())
            if a is None:
                raise SystemExit("%s: unknown code %r" % (LOOKUP_NAME, r["local-authority-code"]))
            a.lookup.append(r["la-name"].strip())
        self.population = {}
        for r in read_rows(data_dir, POPULATION_NAME):
            code, label = r["local-authority-code"].strip(), r["year"].strip()
            if code not in self.by_code:
                raise SystemExit("%s: unknown code %r" % (POPULATION_NAME, code))
            self.population[(code, int(label[:4]))] = int(r["population"])
        # names as the spec matches them, and a wider table where register names are
        # shortened too (one reading of "normalise both ... the same way")
        self.names = {}
        for a in self.auths:
            for n in a.names():
                k = normalise(n)
                if k:
                    self.names.setdefault(k, set()).add(a.code)
        self.wide = {k: set(v) for k, v in self.names.items()}
        for k in sorted(self.names):
            for s in shortened(k):
                self.wide.setdefault(s, set()).update(self.names[k])
        self.codes = {}
        for a in self.auths:
            for c in [a.code, a.gss] + a.former:
                if c:
                    self.codes.setdefault(c, set()).add(a.code)

    def match(self, name):
        """The set of codes a case's name matches, or None when two readings of the
        rules would disagree (or the name is blank): such a name is never written."""
        n = normalise(name)
        if not n:
            return None
        exact = self.names.get(n)
        if exact:
            return frozenset(exact) if self.wide.get(n) == exact else None
        alts = shortened(n)
        wide_n = frozenset(self.wide.get(n, ()))
        if not alts:
            return frozenset() if not wide_n else None
        results = {frozenset(self.names.get(m, ())) for m in alts}
        results |= {frozenset(self.wide.get(m, ())) for m in alts}
        if len(results) != 1:
            return None
        (res,) = results
        if wide_n and wide_n != res:
            return None
        return res

    def resolve(self, name, day):
        """What the pipeline must decide for a name on a received date:
        ('ok', code) / ('unknown', None) / ('ambiguous', [codes]) / (None, None) unsure."""
        m = self.match(name)
        if m is None:
            return None, None
        if not m:
            return "unknown", None
        if len(m) == 1:
            return "ok", next(iter(m))
        alive = sorted(c for c in m if self.by_code[c].exists_on(day))
        if len(alive) == 1:
            return "ok", alive[0]
        return "ambiguous", alive

    def population_for(self, a, y):
        """population.csv's figure for the authority and year, else pop-2020; None when
        the authority is not current in the year."""
        if not a.current_in(y):
            return None
        return self.population.get((a.code, y), a.pop2020)
