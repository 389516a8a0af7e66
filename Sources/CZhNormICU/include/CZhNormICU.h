// CZhNormICU — the only place where zhnorm touches ICU.
//
// This header deliberately uses nothing but <stdint.h> types and opaque handles:
// ICU's own headers must never be visible to Swift, because Foundation on Linux
// carries a private ICU whose types clash with the system one, and because the
// system ICU's C symbols carry a version suffix (`unorm2_normalize_72`) through
// macros the Swift importer does not follow. The .c files include ICU through
// ICULibrary.h, which loads the system ICU on first use (dlopen) and lets them
// call the plain names.
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
/// Text without any such code point is already in NFC. (zhnorm embeds this
/// bitmap, made at build time by tables/gen_nfc_attention.c; the tests compare
/// the embedded copy with this function's answer from the system ICU.)
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

// ---------------------------------------------------------------------------
// Character set conversion (ICU `ucnv`) and detection (ICU `ucsdet`).

/// A streaming converter from a legacy encoding to UTF-8. Opaque.
typedef struct zhn_transcoder zhn_transcoder;

/// One invalid or unmappable byte sequence met while converting.
typedef struct {
  /// Offset of its first byte from the start of the input (all calls).
  int64_t offset;
  /// Its length in bytes.
  int32_t length;
  /// The 1-based line (counted by line feeds in the output) it is on.
  int32_t line;
} zhn_transcoder_event;

/// Opens a converter from the encoding `name` (any name or alias ICU knows:
/// "GB18030", "gbk", "Big5-HKSCS", "UTF-16LE", "Shift_JIS", ...) to UTF-8.
/// Invalid and unmappable sequences become U+FFFD and are recorded as events.
/// Returns NULL when ICU does not know the name (or on allocation failure).
zhn_transcoder *zhn_transcoder_open(const char *name);

/// A copy of `transcoder` in its current state (ICU's ucnv_clone), or NULL.
zhn_transcoder *zhn_transcoder_clone(const zhn_transcoder *transcoder);

/// Closes `transcoder` (NULL is allowed).
void zhn_transcoder_close(zhn_transcoder *transcoder);

/// ICU's canonical name of the encoding ("GB18030", "UTF-16LE", "ibm-5348_P100-1997"),
/// valid until the transcoder is closed.
const char *zhn_transcoder_name(const zhn_transcoder *transcoder);

/// Converts `source` to UTF-8 into `destination`. Returns the number of bytes
/// written (or -1 on an internal ICU error); `*consumed` is set to the number
/// of source bytes taken. It stops early when fewer than
/// ZHN_TRANSCODER_MIN_SPACE bytes of `destination` are left: call again with
/// the rest (and an emptied destination). A character split between calls is
/// kept by the converter. With `flush` set, the end of the input: incomplete
/// sequences become U+FFFD and the converter is reset. `*pending` is set to 1
/// when converted output is still buffered (call again, even with no source).
int32_t zhn_transcoder_convert(zhn_transcoder *transcoder, const uint8_t *source, int32_t length,
                               int32_t flush, uint8_t *destination, int32_t capacity,
                               int32_t *consumed, int32_t *pending);

/// The space `destination` must have for zhn_transcoder_convert to make progress.
enum { ZHN_TRANSCODER_MIN_SPACE = 3 * 8192 + 16 };

/// The number of invalid or unmappable sequences met so far (all calls).
int64_t zhn_transcoder_error_count(const zhn_transcoder *transcoder);

/// Moves up to `capacity` events recorded since the last call to `events`
/// and returns how many. At most 64 are kept between calls; the count above
/// includes every one.
int32_t zhn_transcoder_take_events(zhn_transcoder *transcoder, zhn_transcoder_event *events, int32_t capacity);

/// ICU charset detection over `bytes`: writes the best match's name
/// (NUL-terminated, e.g. "GB18030", "Big5", "UTF-16LE") to `name` and its
/// confidence (0-100) to `*confidence`. Returns 1 on a match, 0 otherwise.
int32_t zhn_detect_encoding(const uint8_t *bytes, int32_t length, char *name, int32_t capacity,
                            int32_t *confidence);

/// A strict, stateless codec between UTF-8 and one encoding (for checking
/// and undoing mojibake). Opaque; not thread-safe: one owner at a time.
typedef struct zhn_codec zhn_codec;

/// Opens a strict codec for `name`; NULL if ICU does not know it.
zhn_codec *zhn_codec_open(const char *name);

/// Closes `codec` (NULL is allowed).
void zhn_codec_close(zhn_codec *codec);

/// Encodes the UTF-8 text `utf8` (which must be valid) in the codec's
/// encoding into `destination`. Returns the length, which may exceed
/// `capacity` (call again with more room), or -1 if some character has no
/// mapping (no substitution, no fallback mappings).
int32_t zhn_codec_encode(zhn_codec *codec, const uint8_t *utf8, int32_t length,
                         uint8_t *destination, int32_t capacity);

/// Decodes `bytes` from the codec's encoding to UTF-8 into `destination`.
/// Returns the length (may exceed `capacity`, as above), or -1 if a sequence
/// is invalid or unmapped.
int32_t zhn_codec_decode(zhn_codec *codec, const uint8_t *bytes, int32_t length,
                         uint8_t *destination, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
