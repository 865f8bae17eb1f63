"""Valid rows carrying Windows-1252 bytes, as old extracts wrote them: 0xA0 in an
authority name (decoded: a no-break space, which NFKC turns into a space) and
0x92 / 0xA3 in a summary. The bytes are held as surrogate escapes until the export is
encoded (surrogateescape)."""

from .csv_text import esc, quoted
from .summaries import to_cp1252_bytes
from .vocabulary import C_CODE, C_NAME, C_SUM

# authorities whose official name gets the 0xA0, in turn
NBSP_AUTHORITIES = ["LCE", "STN", "BUR", "KEN"]


def add_reencoded_rows(sample, n_names, n_summaries):
    """Adds n_names rows with 0xA0 in the name, then n_summaries with 0x92/0xA3 in the summary."""
    for i in range(n_names):
        a = sample.reg.by_code[NBSP_AUTHORITIES[i % len(NBSP_AUTHORITIES)]]
        c = sample.new_case(auth=a)
        f = sample.render(c)
        raw = a.official
        cp = raw.replace(" ", "\udca0", 1)
        # what the pipeline reads once it has decoded the byte must still be this authority
        assert sample.reg.resolve(raw.replace(" ", "\u00a0", 1), c.rd) == ("ok", a.code)
        f[C_NAME] = esc(cp)
        f[C_CODE] = ""
        c.name_kind, c.code_kind = "cp1252-nbsp", None
        sample.add_valid(c, f, note="row with Windows-1252 0xA0 in authority_name")
        sample.n_reencoded += 1
    for i in range(n_summaries):
        c = sample.new_case()
        f = sample.render(c)
        f[C_SUM] = quoted(to_cp1252_bytes(c.summary))
        for b in ("\udc92", "\udca3"):
            if b in f[C_SUM]:
                sample.note("summary byte 0x%X (Windows-1252)" % (ord(b) - 0xDC00))
        sample.add_valid(c, f, note="row with Windows-1252 bytes in summary")
        sample.n_reencoded += 1
