/*
 * A second reference for the benchmark: zlib and libcsv on one thread, with the options
 * annual-review gives libcsv (strict, spaces kept), callbacks that only count. It is what the
 * parse stage cannot go below on one core; when it takes longer than gzread-floor, parsing,
 * not inflating, bounds a pipeline that gives each of them one core.
 *
 *   cc -O2 -o csv-floor csv-floor.c -lz -lcsv && ./csv-floor FILE.csv.gz
 *
 * Prints the number of rows (the header included); exits 1 on a read or parse error.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

static long fields, rows;

static void on_field(void *bytes, size_t length, void *context) { fields++; }
static void on_row(int terminator, void *context) { rows++; }
static int keep_spaces(unsigned char c) { return 0; }

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.gz\n", argv[0]);
        return 2;
    }
    gzFile file = gzopen(argv[1], "rb");
    if (!file) {
        perror(argv[1]);
        return 1;
    }
    gzbuffer(file, 1 << 20);
    static char buffer[1 << 20];
    struct csv_parser parser;
    csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
    csv_set_space_func(&parser, keep_spaces);
    int n;
    while ((n = gzread(file, buffer, sizeof buffer)) > 0) {
        if (csv_parse(&parser, buffer, n, on_field, on_row, NULL) != (size_t)n) {
            fprintf(stderr, "%s: %s\n", argv[1], csv_strerror(csv_error(&parser)));
            return 1;
        }
    }
    int status = 0;
    int error = Z_OK;
    gzerror(file, &error);
    if (n < 0 || error != Z_OK || csv_fini(&parser, on_field, on_row, NULL) != 0) status = 1;
    if (gzclose_r(file) != Z_OK) status = 1;
    printf("%ld\n", rows);
    return status;
}
