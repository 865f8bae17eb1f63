/*
 * The benchmark's floor: the time zlib alone needs to inflate a file, reading it with gzread
 * into one reused buffer and doing nothing else. annual-review's wall time is compared with it.
 *
 *   cc -O2 -o gzread-floor gzread-floor.c -lz && ./gzread-floor FILE.csv.gz
 *
 * Prints the number of uncompressed bytes; exits 1 on a read error or a truncated file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

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
    static unsigned char buffer[1 << 20];
    unsigned long long total = 0;
    int n;
    while ((n = gzread(file, buffer, sizeof buffer)) > 0) total += (unsigned long long)n;
    int errnum = 0;
    const char *message = gzerror(file, &errnum);
    if (n < 0 || errnum != Z_OK) {
        fprintf(stderr, "%s: %s\n", argv[1], message);
        return 1;
    }
    if (gzclose_r(file) != Z_OK) {
        fprintf(stderr, "%s: truncated or corrupt\n", argv[1]);
        return 1;
    }
    printf("%llu\n", total);
    return 0;
}
