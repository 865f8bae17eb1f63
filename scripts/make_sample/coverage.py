"""The check that a generated sample exercises everything it is meant to: every feature
below in at least one valid row, every wording, category and flag spelling, every
reject reason, every compliance outcome and some public reports. A seed or an edit
that loses one fails the run instead of quietly making a weaker sample."""

from .vocabulary import AWAITING, COMPLIED, LATE, NOT_COMPLIED, REASONS

REQUIRED_FEATURES = [
    "name:official", "name:nice", "name:alt", "name:lookup", "name:case",
    "name:spaces", "name:abbrevCC", "name:abbrevDC", "name:abbrevMBC",
    "name:abbrevBC", "name:ampersand", "name:suffix", "name:hyphen", "name:dots",
    "name:nbsp", "name:cp1252-nbsp", "authority_code:code-gss",
    "authority_code:code-register", "authority_code:code-former",
    "reference:ref-spaced", "reference:ref-digits", "reference:ref-hyphens",
    "date:dd/mm/yyyy", "date:d/m/yyyy", "date:yyyy-mm-dd", "date:timestamp",
    "date:timestamp Z",
    "duplicate: same last_updated (later row in the file wins)",
    "duplicate: older last_updated",
    "duplicate: older version spells the reference differently",
    "summary byte 0x92 (Windows-1252)", "summary byte 0xA3 (Windows-1252)",
    "rows with a line break inside a quoted field", "rows with a doubled quote",
    "row ends CRLF", "row ends LF",
]


def check_coverage(sample):
    """Raises AssertionError naming what the sample does not exercise."""
    missing = [k for k in REQUIRED_FEATURES if not sample.features.get(k)]
    left = sample.texts.unused()
    reasons = {r for _, _, r, _ in sample.rejects}
    if missing or left or set(REASONS) - reasons:
        raise AssertionError("coverage: missing %s; unused texts %s; reasons %s"
                             % (missing, left, sorted(set(REASONS) - reasons)))
    comp = {c.comp for c in sample.cases}
    assert {COMPLIED, LATE, NOT_COMPLIED, AWAITING} <= comp
    assert sum(1 for c in sample.cases if c.pub) >= 3
