// The compiled script-conversion tables (tables/zhconvert.bin), embedded in the
// binary at build time so start-up maps nothing and parses nothing.
#ifndef CZHNORMTABLES_H
#define CZHNORMTABLES_H
#include <stddef.h>
#include <stdint.h>

/// First byte of the embedded table; 64-byte aligned, immutable, valid forever.
const uint8_t *zhnorm_convert_table_bytes(void);
/// Size of the embedded table in bytes.
size_t zhnorm_convert_table_size(void);

#endif
