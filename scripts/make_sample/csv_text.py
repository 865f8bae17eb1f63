"""Fields as the export writes them (RFC 4180): quoted when they must be, or always,
and a written field read back to its text."""


def esc(s):
    """s as a CSV field: quoted only when it holds a comma, a quote or a line break."""
    if any(c in s for c in ',"\r\n'):
        return '"' + s.replace('"', '""') + '"'
    return s


def quoted(s):
    """s as a quoted CSV field, whatever it holds."""
    return '"' + s.replace('"', '""') + '"'


def unescape(field):
    """The text of a written field (the reverse of esc and quoted)."""
    if field.startswith('"') and field.endswith('"') and len(field) >= 2:
        return field[1:-1].replace('""', '"')
    return field
