#ifndef ANNUAL_REVIEW_CFILESYSTEM_H
#define ANNUAL_REVIEW_CFILESYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set on failure.
int CFileSystem_renameExchange(const char *a, const char *b);

/// Writes every dirty page of the file system holding `fd` to disk and reports any write-back
/// error since `fd` was opened (Linux 5.8 and later). Returns 0 or -1 with errno set.
int CFileSystem_syncfs(int fd);

#endif
