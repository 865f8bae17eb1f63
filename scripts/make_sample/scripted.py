"""The cases placed on purpose rather than drawn: the Buckinghamshire 2020 and North
Yorkshire 2023 reorganisations, Richmond, codes beside or instead of names, other kinds
of authority, days on the year boundaries, and name forms the brief asks for. Each
fixed name is checked to resolve to its authority on its received date."""

import datetime

from .vocabulary import ADV, CAI, COMPLIED, INV, LATE, NOT_COMPLIED, NUP, REF, UPH


def add_scripted_cases(sample):
    """Adds the scripted cases to the sample as valid rows (the rest of each row is drawn)."""
    by, D = sample.reg.by_code, datetime.date
    placed = []

    def case(which, rd, **kw):
        c = sample.new_case(auth=by[which], rd=rd, **kw)
        sample.add_valid(c)
        placed.append(c)
        return c

    # Buckinghamshire 2020: the shared place name resolves by the received date
    case("BKM", D(2020, 3, 31), name="Buckinghamshire", outcome=UPH, dd=D(2020, 7, 15),
         comp=COMPLIED, cd=D(2020, 9, 1), area=3)       # decided after abolition
    case("BUC", D(2020, 4, 1), name="Buckinghamshire", outcome=NUP, dd=D(2020, 11, 20))
    case("BKM", D(2019, 6, 12), name="BUCKINGHAMSHIRE ", outcome=UPH, dd=D(2020, 2, 10),
         comp=LATE, cd=D(2020, 5, 4))
    case("BUC", D(2021, 2, 3), name="buckinghamshire")
    case("BKM", D(2018, 11, 20), name="Bucks")
    case("BUC", D(2022, 5, 9), name="Bucks")
    case("BKM", D(2019, 12, 2), name="Buckinghamshire County Council", outcome=UPH,
         dd=D(2020, 6, 30), sat=True, comp=None)
    case("AYL", D(2019, 10, 14), name="Aylesbury Vale DC", outcome=CAI, dd=D(2020, 4, 20))
    case("CHN", D(2020, 1, 15), name="Chiltern District Council", outcome=UPH,
         dd=D(2020, 9, 9), comp=COMPLIED, cd=D(2020, 11, 2))
    # a single match is that authority whatever the dates (legacy council named late)
    case("WYO", D(2020, 6, 15), name="Wycombe District Council", outcome=CAI, dd=D(2020, 8, 10))
    case("WYO", D(2020, 9, 2), name="Wycombe DC", code="E07000007", outcome=None)
    case("SBU", D(2020, 5, 19), name="South Buckinghamshire District Council", outcome=REF,
         dd=D(2020, 6, 1))
    # Richmond: ambiguous while Richmondshire exists, London Borough after 2023-04-01
    case("RIC", D(2023, 4, 1), name="Richmond", outcome=NUP, dd=D(2023, 12, 1))
    case("RIC", D(2023, 10, 10), name="RICHMOND ", outcome=ADV, dd=D(2023, 10, 12))
    # North Yorkshire 2023
    case("NYK", D(2023, 3, 31), name="North Yorkshire", outcome=UPH, dd=D(2023, 9, 1),
         comp=COMPLIED, cd=D(2023, 11, 15))
    case("NYE", D(2023, 4, 3), name="North Yorkshire", outcome=UPH, dd=D(2023, 10, 2))
    case("NYK", D(2021, 7, 7), name="North Yorkshire")
    case("RIH", D(2022, 11, 8), name="Richmondshire District Council", outcome=UPH,
         dd=D(2023, 5, 2))                                  # decided after abolition
    # codes: blank name, code beats the name, former GSS codes, other kinds
    case("BUR", D(2019, 7, 22), name="", code="E08000002")
    case("LCE", D(2021, 9, 13), name="", code="LCE")
    case("LCE", D(2022, 1, 17), name="Leicestershire County Council", code="E06000016")
    case("NET", D(2021, 3, 3), name="Newcastle", code="E08000021", outcome=UPH, dd=D(2021, 8, 2))
    case("STN", D(2020, 10, 5), name="Borsetshire County Council", code="STN")
    case("SAL", D(2018, 9, 4), name="St Albans City and District Council", code="E07000100")
    case("GAT", D(2022, 6, 6), name="Gateshead Council", code="E08000020")
    case("GMCA", D(2021, 11, 11), name="Greater Manchester Combined Authority",
         code="E47000001", outcome=UPH, dd=D(2022, 4, 4), comp=COMPLIED, cd=D(2022, 6, 1))
    case("PDN", D(2019, 8, 8), name="Peak District National Park Authority", outcome=NUP,
         dd=D(2020, 1, 20))
    case("PDN", D(2022, 2, 2), name="peak district npa", outcome=CAI, dd=D(2022, 3, 30))
    # year boundaries: received, decided and complied on 31 March / 1 April
    case("LCE", D(2019, 3, 31), name="Leicester City Council", outcome=REF, dd=D(2019, 4, 1))
    case("LCE", D(2019, 4, 1), name="Leicester CC", outcome=INV, dd=D(2019, 4, 1))
    case("BUR", D(2019, 6, 3), name="Bury MBC", outcome=UPH, dd=D(2020, 3, 31),
         comp=COMPLIED, cd=D(2020, 4, 1))
    case("BUR", D(2019, 7, 1), name="bury metropolitan borough council", outcome=NUP,
         dd=D(2020, 4, 1))
    case("STN", D(2020, 5, 5), name="London Borough of Sutton", outcome=UPH, dd=D(2020, 12, 1),
         sat=True, comp=LATE, cd=D(2021, 3, 31))
    case("STN", D(2020, 6, 8), name="LB Sutton", outcome=UPH, dd=D(2021, 1, 11),
         comp=NOT_COMPLIED, cd=D(2021, 4, 1))
    # name forms the brief asks for (each is also drawn at random)
    for code, nm in [("LCE", "LEICESTER CITY COUNCIL "), ("LCE", "Leicester City"),
                     ("LCE", "City of Leicester"), ("LCE", "Leicester City UA"),
                     ("STN", "Sutton"), ("STN", "sutton council"),
                     ("BUR", "  Bury  Metropolitan Borough Council"),
                     ("NEC", "Newcastle-under-Lyme B.C."), ("NEC", "Newcastle under Lyme BC"),
                     ("KEN", "Kent CC"), ("LAC", "Lancaster CC"), ("LAN", "Lancashire CC"),
                     ("BNH", "Brighton & Hove City Council"),
                     ("WNM", "Royal Borough of Windsor & Maidenhead"),
                     ("KEC", "RBKC"), ("STE", "Stoke on Trent City Council"),
                     ("SAL", "St. Albans City & District Council"),
                     ("NWL", "North-West Leicestershire DC"), ("WGN", "Wigan MBC"),
                     ("CMD", "Camden Council"), ("NET", "Newcastle upon Tyne"),
                     ("BUR", "Bury\u00a0Metropolitan Borough Council")]:
        case(code, None, name=nm)
    # a fixed name must resolve to its authority on its day under every reading of the
    # rules (with a code beside it, the code decides; a blank name has nothing to check)
    for c in placed:
        if c.fixed_name and c.fixed_code is None:
            st, got = sample.reg.resolve(c.fixed_name, c.rd)
            if st != "ok" or got != c.auth.code:
                raise AssertionError("scripted name %r on %s resolves to %s %s, not %s"
                                     % (c.fixed_name, c.rd, st, got, c.auth.code))
        assert c.name_kind == "scripted"
    sample.note("scripted cases", len(placed))
