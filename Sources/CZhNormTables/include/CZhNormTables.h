// The compiled script-conversion tables (tables/zhconvert.bin) and the Unicode
// step's NFC attention bitmap (tables/nfc-attention.bin), embedded in the
// binary at build time so start-up maps nothing and parses nothing.
#ifndef CZHNORMTABLES_H
#define CZHNORMTABLES_H
#include <stddef.h>
#include <stdint.h>

/// First byte of the embedded table; 64-byte aligned, immutable, valid forever.
const uint8_t *zhnorm_convert_table_bytes(void);
/// Size of the embedded table in bytes.
size_t zhnorm_convert_table_size(void);

/// The NFC attention bitmap: 8192 bytes, 1024 little-endian 64-bit words, bit
/// (c & 63) of word (c >> 6) set for BMP scalars with a nonzero canonical
/// combining class or NFC_Quick_Check other than Yes (ICU 72, Unicode 15.0).
const uint8_t *zhnorm_nfc_attention_bytes(void);

#endif
