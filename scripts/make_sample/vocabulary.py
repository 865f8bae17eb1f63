"""The words and shapes the sample is written in: the export's columns, the reporting
years it covers, and the vocabularies of shared/spec/export-format.md and statistics.md
(service areas, decision wordings, flags, compliance outcomes, remedies, reject reasons).
Constants only; how often each is drawn is decided elsewhere."""

import datetime

FIRST_YEAR, LAST_YEAR = 2018, 2023          # 2018-19 .. 2023-24
YEARS = list(range(FIRST_YEAR, LAST_YEAR + 1))
RANGE_START = datetime.date(FIRST_YEAR, 4, 1)
RANGE_END = datetime.date(LAST_YEAR + 1, 3, 31)

# ----------------------------------------------------------------------------
# The export (export-format.md)
# ----------------------------------------------------------------------------

HEADER = ["reference", "authority_name", "authority_code", "category", "subcategory",
          "received_date", "decision_date", "decision", "remedy",
          "satisfactory_remedy_by_authority", "compliance_outcome", "compliance_date",
          "public_report", "last_updated", "summary"]
(C_REF, C_NAME, C_CODE, C_CAT, C_SUB, C_RD, C_DD, C_DEC, C_REM, C_SAT, C_COMP, C_CD,
 C_PUB, C_LU, C_SUM) = range(len(HEADER))

# the date forms a valid row may use: (feature name, the whole field as a regular expression)
DATE_FORMS = [("dd/mm/yyyy", r"\d\d/\d\d/\d{4}"), ("d/m/yyyy", r"\d{1,2}/\d{1,2}/\d{4}"),
              ("yyyy-mm-dd", r"\d{4}-\d\d-\d\d"),
              ("timestamp", r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d"),
              ("timestamp Z", r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")]

# reject reason codes, in the order expected.json lists them
REASONS = ["field_count", "unterminated_quote", "bad_date", "decision_before_received",
           "unknown_authority", "ambiguous_authority", "unclassified_decision",
           "decision_without_date", "bad_reference", "missing_required"]

# ----------------------------------------------------------------------------
# Authorities and service areas (statistics.md, outputs.md)
# ----------------------------------------------------------------------------

TYPE_CODES = ["CTY", "NMD", "MD", "UA", "LBO"]
TYPE_LABEL = {"CTY": "County", "NMD": "District", "MD": "Metropolitan", "UA": "Unitary",
              "LBO": "London Borough"}

# service areas in the order of outputs.md: (published name, modern variants, pre-2011 names)
AREAS = [
    ("Adult care services", ["Adult social care"], []),
    ("Benefits and tax", [], ["Benefits", "Public finance"]),
    ("Corporate and other services", [], []),
    ("Education and children's services", [], ["Children and family services", "Education"]),
    ("Environmental services, public protection and regulation",
     ["Environmental services and regulation", "Environmental services", "Environment services"], []),
    ("Highways and transport", ["Highways"], ["Transport and highways"]),
    ("Housing", [], []),
    ("Planning and development", [], ["Planning & building control"]),
    ("Other", [], []),
]
AREA_COLUMNS = ["received_adult_care", "received_benefits_tax", "received_corporate",
                "received_education_children", "received_environment",
                "received_highways_transport", "received_housing", "received_planning",
                "received_other"]
SUBCATEGORIES = [
    ["Assessment and care plan", "Charging", "Residential care", "Domiciliary care", "Safeguarding"],
    ["Council tax", "Housing benefit and council tax reduction", "Business rates"],
    ["Customer service", "Land", "Elections", "Commercial and contracts"],
    ["Special educational needs", "School transport", "Alternative provision", "Child protection"],
    ["Refuse and recycling", "Noise", "Licensing, including taxis", "Trading standards"],
    ["Parking and other penalties", "Highway repair and maintenance", "Blue badges"],
    ["Homelessness", "Allocations", "Private housing", "Disabled facilities grants"],
    ["Planning applications", "Enforcement", "Building control", "Trees, hedges and high hedges"],
    ["Cemeteries and crematoria", "Anti-social behaviour", "Other"],
]

# ----------------------------------------------------------------------------
# Decisions, flags, compliance (statistics.md)
# ----------------------------------------------------------------------------

INV, ADV, REF, CAI, NUP, UPH = range(6)
OUTCOME_COLUMNS = ["incomplete_invalid", "advice_given", "referred_back",
                   "closed_after_initial_enquiries", "not_upheld", "upheld"]
WORDING = {  # outcome: (modern wordings, pre-2008 wordings)
    UPH: (["Upheld", "Upheld: fault and injustice", "Upheld: fault, no injustice",
           "Upheld: fault accepted by authority",
           "Upheld - satisfactory remedy provided by authority"],
          ["Maladministration and injustice", "Maladministration, no injustice",
           "MI reps", "M reps", "LS", "Local settlement"]),
    NUP: (["Not upheld", "Not upheld: no fault"],
          ["No maladministration", "NM reps", "No mal",
           "No or insufficient evidence of maladministration"]),
    CAI: (["Closed after initial enquiries", "Closed after initial enquiries: out of jurisdiction",
           "Closed after initial enquiries - no worthwhile outcome"],
          ["Omb disc", "Ombudsman's discretion", "Outside jurisdiction"]),
    REF: (["Referred back for local resolution"], ["Premature", "Premature complaint"]),
    ADV: (["Advice given"], []),
    INV: (["Incomplete/Invalid", "Invalid or incomplete", "Incomplete or invalid"], []),
}
# wordings that say the authority had already remedied: only used when the flag says so
REMEDIED_WORDINGS = {"Upheld - satisfactory remedy provided by authority", "LS", "Local settlement"}
SAT_YES = ["Y", "Yes", "TRUE", "1"]
SAT_NO = ["N", "No", "FALSE", "0"]
COMPLIED, LATE, NOT_COMPLIED, AWAITING = range(4)
COMPLIANCE_TEXT = ["Complied", "Complied late", "Not complied", "Awaiting"]
REMEDIES = ["Apology", "Financial redress: quantifiable loss",
            "Financial redress: avoidable distress/time and trouble",
            "Procedure or policy change/review", "Training and/or guidance", "Reassessment",
            "New appeal/review or reconsidered decision", "Provide services"]
