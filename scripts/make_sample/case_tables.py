"""The per-case tables the pipeline must produce from the sample (outputs.md):
decisions.csv, compliance.csv and service_improvements.csv, from the generator's own
cases and the subcategory and remedy texts their rows were written with (never by
reading the export back). The pipeline writes them in each year's partition; here each
is one file of every year's rows, as make-export's oracle writes them."""

from .arithmetic import year_label, year_of
from .vocabulary import AREAS, OUTCOME_COLUMNS, UPH

DECISIONS_COLUMNS = ["year", "authority_code", "reference", "decision_date", "service_area", "outcome",
                     "satisfactory_remedy", "public_report", "service_improvement"]
COMPLIANCE_COLUMNS = ["year", "authority_code", "reference", "compliance_date", "outcome"]
SERVICE_IMPROVEMENTS_COLUMNS = ["year", "authority_code", "reference", "decision_date", "category",
                                "subcategory", "remedy"]
# statistics.md's service improvements (pipelines/rules/remedies.yaml)
SERVICE_IMPROVEMENT_REMEDIES = {"Procedure or policy change/review", "Training and/or guidance"}
COMPLIANCE_COLUMN = ["complied", "complied_late", "not_complied"]


def case_tables(cases):
    """(decisions, compliance, service_improvements) rows, each sorted by year,
    authority code, date and reference."""
    dec, comp, si = [], [], []
    for c in cases:
        ref = "%s %s %s" % (c.ref[:2], c.ref[2:5], c.ref[5:])
        if c.outcome is not None:
            improves = c.outcome == UPH and any(
                part.strip() in SERVICE_IMPROVEMENT_REMEDIES for part in c.remedy_text.split(";"))
            year = year_label(year_of(c.dd))
            dec.append([year, c.auth.code, ref, c.dd.isoformat(), AREAS[c.area][0], OUTCOME_COLUMNS[c.outcome],
                        ("true" if c.sat else "false") if c.outcome == UPH else "",
                        "true" if c.pub else "false", "true" if improves else "false"])
            if improves:
                si.append([year, c.auth.code, ref, c.dd.isoformat(), AREAS[c.area][0], c.subcategory_text,
                           c.remedy_text])
        if c.cd is not None:       # awaiting compliance has no date, and is not counted
            comp.append([year_label(year_of(c.cd)), c.auth.code, ref, c.cd.isoformat(), COMPLIANCE_COLUMN[c.comp]])
    key = lambda r: (r[0], r[1], r[3], r[2])
    return sorted(dec, key=key), sorted(comp, key=key), sorted(si, key=key)
