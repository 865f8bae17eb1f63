"""make_sample: the code of scripts/make-sample, which builds the sample decisions
export and its expected outputs (that script's docstring says what it reads and
writes). Python 3 standard library only.

Reading order:
    cli.py               the command line: write the folder, or --check it
    sample.py            one run: the order rows are made in, the state they share
    vocabulary.py        the export's columns and the spec's vocabularies (constants)
    register.py          the register and the name-matching rules (every reading of them)
    cases.py             ground truth: cases drawn at random, parts fixed by the caller
    name_variants.py     how a row names its authority (names, abbreviations, codes)
    field_texts.py       how the other fields are spelled; the coverage queues
    summaries.py         the free-text summary
    rows.py              a case written as the 15 fields of a row
    scripted.py          cases placed on purpose (reorganisations, boundaries, codes)
    reencoded.py         valid rows with Windows-1252 bytes
    duplicates.py        older versions the duplicate rule must discard
    rejects.py           rows with exactly one fault, for every reason code
    export.py            file order, line ends, bytes, the line of each reject
    coverage.py          the check that everything meant to be exercised is
    expected_outputs.py  the tables the pipeline must produce, from the cases
    case_tables.py       the per-case tables, from the cases and their rows' texts
    sample_folder.py     the files written, expected.json, the --check comparison
    arithmetic.py, csv_text.py, draws.py   exact rounding, CSV quoting, weighted draws

Every random draw comes from one random.Random(seed) shared by all modules, so the
order of the calls is part of the output: moving a draw changes the sample.
"""
