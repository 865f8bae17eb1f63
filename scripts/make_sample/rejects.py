"""Rows the pipeline must reject, several for every reason code. Each starts as a valid
drawn row and gets exactly one fault, with the detail expected_rejects.csv gives. The
row that leaves a quoted field open (unterminated_quote) is made in export.py: it has
to be the last one in the file."""

import datetime

from .arithmetic import year_of
from .csv_text import esc, unescape
from .field_texts import day_text
from .register import normalise
from .vocabulary import (C_CD, C_CODE, C_COMP, C_DD, C_DEC, C_LU, C_NAME, C_RD, C_REF, C_SUB,
                         C_CAT, CAI, NUP, RANGE_START, REF)

FICTIONAL = ["Borsetshire County Council", "Midsomer DC", "Barchester City Council",
             "Casterbridge BC", "Loamshire CC", "Royal Borough of Walford", "Mercia MBC",
             "London Borough of Lyonesse"]
UNKNOWN_CODES = ["E06000999", "E07000999", "E08000099", "E09000099", "XQZ"]
AMBIGUOUS_NAMES = ["Newcastle", "NEWCASTLE CC", "newcastle ", "Richmond", "Richmond Council",
                   "RICHMOND"]
UNCLASSIFIED = ["Withdrawn", "Transferred to the Housing Ombudsman", "Duplicate record",
                "Complaint withdrawn by complainant", "Pending review"]


def add_reject_rows(sample):
    """Adds the rejected rows, reason by reason (the order is part of the random sequence)."""
    add_field_count(sample)
    add_bad_dates(sample)
    add_decisions_before_received(sample)
    add_unknown_authorities(sample)
    add_ambiguous_authorities(sample)
    add_unclassified_decisions(sample)
    add_decisions_without_date(sample)
    add_bad_references(sample)
    add_missing_required(sample)


def drawn_row(sample, need_decision=False, min_rd=None):
    """(case, fields) of a new valid row to spoil; it takes no wording from the
    coverage queues, since the row will not count as valid."""
    while True:
        c = sample.new_case()
        if need_decision and c.outcome is None:
            continue
        if min_rd and c.rd < min_rd:
            continue
        return c, sample.render(c, track=False)


def impossible_day(d, forward):
    """(year, month, day) of a date that does not exist (31 April, 30 February,
    29 February of a common year) in the nearest short month after d (forward) or
    before it, so that no reading of it could create a second fault."""
    y, m = d.year, d.month
    while m not in (2, 4, 6, 9, 11):
        m += 1 if forward else -1
        if m == 13:
            y, m = y + 1, 1
        elif m == 0:
            y, m = y - 1, 12
    if m != 2:
        return y, m, 31
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    return y, m, 30 if leap else 29


def add_field_count(sample):
    for mode in ["comma", "comma", "append", "drop", "drop"]:
        c, f = drawn_row(sample)
        if mode == "comma":
            f[C_SUB] = sample.rng.choice(["Noise, odour", "Parking, permits", "Charging, deferred payments"])
            row, detail = f, "16 fields, expected 15 (unquoted comma in subcategory)"
        elif mode == "append":
            row, detail = f + [""], "16 fields, expected 15 (trailing empty field)"
        else:
            row, detail = f[:-1], "14 fields, expected 15 (summary missing)"
        sample.add_reject(row, "field_count", detail)


def add_bad_dates(sample):
    """Impossible days in the received, decision and compliance dates, in several
    styles, and the well-known 31/02/2020."""
    columns = {"rd": (C_RD, "received_date"), "dd": (C_DD, "decision_date"),
               "cd": (C_CD, "compliance_date")}
    plan = [("rd", "dmy"), ("rd", "iso"), ("rd", "ts"), ("dd", "dmy"), ("dd", "dm"), ("cd", "iso")]
    for which, style in plan:
        while True:
            c, f = drawn_row(sample, need_decision=which != "rd")
            if which != "cd" or c.cd is not None:
                break
        d = {"rd": c.rd, "dd": c.dd, "cd": c.cd}[which]
        # a received day moves back and later days forward, so the order stays right
        yy, mm, day = impossible_day(d, forward=which != "rd")
        if style == "ts":
            bad = day_text("iso", yy, mm, day) + "T10:15:00"
        else:
            bad = day_text(style, yy, mm, day)
        col, name = columns[which]
        f[col] = bad
        sample.add_reject(f, "bad_date", "%s %s is not a real date" % (name, bad))
    c, f = drawn_row(sample, need_decision=True)
    f[C_RD] = "31/02/2020"
    f[C_DD] = sample.texts.date_text(datetime.date(2020, 6, 1)
                                     + datetime.timedelta(days=sample.rng.randrange(300)), "iso")
    f[C_COMP] = f[C_CD] = ""
    sample.add_reject(f, "bad_date", "received_date 31/02/2020 is not a real date")


