"""How a row names its authority: the spellings of each English authority's name that
the matching rules of authorities.md resolve to it (official, nice, alt and lookup
names, abbreviations, case, spaces, '&', hyphens, dots), with how often each is used,
and the code a row may give beside the name."""

from .draws import weighted_index

# long endings and the abbreviation written instead (the first that fits is used)
ABBREVIATIONS = [(" Metropolitan Borough Council", " MBC"), (" City Council", " CC"),
                 (" County Council", " CC"), (" District Council", " DC"),
                 (" Borough Council", " BC")]


def candidate_names(a):
    """(name, kind, weight) for every spelling tried for authority a, most common first;
    the kind is the feature counted in expected.json (name:KIND)."""
    off, nice = a.official, a.nice or a.official
    cand = [(off, "official", 40), (nice, "nice", 12)]
    alts = [n for n in a.alt if n not in (off, nice)]
    cand += [(n, "alt", 8.0 / len(alts)) for n in alts]
    cand += [(n, "lookup", 6.0 / len(a.lookup)) for n in a.lookup]
    for long_, short in ABBREVIATIONS:
        if off.endswith(long_):
            ab = off[: -len(long_)] + short
            cand += [(ab, "abbrev" + short.strip(), 10), (ab.upper(), "abbrev" + short.strip(), 2)]
            break
    cand += [(off.upper(), "case", 4), (off.lower(), "case", 3), (nice.upper(), "case", 2),
             (off + " ", "spaces", 4), ("  " + off, "spaces", 1),
             (off.replace(" ", "  ", 1), "spaces", 2), (nice + " Council", "suffix", 4),
             (off.replace(" ", "\u00a0", 1), "nbsp", 1)]
    for b in (off, nice):
        if " and " in b:
            cand.append((b.replace(" and ", " & "), "ampersand", 4))
    if "-" in off:
        cand.append((off.replace("-", " "), "hyphen", 4))
    if off.startswith("North West "):
        cand.append((off.replace("North West ", "North-West ", 1), "hyphen", 3))
    if off.startswith("St "):
        cand.append(("St. " + off[3:], "dots", 4))
    if off.endswith(" Borough Council") and not off.endswith("Metropolitan Borough Council"):
        cand.append((off[: -len(" Borough Council")] + " B.C.", "dots", 3))
    return cand


class NameVariants:
    """Per English authority, the usable spellings of its name as
    (name, kind, other codes it also matches, weight)."""

    def __init__(self, reg, rng):
        self.reg = reg
        self.rng = rng
        self.by_code = {a.code: self._usable(a) for a in reg.auths if a.nation == "England"}

    def _usable(self, a):
        """The candidates the rules resolve to a under every reading (first of duplicates)."""
        ok, seen = [], set()
        for raw, kind, w in candidate_names(a):
            if raw in seen:
                continue
            seen.add(raw)
            m = self.reg.match(raw)
            if m is None or a.code not in m:
                continue
            others = tuple(sorted(c for c in m if c != a.code))
            ok.append((raw, kind, others, w))
        return ok

    def pick_name(self, a, day):
        """A name variant that resolves to a on the given received date: one that also
        matches other authorities only while a exists and none of them does."""
        usable = [v for v in self.by_code[a.code]
                  if not v[2] or (a.exists_on(day) and
                                  not any(self.reg.by_code[c].exists_on(day) for c in v[2]))]
        if not usable:
            return None
        return usable[weighted_index(self.rng, [v[3] for v in usable])]

    def pick_code(self, a):
        """(code, kind) written beside the name: a former GSS code, the GSS code or the
        register code."""
        r = self.rng.random()
        if a.former and r < 0.15:
            return self.rng.choice(a.former), "code-former"
        if a.gss and (r < 0.75 or len(a.code) != 3):
            return a.gss, "code-gss"
        return a.code, "code-register"
