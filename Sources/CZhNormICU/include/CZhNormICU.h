// CZhNormICU — the only place where zhnorm touches ICU.
//
// This header deliberately uses nothing but <stdint.h> types and opaque handles:
// ICU's own headers must never be visible to Swift, because Foundation on Linux
// carries a private ICU whose types clash with the system one, and because the
// system ICU's C symbols carry a version suffix (`unorm2_normalize_72`) through
// macros the Swift importer does not follow. The .c file includes ICU and calls
// the plain names; the preprocessor renames them.
//
// Every function is thread-safe: the shared ICU singletons used here are
// immutable after creation, and handles are owned by a single caller.
#ifndef CZHNORMICU_H
#define CZHNORMICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Normalizes UTF-8 `source` to NFC, writing UTF-8 to `destination`.
/// Returns the length of the normalized text in bytes, which may exceed
/// `capacity` (nothing useful is written then; call again with a bigger
/// buffer), or -1 if ICU reported an error other than a short buffer.
/// The input must be valid UTF-8.
int32_t zhn_nfc_normalize_utf8(const uint8_t *source, int32_t length,
                               uint8_t *destination, int32_t capacity);

/// Fills `bits` (1024 words, one bit per BMP code point) with the code points
/// that can change under NFC or interact with their neighbours: those whose
/// NFC_Quick_Check is not Yes, or whose canonical combining class is not 0.
/// Text without any such code point is already in NFC.
void zhn_nfc_fill_attention_bitmap(uint64_t *bits);

/// Writes the version of the ICU library linked at run time ("72.1") into
/// `buffer`, which must hold at least 20 bytes, NUL-terminated.
void zhn_icu_version(char *buffer);

#ifdef __cplusplus
}
#endif

#endif
