"""The tables the pipeline must produce from the sample, computed from the generator's
own cases (never by reading the export back): authority_year, type_year and comparison
with pooled or mean-of-rates averages, and national_year and area_year (outputs.md).
A case counts as received in the year of its received date, as decided in the year of
its decision date, and as a compliance outcome in the year of its compliance date."""

from fractions import Fraction

from .arithmetic import pct, per_100k, round_half_up, tenths_text, year_label, year_of
from .vocabulary import AREA_COLUMNS, AREAS, NUP, OUTCOME_COLUMNS, TYPE_CODES, TYPE_LABEL, UPH, YEARS

AY_COLUMNS = (["year", "authority_code", "authority_name", "comparison_type", "current",
               "received_total"] + AREA_COLUMNS + ["decisions_total"] + OUTCOME_COLUMNS
              + ["investigations", "uphold_rate", "satisfactory_remedies",
                 "satisfactory_remedy_rate", "compliance_outcomes", "complied", "complied_late",
                 "not_complied", "compliance_rate", "public_reports", "population",
                 "upheld_per_100k"])
TY_COLUMNS = ["year", "comparison_type", "method", "authorities", "investigations", "upheld",
              "satisfactory_remedies", "compliance_outcomes", "compliant", "population",
              "avg_uphold_rate", "avg_satisfactory_remedy_rate", "avg_compliance_rate",
              "avg_upheld_per_100k"]
CMP_COLUMNS = ["year", "authority_code", "authority_name", "comparison_type", "uphold_rate",
               "avg_uphold_rate", "satisfactory_remedy_rate", "avg_satisfactory_remedy_rate",
               "compliance_rate", "avg_compliance_rate", "upheld_per_100k", "avg_upheld_per_100k"]
NY_COLUMNS = (["year", "received_total"] + AREA_COLUMNS + ["decisions_total"] + OUTCOME_COLUMNS
              + ["investigations", "uphold_rate", "satisfactory_remedies", "satisfactory_remedy_rate",
                 "compliance_outcomes", "complied", "complied_late", "not_complied", "compliance_rate",
                 "late_compliance_rate", "public_reports"])
AR_COLUMNS = ["year", "service_area", "received", "decisions_total", "not_upheld", "upheld", "investigations",
              "uphold_rate", "share_of_investigations", "satisfactory_remedies", "public_reports"]

# the counters of one authority (or the nation) in one year: received per service area,
# decisions per outcome, satisfactory remedies, compliance outcomes with a date (complied,
# late, not complied) and public reports
RECEIVED, DECIDED, SATISFACTORY, COMPLIANCE, PUBLIC, COUNTERS = 0, 9, 15, 16, 19, 20
NO_AVERAGES = ("", "", "", "")


def count_case(c, counters_in):
    """Adds case c to counters_in(year), the counters of the year each event falls in."""
    counters_in(year_of(c.rd))[RECEIVED + c.area] += 1
    if c.outcome is not None:
        v = counters_in(year_of(c.dd))
        v[DECIDED + c.outcome] += 1
        v[SATISFACTORY] += c.sat and c.outcome == UPH
        v[PUBLIC] += bool(c.pub)
    if c.cd is not None:       # awaiting compliance has no date, and is not counted
        counters_in(year_of(c.cd))[COMPLIANCE + c.comp] += 1


class Tally:
    """The figures derived from one set of counters."""

    def __init__(self, v):
        self.received = v[RECEIVED:DECIDED]
        self.decided = v[DECIDED:SATISFACTORY]
        self.upheld = self.decided[UPH]
        self.investigations = self.decided[NUP] + self.upheld
        self.satisfactory = v[SATISFACTORY]
        self.complied, self.late, self.not_complied = v[COMPLIANCE:PUBLIC]
        self.compliance_outcomes = self.complied + self.late + self.not_complied
        self.compliant = self.complied + self.late
        self.public = v[PUBLIC]

    def uphold_rate(self):
        return pct(self.upheld, self.investigations)

    def satisfactory_remedy_rate(self):
        return pct(self.satisfactory, self.upheld)

    def compliance_rate(self):
        return pct(self.compliant, self.compliance_outcomes)

    def columns(self):
        """received_total .. compliance_rate: the columns authority_year and national_year share."""
        return ([sum(self.received)] + self.received + [sum(self.decided)] + self.decided
                + [self.investigations, self.uphold_rate(), self.satisfactory,
                   self.satisfactory_remedy_rate(), self.compliance_outcomes, self.complied,
                   self.late, self.not_complied, self.compliance_rate()])


