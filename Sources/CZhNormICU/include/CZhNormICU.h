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

/// Dictionary word break (ICU `ubrk`, locale zh) over the UTF-8 text `utf8`:
/// returns 1 when byte `offset` is a word boundary, 0 when a word spans it
/// (as in 其|中 or 学|习), -1 on error or when `offset` is not inside the text.
/// Meant for a small window around a candidate join: it runs at ~18 MB/s.
/// The iterator is cached per thread, so repeated calls do not reopen it.
int32_t zhn_word_break_is_boundary(const uint8_t *utf8, int32_t length, int32_t offset);

/// Like zhn_word_break_is_boundary, and also writes the lengths in UTF-16 code
/// units of the words (ICU segments) directly before and after `offset` to
/// `before` and `after` (0 at an edge). When a word spans `offset`, both are
/// the span's parts on each side.
int32_t zhn_word_break_around(const uint8_t *utf8, int32_t length, int32_t offset,
                              int32_t *before, int32_t *after);

/// Writes the version of the ICU library linked at run time ("72.1") into
/// `buffer`, which must hold at least 20 bytes, NUL-terminated.
void zhn_icu_version(char *buffer);

#ifdef __cplusplus
}
#endif

#endif
