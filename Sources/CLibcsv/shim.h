#ifndef ANNUAL_REVIEW_CLIBCSV_SHIM_H
#define ANNUAL_REVIEW_CLIBCSV_SHIM_H
#include <stddef.h>
#include <csv.h>
#endif
