#include "CZhNormICU.h"

#include <stdlib.h>
#include <string.h>
#include "ICULibrary.h"

enum { STACK_UNITS = 1024 };

int32_t zhn_nfc_normalize_utf8(const uint8_t *source, int32_t length,
                               uint8_t *destination, int32_t capacity) {
  const zhn_icu_library *icu = zhn_icu();
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *nfc = icu->unorm2_getNFCInstance(&status);
  if (U_FAILURE(status)) return -1;

  // UTF-8 -> UTF-16. A UTF-8 sequence of n bytes never needs more than n UTF-16 units.
  UChar stackIn[STACK_UNITS], stackOut[STACK_UNITS];
  UChar *in = length <= STACK_UNITS ? stackIn : malloc(sizeof(UChar) * (size_t)length);
  int32_t inLength = 0;
  if (!in) return -1;
  icu->u_strFromUTF8(in, length > 0 ? length : 1, &inLength, (const char *)source, length, &status);
  if (U_FAILURE(status)) { if (in != stackIn) free(in); return -1; }

  // NFC output can be longer than its input only by the expansion factor of a
  // few decompositions (at most 3x in Unicode 15); size for the worst case.
  int32_t outCapacity = inLength * 3 + 16;
  UChar *out = outCapacity <= STACK_UNITS ? stackOut : malloc(sizeof(UChar) * (size_t)outCapacity);
  if (!out) { if (in != stackIn) free(in); return -1; }
  int32_t outLength = icu->unorm2_normalize(nfc, in, inLength, out, outCapacity, &status);
  if (in != stackIn) free(in);
  if (U_FAILURE(status)) { if (out != stackOut) free(out); return -1; }

  int32_t utf8Length = 0;
  status = U_ZERO_ERROR;
  icu->u_strToUTF8((char *)destination, capacity, &utf8Length, out, outLength, &status);
  if (out != stackOut) free(out);
  if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING || U_SUCCESS(status))
    return utf8Length;
  return -1;
}

void zhn_nfc_fill_attention_bitmap(uint64_t *bits) {
  const zhn_icu_library *icu = zhn_icu();
  memset(bits, 0, sizeof(uint64_t) * 1024);
  for (UChar32 c = 0; c < 0x10000; c++) {
    if (icu->u_getCombiningClass(c) != 0 ||
        icu->u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES) {
      bits[c >> 6] |= (uint64_t)1 << (c & 63);
    }
  }
}

void zhn_icu_version(char *buffer) {
  const zhn_icu_library *icu = zhn_icu();
  UVersionInfo version;
  icu->u_getVersion(version);
  icu->u_versionToString(version, buffer);
}

// One word-break iterator per thread, opened on first use and reused with
// ubrk_setText (opening one loads the dictionaries and costs far more than a call).
static _Thread_local UBreakIterator *wordBreaker = NULL;

int32_t zhn_word_break_around(const uint8_t *utf8, int32_t length, int32_t offset,
                              int32_t *before, int32_t *after) {
  const zhn_icu_library *icu = zhn_icu();
  if (before) *before = 0;
  if (after) *after = 0;
  if (offset <= 0 || offset >= length || length > 4096) return -1;
  UErrorCode status = U_ZERO_ERROR;
  UChar text[4096];
  int32_t textLength = 0, prefixLength = 0;
  icu->u_strFromUTF8(text, 4096, &textLength, (const char *)utf8, length, &status);
  if (U_FAILURE(status)) return -1;
  icu->u_strFromUTF8(NULL, 0, &prefixLength, (const char *)utf8, offset, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) status = U_ZERO_ERROR;
  if (U_FAILURE(status)) return -1;
  if (!wordBreaker) {
    wordBreaker = icu->ubrk_open(UBRK_WORD, "zh", NULL, 0, &status);
    if (U_FAILURE(status)) { wordBreaker = NULL; return -1; }
  }
  icu->ubrk_setText(wordBreaker, text, textLength, &status);
  if (U_FAILURE(status)) return -1;
  int32_t isBoundary = icu->ubrk_isBoundary(wordBreaker, prefixLength) ? 1 : 0;
  int32_t previous = icu->ubrk_preceding(wordBreaker, prefixLength);
  int32_t next = icu->ubrk_following(wordBreaker, prefixLength);
  if (before && previous != UBRK_DONE) *before = prefixLength - previous;
  if (after && next != UBRK_DONE) *after = next - prefixLength;
  return isBoundary;
}

int32_t zhn_word_break_is_boundary(const uint8_t *utf8, int32_t length, int32_t offset) {
  return zhn_word_break_around(utf8, length, offset, NULL, NULL);
}
