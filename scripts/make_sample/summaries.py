"""The free-text summary of a case: a few sentences in the style of the Ombudsman's
decisions, drawn so that the export's last column exercises commas, doubled quotes,
pound signs, curly apostrophes and line breaks inside a quoted field."""

PEOPLE = ["Mrs X", "Mr X", "Ms X", "Miss X", "Mr Y", "Mrs Y", "Mr and Mrs X", "Dr X", "Mrs B", "Mr C"]
OPENINGS = [  # one list per service area, in the order of vocabulary.AREAS
    ["failed to assess {poss} mother\u2019s care needs before she left hospital",
     "charged {o} \u00a3{amt} a week for residential care without explaining the charges",
     "did not provide the care set out in {poss} support plan"],
    ["took recovery action over council tax {pr} had already paid",
     "delayed {n} months in deciding {poss} housing benefit claim"],
    ["did not answer {poss} complaint within the times set in its own policy",
     "mishandled a dispute about land at the edge of {poss} garden"],
    ["failed to secure the provision in {poss} son\u2019s Education, Health and Care Plan",
     "refused school transport for {poss} daughter, who has autism, without looking at the route"],
    ["missed {poss} bin collection on {n} occasions, despite reports",
     "took no action on noise from a bar next to {poss} home"],
    ["did not repair a pothole that damaged {poss} car, costing \u00a3{amt}",
     "issued a parking penalty where the restrictions were not properly signed"],
    ["failed to provide suitable temporary accommodation for the family",
     "did not act on reports of damp and mould in {poss} rented home"],
    ["did not consider the effect of a neighbour\u2019s extension on {poss} kitchen",
     "took no enforcement action over a breach of planning control next to {poss} property"],
    ["moved a family memorial in the cemetery without telling {o}",
     "failed to deal with anti-social behaviour on {poss} estate"],
]
SENTENCES = [
    'The Council said it had "{q}", and that it had followed its procedures.',
    "We found fault, which caused {p} {h}.",
    "The Council agreed to apologise, pay {p} \u00a3{amt} and review its procedures within {n} months.",
    "We did not find fault in the Council\u2019s decision, which it made after considering the evidence.",
    "We will not investigate because {p} could have appealed to a tribunal, and it was reasonable to do so.",
    'In reply to our enquiries, the Council accepted its letter was "not clear", and that it should have explained the right of appeal.',
    "There was a delay of {n} weeks, which was fault; {p} lost the chance to challenge the decision sooner.",
    'The officer\'s note says the matter was "{q}"; there is no record of further contact.',
    "{p} says the Council\u2019s actions left {o} out of pocket by \u00a3{amt}, including travel costs.",
    "The complaint was made {n} months after the events, so it is late.",
    "We cannot say what would have happened without the fault, so the uncertainty is an injustice.",
    "Within three months, the Council should remind staff to keep proper records, and tell us what it has done.",
]
HARMS = ["distress", "avoidable time and trouble", "frustration", "financial loss, and uncertainty"]
QUOTES = ["acted in line with its policy", "no record of the call", "under review",
          "a simple administrative error", "not a priority"]


def pronouns(p):
    """(subject, object, possessive) pronouns for a complainant such as "Mrs X"."""
    if "Mr and Mrs" in p:
        return "they", "them", "their"
    if p.startswith("Mr ") or p.startswith("Dr "):
        return "he", "him", "his"
    return "she", "her", "her"


def fill(rng, t, p):
    """Template t with its placeholders filled for complainant p. Every draw is made
    whether or not t uses it, so that the random sequence does not depend on the text."""
    pr, o, poss = pronouns(p)
    for k, v in (("{p}", p), ("{pr}", pr), ("{o}", o), ("{poss}", poss),
                 ("{h}", rng.choice(HARMS)), ("{q}", rng.choice(QUOTES)),
                 ("{amt}", "{:,}".format(rng.choice([75, 150, 250, 300, 500, 750, 1200, 2400]))),
                 ("{n}", str(rng.randint(2, 14)))):
        t = t.replace(k, v)
    return t


def make_summary(rng, area):
    """Free text (unescaped): commas, quotes, pound signs, curly apostrophes, line breaks."""
    p = rng.choice(PEOPLE)
    parts = [fill(rng, "%s complained that the Council %s." % (p, rng.choice(OPENINGS[area])), p)]
    for _ in range(rng.choice([0, 1, 1, 2, 2, 3])):
        r = rng.random()
        parts.append("\n" if r < 0.10 else ("\r\n" if r < 0.15 else " "))
        parts.append(fill(rng, rng.choice(SENTENCES), p))
    return "".join(parts)


def to_cp1252_bytes(s):
    """The summary as an old extract wrote it: ' and pound signs as single
    Windows-1252 bytes (kept as surrogate escapes until the row is encoded)."""
    t = s.replace("\u2019", "\udc92").replace("\u00a3", "\udca3")
    if t == s:
        t = s + " (\udca3%d)" % (50 * (1 + len(s) % 9))
    return t