def authority_tables(cases, reg, method):
    """(authority_year, type_year, comparison) rows with `method` averages ("pooled" or
    "mean"). An authority has a row in a year when it is of a compared kind and current,
    or when something about it happened in the year."""
    counters = {}
    for c in cases:
        count_case(c, lambda y: counters.setdefault((y, c.auth.code), [0] * COUNTERS))
    ay, ty, cmp_ = [], [], []
    for y in YEARS:
        label = year_label(y)
        listed = []             # (authority, current, tally, population), register order
        for a in reg.auths:
            v = counters.get((y, a.code), [0] * COUNTERS)
            cur = a.current_in(y)
            if (a.ctype and cur) or any(v):
                listed.append((a, cur, Tally(v), reg.population_for(a, y)))
        averages = {}
        for t in TYPE_CODES:
            members = [(tally, pop) for a, cur, tally, pop in listed if a.type == t and cur]
            row, averages[t] = type_row(label, t, method, members)
            ty.append(row)
        for a, cur, tally, pop in listed:
            ay.append([label, a.code, a.official, a.ctype, "true" if cur else "false"]
                      + tally.columns() + [tally.public, "" if pop is None else pop,
                                           per_100k(tally.upheld, pop)])
            if a.ctype:         # an authority no longer current is compared with nothing
                av = averages[a.type] if cur else NO_AVERAGES
                cmp_.append([label, a.code, a.official, a.ctype, tally.uphold_rate(), av[0],
                             tally.satisfactory_remedy_rate(), av[1], tally.compliance_rate(),
                             av[2], per_100k(tally.upheld, pop), av[3]])
    return ay, ty, cmp_


def type_row(label, type_code, method, members):
    """The type_year row of one comparison type in one year and its four averages;
    members: (tally, population) of the type's authorities current in the year."""
    inv = sum(t.investigations for t, _ in members)
    upheld = sum(t.upheld for t, _ in members)
    sat = sum(t.satisfactory for t, _ in members)
    outcomes = sum(t.compliance_outcomes for t, _ in members)
    compliant = sum(t.compliant for t, _ in members)
    with_pop = [(t, p) for t, p in members if p]
    s_pop = sum(p for _, p in with_pop)
    if method == "pooled":      # the rate of the sums
        averages = (pct(upheld, inv), pct(sat, upheld), pct(compliant, outcomes),
                    per_100k(sum(t.upheld for t, _ in with_pop), s_pop) if with_pop else "")
    else:                       # the mean of the members' rates, exact until rounded
        averages = (mean_rate([(t.upheld, t.investigations) for t, _ in members]),
                    mean_rate([(t.satisfactory, t.upheld) for t, _ in members]),
                    mean_rate([(t.compliant, t.compliance_outcomes) for t, _ in members]),
                    tenths_text(round_half_up(sum(Fraction(t.upheld * 1000000, p) for t, p in with_pop)
                                              / len(with_pop))) if with_pop else "")
    row = ([label, TYPE_LABEL[type_code], method, len(members), inv, upheld, sat, outcomes,
            compliant, s_pop if with_pop else ""] + list(averages))
    return row, averages


def mean_rate(pairs):
    """The mean of the percentages n/d over the pairs with d > 0, halves up; empty if none."""
    rates = [Fraction(100 * n, d) for n, d in pairs if d]
    return str(round_half_up(sum(rates) / len(rates))) if rates else ""


def national_tables(cases):
    """(national_year, area_year) rows, straight from the cases (every authority, current
    or not, of any kind) rather than by adding up the authority rows."""
    nat, area = {}, {}
    for c in cases:
        count_case(c, lambda y: nat.setdefault(y, [0] * COUNTERS))
        # per service area: received, decided, not upheld, upheld, satisfactory, public
        area.setdefault((year_of(c.rd), c.area), [0] * 6)[0] += 1
        if c.outcome is not None:
            a = area.setdefault((year_of(c.dd), c.area), [0] * 6)
            a[1] += 1
            a[2] += c.outcome == NUP
            a[3] += c.outcome == UPH
            a[4] += c.sat and c.outcome == UPH
            a[5] += bool(c.pub)
    ny, ar = [], []
    for y in YEARS:
        label = year_label(y)
        t = Tally(nat.get(y, [0] * COUNTERS))
        ny.append([label] + t.columns() + [pct(t.late, t.compliance_outcomes), t.public])
        for i, (name, _, _) in enumerate(AREAS):
            r, dec, nup, up, s_, p_ = area.get((y, i), [0] * 6)
            ar.append([label, name, r, dec, nup, up, nup + up, pct(up, nup + up),
                       pct(nup + up, t.investigations), s_, p_])
    return ny, ar
