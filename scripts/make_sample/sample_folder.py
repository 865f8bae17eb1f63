"""The files of the sample folder: the gzip export, expected/ (pooled averages, the
national tables, the expected rejects, expected.json) and expected-mean/ (mean averages
and its own expected.json), and the comparison of a fresh set with the committed one
that `make-sample --check` reports."""

import csv
import gzip
import hashlib
import json
import os
import shutil
import tempfile

from .arithmetic import year_label
from .case_tables import COMPLIANCE_COLUMNS, DECISIONS_COLUMNS, SERVICE_IMPROVEMENTS_COLUMNS, case_tables
from .expected_outputs import (AR_COLUMNS, AY_COLUMNS, CMP_COLUMNS, NY_COLUMNS, TY_COLUMNS,
                               authority_tables, national_tables)
from .register import LOOKUP_NAME, POPULATION_NAME, REGISTER_NAME
from .vocabulary import FIRST_YEAR, LAST_YEAR, REASONS, YEARS

EXPORT_NAME = "decisions-sample.csv.gz"
OUTPUT_FILES = [EXPORT_NAME] + ["expected/" + n for n in (
    "authority_year.csv", "type_year.csv", "comparison.csv", "national_year.csv", "area_year.csv",
    "expected_rejects.csv", "expected.json", "decisions.csv", "compliance.csv", "service_improvements.csv")] + ["expected-mean/" + n for n in (
    "authority_year.csv", "type_year.csv", "comparison.csv", "expected.json")]


def read_bytes(path):
    with open(path, "rb") as fh:
        return fh.read()


def write_csv(path, header, rows):
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def write_sample_folder(sample, out_dir):
    """Writes every file of OUTPUT_FILES under out_dir; returns the last expected.json."""
    os.makedirs(out_dir, exist_ok=True)
    gz_path = os.path.join(out_dir, EXPORT_NAME)
    # mtime 0 and no file name in the header: the same CSV gives the same gzip bytes
    with open(gz_path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as gz:
            gz.write(sample.csv_bytes)
    with open(gz_path, "rb") as fh:
        gz_bytes = fh.read()
    for method, sub in (("pooled", "expected"), ("mean", "expected-mean")):
        d = os.path.join(out_dir, sub)
        os.makedirs(d, exist_ok=True)
        ay, ty, cm = authority_tables(sample.cases, sample.reg, method)
        write_csv(os.path.join(d, "authority_year.csv"), AY_COLUMNS, ay)
        write_csv(os.path.join(d, "type_year.csv"), TY_COLUMNS, ty)
        write_csv(os.path.join(d, "comparison.csv"), CMP_COLUMNS, cm)
        if method == "pooled":  # no averages in these: written once
            ny, ar = national_tables(sample.cases)
            write_csv(os.path.join(d, "national_year.csv"), NY_COLUMNS, ny)
            write_csv(os.path.join(d, "area_year.csv"), AR_COLUMNS, ar)
            for name, columns, rows in zip(("decisions.csv", "compliance.csv", "service_improvements.csv"),
                                           (DECISIONS_COLUMNS, COMPLIANCE_COLUMNS, SERVICE_IMPROVEMENTS_COLUMNS),
                                           case_tables(sample.cases)):
                write_csv(os.path.join(d, name), columns, rows)
            write_csv(os.path.join(d, "expected_rejects.csv"),
                      ["line", "reference", "reason", "detail"], sample.rejects)
        info = summary_json(sample, method, gz_bytes, len(ay))
        with open(os.path.join(d, "expected.json"), "w", encoding="utf-8", newline="\n") as fh:
            json.dump(info, fh, indent=2)
            fh.write("\n")
    return info


def summary_json(sample, method, gz_bytes, n_ay):
    """expected.json: the arguments and inputs, the export's size and hashes, the counts."""
    by_reason = {r: 0 for r in REASONS}
    for _, _, r, _ in sample.rejects:
        by_reason[r] += 1
    n_rej = len(sample.rejects)

    def sha(name):
        return hashlib.sha256(read_bytes(os.path.join(sample.data_dir, name))).hexdigest()

    return {
        "tool": "make-sample",
        "arguments": {"rows": sample.rows, "seed": sample.seed,
                      "years": "%s..%s" % (year_label(FIRST_YEAR), year_label(LAST_YEAR)),
                      "method": method, "register": REGISTER_NAME,
                      "register_sha256": sha(REGISTER_NAME), "lookup": LOOKUP_NAME,
                      "lookup_sha256": sha(LOOKUP_NAME), "population": POPULATION_NAME,
                      "population_sha256": sha(POPULATION_NAME)},
        "output": {"file": EXPORT_NAME, "bytes": len(gz_bytes),
                   "sha256": hashlib.sha256(gz_bytes).hexdigest(),
                   "csv_bytes": len(sample.csv_bytes),
                   "csv_sha256": hashlib.sha256(sample.csv_bytes).hexdigest()},
        "years": [year_label(y) for y in YEARS],
        "method": method,
        "rows_written": sample.rows,
        "rows_rejected": n_rej,
        "rows_accepted": sample.rows - n_rej,
        "rejects": by_reason,
        "duplicates_superseded": sample.n_old,
        "duplicate_ties": sample.n_ties,
        "cases": sample.rows - n_rej - sample.n_old,
        "rows_reencoded": sample.n_reencoded,
        "bom": True,
        "final_line_break": sample.csv_bytes.endswith(b"\n"),
        "authority_year_rows": n_ay,
        "population": "population.csv where it has the authority and year, else register "
                      "pop-2020; empty for an authority not current in the year",
        "features": dict(sorted(sample.features.items())),
    }


def comparable(path):
    """expected.json without the compressed file's size and hash (zlib-dependent)."""
    with open(path, encoding="utf-8") as fh:
        d = json.load(fh)
    d.get("output", {}).pop("bytes", None)
    d.get("output", {}).pop("sha256", None)
    return d


def stale_files(sample, data_dir):
    """The names in OUTPUT_FILES that differ in data_dir from a fresh copy (or are
    missing). The export is compared by the CSV inside, expected.json without the
    gzip's size and hash: another zlib build may compress the same CSV differently."""
    tmp = tempfile.mkdtemp(prefix="make-sample-")
    try:
        write_sample_folder(sample, tmp)
        stale = []
        for name in OUTPUT_FILES:
            a, b = os.path.join(data_dir, name), os.path.join(tmp, name)
            if not os.path.exists(a):
                same = False
            elif name == EXPORT_NAME:
                with gzip.open(a) as fh:
                    same = fh.read() == sample.csv_bytes
            elif name.endswith(".json"):
                same = comparable(a) == comparable(b)
            else:
                same = read_bytes(a) == read_bytes(b)
            if not same:
                stale.append(name)
        return stale
    finally:
        shutil.rmtree(tmp)
