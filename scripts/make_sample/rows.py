"""A case written as a row of the export: its 15 fields, CSV-escaped, each spelled by
name_variants or field_texts, plus the summary and the last_updated stamp."""

import datetime

from .arithmetic import year_of
from .csv_text import esc, quoted
from .summaries import make_summary
from .vocabulary import COMPLIANCE_TEXT, REMEDIES, SUBCATEGORIES, UPH


class RowRenderer:
    """Writes a case's row; records on the case how its name, code and reference were
    spelled (the features expected.json counts) and its last_updated day."""

    def __init__(self, rng, names, texts):
        self.rng = rng
        self.names = names
        self.texts = texts

    def render(self, c, track=True):
        """The row's 15 fields (CSV-escaped) for case c; sets c.name_kind etc.
        track: take wordings from the coverage queues (only rows that stay valid do)."""
        rng, texts = self.rng, self.texts
        y = year_of(c.rd)
        self._name_and_code(c)
        ref_s, c.ref_kind = texts.reference_text(c.ref)
        style = texts.date_style()
        # the dates of one row mostly share a style, as one system wrote them
        other = lambda: style if rng.random() < 0.8 else texts.date_style()
        sub = rng.choice(SUBCATEGORIES[c.area] + [""])
        if c.outcome is None:
            dd_s = dec_s = rem_s = pub_s = ""
            sat_s = rng.choice(["", "", "", "N"])
            last = c.rd
        else:
            dd_s = texts.date_text(c.dd, other())
            dec_s = texts.decision_text(c.outcome, y, c.sat, track)
            if c.outcome == UPH:
                rem_s = "; ".join(rng.sample(REMEDIES, rng.choice([1, 1, 2, 2, 3])))
            else:
                rem_s = ""
            sat_s = texts.sat_text(c.outcome, c.sat, track)
            pub_s = "Y" if c.pub else rng.choice(["N"] * 6 + [""])
            last = c.dd
        comp_s = COMPLIANCE_TEXT[c.comp] if c.comp is not None else ""
        cd_s = ""
        if c.cd is not None:
            cd_s = texts.date_text(c.cd, other())
            last = c.cd
        # the per-case tables print these two as recorded (case_tables.py)
        c.subcategory_text, c.remedy_text = sub, rem_s
        c.lu_day = last + datetime.timedelta(days=int(rng.random() ** 2 * 25))
        c.lu = texts.stamp(c.lu_day)
        c.summary = make_summary(rng, c.area)
        name_s = esc(c.name_raw)
        if rng.random() < 0.04:        # some extracts quote fields that need no quotes
            ref_s, name_s = quoted(ref_s), quoted(c.name_raw)
            c.ref_kind += "+quoted"
        return [ref_s, name_s, c.code, esc(texts.area_text(c.area, y, track)), esc(sub),
                texts.date_text(c.rd, style), dd_s, esc(dec_s), esc(rem_s), sat_s, comp_s, cd_s,
                pub_s, c.lu, quoted(c.summary)]

    def _name_and_code(self, c):
        """Sets c.name_raw, c.name_kind, c.code and c.code_kind: the fixed ones, or drawn."""
        if c.fixed_name is not None:
            c.name_raw, c.name_kind = c.fixed_name, "scripted"
        else:
            v = self.names.pick_name(c.auth, c.rd)
            if v is None:
                raise SystemExit("no name variant of %s usable on %s" % (c.auth.code, c.rd))
            c.name_raw, c.name_kind = v[0], v[1]
        if c.fixed_code is not None:
            c.code, c.code_kind = c.fixed_code, "scripted"
        elif self.rng.random() < 0.35:
            c.code, c.code_kind = self.names.pick_code(c.auth)
        else:
            c.code, c.code_kind = "", None
