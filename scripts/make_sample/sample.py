"""One run of the generator: it draws the rows in a fixed order from one seeded random
sequence (scripted cases, re-encoded rows, duplicates, rejects, then drawn cases up to
the row count), lays out the export and checks coverage. It keeps the cases that stay
valid (the ground truth of the expected outputs) and the counts expected.json reports."""

import random
import re

from .cases import CaseDrawer
from .coverage import check_coverage
from .duplicates import add_duplicates
from .export import export_bytes, older_entry, reject_entry, valid_entry
from .field_texts import FieldTexts
from .name_variants import NameVariants
from .reencoded import add_reencoded_rows
from .register import Register
from .rejects import add_reject_rows
from .rows import RowRenderer
from .scripted import add_scripted_cases
from .vocabulary import C_CD, C_COMP, C_DD, C_PUB, C_RD, C_SAT, DATE_FORMS


class Sample:
    """The state of one run; the row makers (scripted, reencoded, duplicates, rejects)
    add their rows through it."""

    def __init__(self, data_dir, seed, rows):
        self.data_dir = data_dir
        self.seed = seed
        self.rows = rows
        self.reg = Register(data_dir)
        self.rng = random.Random(seed)
        self.names = NameVariants(self.reg, self.rng)
        self.texts = FieldTexts(self.rng)
        self.drawer = CaseDrawer(self.reg, self.rng)
        self.renderer = RowRenderer(self.rng, self.names, self.texts)
        self.features = {}       # feature -> count, for expected.json and the coverage check
        self.entries = []        # rows in the order made (export.py gives the file order)
        self.cases = []          # winning valid rows (the truth)
        self.n_old = 0
        self.n_ties = 0
        self.n_reencoded = 0
        self.rejects = []        # (line, reference, reason, detail), known once laid out
        self.csv_bytes = None

    def generate(self):
        """Makes every row, then the export's bytes; fails if coverage is incomplete."""
        add_scripted_cases(self)
        add_reencoded_rows(self, n_names=4, n_summaries=8)
        add_duplicates(self, n=56, n_ties=10)
        add_reject_rows(self)
        filler = self.rows - 1 - len(self.entries)     # the last row is made in export.py
        if filler < 0:
            raise SystemExit("--rows %d is too small for the scripted rows (%d)"
                             % (self.rows, len(self.entries) + 1))
        for _ in range(filler):
            self.add_valid(self.new_case())
        self.csv_bytes, self.rejects = export_bytes(self)
        check_coverage(self)

    def new_case(self, **fixed):
        return self.drawer.new_case(**fixed)

    def render(self, c, track=True):
        return self.renderer.render(c, track)

    def note(self, feature, k=1):
        self.features[feature] = self.features.get(feature, 0) + k

    def add_valid(self, c, fields=None, note=None):
        """Adds case c as a valid row (fields: as written, else rendered now); returns its entry."""
        f = fields if fields is not None else self.render(c)
        self.cases.append(c)
        e = valid_entry(c, f)
        self.entries.append(e)
        self.note_case(c, f)
        if note:
            self.note(note)
        return e

    def add_older(self, fields, newer, tie):
        """Adds an older version of the case of entry `newer`, which supersedes it."""
        self.entries.append(older_entry(fields, newer, tie))
        self.n_old += 1
        self.n_ties += tie

    def add_reject(self, fields, reason, detail):
        self.entries.append(reject_entry(fields, reason, detail))

    def note_case(self, c, f):
        """Count what a valid row exercises, from the text actually written."""
        self.note("name:" + c.name_kind)
        if c.code_kind:
            self.note("authority_code:" + c.code_kind)
        self.note("reference:" + c.ref_kind)
        for col in (C_RD, C_DD, C_CD):
            t = f[col]
            if not t:
                continue
            for kind, pattern in DATE_FORMS:
                if re.fullmatch(pattern, t):
                    self.note("date:" + kind)
                    break
            else:
                raise AssertionError("date %r has no known form" % t)
        if f[C_SAT]:
            self.note("satisfactory_remedy_by_authority:" + f[C_SAT])
        if f[C_COMP]:
            self.note("compliance_outcome:" + f[C_COMP])
        if f[C_PUB] == "Y":
            self.note("public_report:Y")
