"""The export file itself. Rows are made as entries (a valid case, an older version of
a case, or a reject); here they are put in file order (shuffled, a tie's older version
moved before its newer row), closed by the row whose quoted field never ends, given
line ends (CRLF mostly, LF sometimes) and encoded. The line number of every reject is
known only here, once the order and the line breaks inside quoted fields are fixed."""

from .csv_text import unescape
from .vocabulary import C_REF, C_SUM, HEADER


def valid_entry(c, fields):
    return {"kind": "case", "fields": fields, "case": c}


def older_entry(fields, newer, tie):
    """An older version of the case of entry `newer`; tie: same last_updated."""
    return {"kind": "old", "fields": fields, "newer": newer, "tie": tie}


def reject_entry(fields, reason, detail):
    return {"kind": "reject", "fields": fields, "reason": reason, "detail": detail,
            "reference": unescape(fields[C_REF])}


def export_bytes(sample):
    """The CSV bytes of the export and the rejects as (line, reference, reason, detail)."""
    order = file_order(sample.entries, sample.rng)
    last = unterminated_last_row(sample)
    order.append(last)
    assert len(order) == sample.rows
    return encode(sample, order, last)


def file_order(entries, rng):
    """The entries shuffled, then each tie's older version moved before its newer row:
    with the same last_updated, the later row in the file wins."""
    order = list(entries)
    rng.shuffle(order)
    pos = {id(e): i for i, e in enumerate(order)}
    for e in list(order):
        if e["kind"] == "old" and e["tie"]:
            i, j = pos[id(e)], pos[id(e["newer"])]
            if i > j:
                order[i], order[j] = order[j], order[i]
                pos[id(e)], pos[id(e["newer"])] = j, i
    return order


def unterminated_last_row(sample):
    """A row whose quoted summary is never closed: only the last row can be, as the
    quote would otherwise swallow the rows after it."""
    c = sample.new_case()
    f = sample.render(c, track=False)
    f[C_SUM] = f[C_SUM][:-1] + " (continued in the attached notes)\r\n"
    return reject_entry(f, "unterminated_quote", "quoted field not closed before the end of the file")


def encode(sample, order, last):
    """The export's bytes (BOM, header, rows; surrogate escapes back to single bytes)
    and the rejects with the physical line each starts on (the header is line 1)."""
    out = ["\ufeff" + ",".join(HEADER) + "\r\n"]
    rejects = []
    line = 2
    n_crlf = n_lf = 0
    for e in order:
        text = ",".join(e["fields"])
        if e is last:
            end = ""               # no final line break: the open quote runs to the end
        elif sample.rng.random() < 0.85:
            end, n_crlf = "\r\n", n_crlf + 1
        else:
            end, n_lf = "\n", n_lf + 1
        if e["kind"] == "reject":
            rejects.append((line, e["reference"], e["reason"], e["detail"]))
        if "\n" in text and e is not last:
            sample.note("rows with a line break inside a quoted field")
        if '""' in text:
            sample.note("rows with a doubled quote")
        out.append(text + end)
        line += text.count("\n") + (1 if end else 0)
    sample.note("row ends CRLF", n_crlf)
    sample.note("row ends LF", n_lf)
    return "".join(out).encode("utf-8", "surrogateescape"), rejects