def add_decisions_before_received(sample):
    for _ in range(5):
        c, f = drawn_row(sample, min_rd=RANGE_START + datetime.timedelta(days=60))
        back = sample.rng.randint(1, 45)
        f[C_DD] = sample.texts.date_text(c.rd - datetime.timedelta(days=back), sample.texts.date_style())
        if c.outcome is None:
            f[C_DEC] = esc(sample.texts.decision_text(CAI, year_of(c.rd), False, False))
        f[C_COMP] = f[C_CD] = ""
        sample.add_reject(f, "decision_before_received",
                          "decision date %d day%s before received date" % (back, "s"[:back != 1]))


def add_unknown_authorities(sample):
    """Fictional names, and unknown codes beside a name that would match."""
    for nm in FICTIONAL[:5]:
        assert sample.reg.match(nm) == frozenset(), nm
        c, f = drawn_row(sample)
        raw = sample.rng.choice([nm, nm.upper(), nm + " "])
        f[C_NAME], f[C_CODE] = esc(raw), ""
        sample.add_reject(f, "unknown_authority", "unknown authority name '%s'" % normalise(nm))
    for code in UNKNOWN_CODES[:3]:
        assert code not in sample.reg.codes
        c, f = drawn_row(sample)
        if unescape(f[C_NAME]).strip() == "":
            f[C_NAME] = esc(c.auth.official)
        f[C_CODE] = code
        sample.add_reject(f, "unknown_authority",
                          "unknown authority code %s (name would match %s)" % (code, c.auth.code))


def add_ambiguous_authorities(sample):
    """Newcastle, always ambiguous; Richmond, on a day before 2023-04-01."""
    for nm in AMBIGUOUS_NAMES:
        while True:
            c, f = drawn_row(sample)
            st, alive = sample.reg.resolve(nm, c.rd)
            if st is None:
                raise AssertionError("ambiguous name %r is not stable under the rules" % nm)
            if st == "ambiguous" and len(alive) >= 2:
                break
        f[C_NAME], f[C_CODE] = esc(nm), ""
        sample.add_reject(f, "ambiguous_authority",
                          "'%s' matches %s" % (normalise(nm), ", ".join(alive)))


def add_unclassified_decisions(sample):
    for t in UNCLASSIFIED:
        c, f = drawn_row(sample, need_decision=True)
        f[C_DEC] = esc(t)
        sample.add_reject(f, "unclassified_decision", "no rule for decision text '%s'" % t)


def add_decisions_without_date(sample):
    for _ in range(5):
        c, f = drawn_row(sample)
        if c.outcome is None:
            f[C_DEC] = esc(sample.texts.decision_text(sample.rng.choice([REF, CAI, NUP]),
                                                      year_of(c.rd), False, False))
        f[C_DD] = f[C_COMP] = f[C_CD] = ""
        sample.add_reject(f, "decision_without_date", "decision '%s' without decision date"
                          % unescape(f[C_DEC]).strip())


def add_bad_references(sample):
    """References cut short, too long, with a four-digit year, slashes or letters."""
    for i in range(6):
        c, f = drawn_row(sample)
        g = c.ref
        bad = [g[:2] + " " + g[2:5] + " " + g[5:7], g[:7], g[:2] + " " + g[2:5] + " " + g[5:] + "7",
               "20" + g[:2] + " " + g[2:5] + " " + g[5:], g[:2] + "/" + g[2:5] + "/" + g[5:],
               "AB " + g[2:5] + " " + g[5:]][i]
        f[C_REF] = bad
        sample.add_reject(f, "bad_reference", "reference '%s' not in the expected shape" % bad)


def add_missing_required(sample):
    blanked = {"reference": [C_REF], "authority": [C_NAME, C_CODE], "category": [C_CAT],
               "received_date": [C_RD], "last_updated": [C_LU]}
    for what in ["reference", "authority", "category", "received_date", "last_updated", "category"]:
        c, f = drawn_row(sample)
        for col in blanked[what]:
            f[col] = ""
        label = "authority_name and authority_code are" if what == "authority" else what + " is"
        sample.add_reject(f, "missing_required", "%s blank" % label)
