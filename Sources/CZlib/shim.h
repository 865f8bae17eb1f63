#ifndef ANNUAL_REVIEW_CZLIB_SHIM_H
#define ANNUAL_REVIEW_CZLIB_SHIM_H
#include <zlib.h>

/// inflateInit2 is a macro, which Swift cannot import: wrap it.
static inline int CZlib_inflateInit2(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
