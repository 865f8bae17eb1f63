#ifndef ANNUAL_REVIEW_CFILESYSTEM_H
#define ANNUAL_REVIEW_CFILESYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set on failure.
int annual_review_rename_exchange(const char *a, const char *b);

/// Writes every dirty page of the file system holding `fd` to disk and reports any write-back
/// error since `fd` was opened (Linux 5.8 and later). Returns 0 or -1 with errno set.
int annual_review_syncfs(int fd);

#endif
