// Embeds tables/zhconvert.bin and tables/nfc-attention.bin with C23 #embed (clang >= 19): the preprocessor
// splices the bytes in directly, which compiles in well under a second, unlike a
// generated multi-megabyte byte-array source file.
#include "CZhNormTables.h"

// #embed is standard in C23 and a clang extension in the default C mode.
#pragma clang diagnostic ignored "-Wc23-extensions"

static const uint8_t table[] __attribute__((aligned(64))) = {
#embed "../../tables/zhconvert.bin"
};

const uint8_t *zhnorm_convert_table_bytes(void) { return table; }
size_t zhnorm_convert_table_size(void) { return sizeof table; }

static const uint8_t nfcAttention[8192] __attribute__((aligned(64))) = {
#embed "../../tables/nfc-attention.bin"
};

const uint8_t *zhnorm_nfc_attention_bytes(void) { return nfcAttention; }
