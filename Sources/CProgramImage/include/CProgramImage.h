#ifndef ANNUAL_REVIEW_CPROGRAMIMAGE_H
#define ANNUAL_REVIEW_CPROGRAMIMAGE_H

#include <stddef.h>

/// Copies the running program's GNU build ID (the ELF note NT_GNU_BUILD_ID that the linker
/// writes: a hash of what it linked) into `out`, at most `capacity` bytes, from the program's
/// own loaded headers (dl_iterate_phdr: nothing is read from disk). Returns the ID's length,
/// or 0 when the program has none or it is longer than `capacity`.
size_t CProgramImage_buildID(unsigned char *out, size_t capacity);

#endif
