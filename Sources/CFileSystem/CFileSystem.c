#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "CFileSystem.h"

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int CFileSystem_renameExchange(const char *a, const char *b) {
    // Through syscall(): older glibc headers do not declare renameat2, and syscall() is
    // variadic, which Swift cannot call.
    return (int)syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}

int CFileSystem_syncfs(int fd) {
    return syncfs(fd);
}
