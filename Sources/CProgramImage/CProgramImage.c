#define _GNU_SOURCE
#include <elf.h>
#include <link.h>
#include <string.h>
#include "CProgramImage.h"

struct BuildIDSearch {
    unsigned char *out;
    size_t capacity;
    size_t length;
};

// Called for each loaded object; the first is the program itself, and only it is searched.
static int searchProgram(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    struct BuildIDSearch *search = data;
    for (ElfW(Half) i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *header = &info->dlpi_phdr[i];
        if (header->p_type != PT_NOTE) continue;
        const unsigned char *note = (const unsigned char *)(info->dlpi_addr + header->p_vaddr);
        const unsigned char *end = note + header->p_memsz;
        // Each note: its header, then its name and its description, each padded to 4 bytes.
        while ((size_t)(end - note) >= sizeof(ElfW(Nhdr))) {
            ElfW(Nhdr) nhdr;
            memcpy(&nhdr, note, sizeof nhdr);
            size_t name = (nhdr.n_namesz + 3u) & ~(size_t)3, desc = (nhdr.n_descsz + 3u) & ~(size_t)3;
            if ((size_t)(end - note) - sizeof nhdr < name + desc) break;
            const unsigned char *text = note + sizeof nhdr;
            if (nhdr.n_type == NT_GNU_BUILD_ID && nhdr.n_namesz == 4 && memcmp(text, "GNU", 4) == 0) {
                if (nhdr.n_descsz > 0 && nhdr.n_descsz <= search->capacity) {
                    memcpy(search->out, text + name, nhdr.n_descsz);
                    search->length = nhdr.n_descsz;
                }
                return 1;
            }
            note = text + name + desc;
        }
    }
    return 1;
}

size_t CProgramImage_buildID(unsigned char *out, size_t capacity) {
    struct BuildIDSearch search = { out, capacity, 0 };
    dl_iterate_phdr(searchProgram, &search);
    return search.length;
}
