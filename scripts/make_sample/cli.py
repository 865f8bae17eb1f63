"""The command line of scripts/make-sample: write the sample folder, or (--check)
regenerate it in a temporary folder and report the committed files that are out of date."""

import argparse
import os

from .sample import Sample
from .sample_folder import EXPORT_NAME, stale_files, write_sample_folder

DEFAULT_DATA = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                             "..", "..", "sample-data"))
DEFAULT_SEED = 20240331
DEFAULT_ROWS = 3000


def main(argv, description):
    ap = argparse.ArgumentParser(prog="make-sample", description=description,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA,
                    help="sample-data folder (inputs are read and outputs written here)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--rows", type=int, default=DEFAULT_ROWS,
                    help="data rows in the export, header excluded (rejects and duplicates included)")
    ap.add_argument("--check", action="store_true",
                    help="regenerate in a temporary folder and compare with the committed files")
    args = ap.parse_args(argv)
    s = Sample(args.data, args.seed, args.rows)
    s.generate()
    if not args.check:
        info = write_sample_folder(s, args.data)
        print("wrote %s: %d rows (%d rejected, %d superseded, %d re-encoded, %d cases); "
              "expected outputs in expected/ and expected-mean/"
              % (os.path.join(args.data, EXPORT_NAME), info["rows_written"], info["rows_rejected"],
                 info["duplicates_superseded"], info["rows_reencoded"], info["cases"]))
        return 0
    stale = stale_files(s, args.data)
    for n in stale:
        print("out of date: %s" % n)
    print("make-sample --check: %s" % ("%d file(s) out of date" % len(stale) if stale else "up to date"))
    return 1 if stale else 0
