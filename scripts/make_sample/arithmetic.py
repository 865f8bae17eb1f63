"""Exact arithmetic of the published figures (statistics.md, outputs.md): integer
percentages and per-100,000 rates rounded halves up without floating point, and the
reporting year (1 April - 31 March) a day falls in."""


def pct(n, d):
    """Integer percent of n/d, halves up, exact; empty when d is 0."""
    return "" if d == 0 else str((200 * n + d) // (2 * d))


def tenths_text(t):
    """A whole number of tenths written with one decimal place (123 -> "12.3")."""
    return "%d.%d" % (t // 10, t % 10)


def per_100k(upheld, pop):
    """Upheld per 100,000 residents, one decimal place, halves up; empty without population."""
    if not pop:
        return ""
    return tenths_text((2 * upheld * 1000000 + pop) // (2 * pop))


def round_half_up(fr):
    """A non-negative Fraction rounded to the nearest integer, halves up."""
    return (2 * fr.numerator + fr.denominator) // (2 * fr.denominator)


def year_of(d):
    """Start year of the reporting year (1 April - 31 March) containing d."""
    return d.year if d.month >= 4 else d.year - 1


def year_label(y):
    """The reporting year starting in y as the outputs write it (2019 -> "2019-20")."""
    return "%d-%02d" % (y, (y + 1) % 100)
