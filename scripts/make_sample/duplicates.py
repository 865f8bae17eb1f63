"""Cases written twice: the newer row and an older version of the same case, which the
pipeline's duplicate rule must discard. The older version has an earlier last_updated,
or the same one and an earlier place in the file (a tie). It may spell the reference or
name differently, have another category, be still open, or record another decision."""

import datetime

from .arithmetic import year_of
from .csv_text import esc, quoted, unescape
from .summaries import make_summary
from .vocabulary import (AREAS, C_CAT, C_CD, C_CODE, C_COMP, C_DD, C_DEC, C_LU, C_NAME,
                         C_PUB, C_REF, C_REM, C_SAT, C_SUM, REMEDIES, SAT_NO, UPH)


def add_duplicates(sample, n, n_ties):
    """Adds n decided cases with an older version each; the first n_ties are ties."""
    made = 0
    while made < n:
        c = sample.new_case()
        if c.outcome is None or (c.dd - c.rd).days < 2:
            continue      # its reference number is simply never written
        tie = made < n_ties
        f = sample.render(c)
        g = older_version(sample, c, f, tie)
        sample.add_older(g, newer=sample.add_valid(c, f), tie=tie)
        made += 1


def older_version(sample, c, f, tie):
    """The fields of an older version of case c, whose current row is f."""
    rng, texts = sample.rng, sample.texts
    g = list(f)
    g[C_SUM] = quoted(make_summary(rng, c.area))
    if rng.random() < 0.4:
        g[C_REF] = texts.reference_text(c.ref)[0]
        if unescape(g[C_REF]) != unescape(f[C_REF]):
            sample.note("duplicate: older version spells the reference differently")
    if rng.random() < 0.5:
        v = sample.names.pick_name(c.auth, c.rd)
        g[C_NAME] = esc(v[0])
        g[C_CODE] = ""
    if rng.random() < 0.2:        # recategorised since: received counts follow the newer row
        g[C_CAT] = esc(AREAS[rng.choice([i for i in range(9) if i != c.area])][0])
        sample.note("duplicate: older version has another category")
    g[C_COMP] = g[C_CD] = ""
    if rng.random() < 0.35:       # the older version was still open
        g[C_DD] = g[C_DEC] = g[C_REM] = g[C_SAT] = g[C_PUB] = ""
        old_day = c.rd + datetime.timedelta(days=rng.randrange((c.dd - c.rd).days))
        sample.note("duplicate: older version still open")
    else:                         # ... or recorded another decision, earlier
        o2 = rng.choice([o for o in range(6) if o != c.outcome])
        dd2 = c.dd - datetime.timedelta(days=rng.randrange(min(30, (c.dd - c.rd).days)))
        g[C_DD] = texts.date_text(dd2, texts.date_style())
        g[C_DEC] = esc(texts.decision_text(o2, year_of(c.rd), False, False))
        g[C_REM] = esc(rng.choice(REMEDIES)) if o2 == UPH else ""
        g[C_SAT] = rng.choice(SAT_NO) if o2 == UPH else ""
        g[C_PUB] = "N"
        old_day = dd2
        sample.note("duplicate: older version with another decision")
    if tie:
        g[C_LU] = f[C_LU]
        sample.note("duplicate: same last_updated (later row in the file wins)")
    else:
        g[C_LU] = texts.stamp(min(old_day, c.lu_day - datetime.timedelta(days=2)))
        sample.note("duplicate: older last_updated")
    return g
