// Character set conversion and detection: the ICU side of zhnorm's --from and
// --fix-mojibake. See CZhNormICU.h for the contracts.
#include "CZhNormICU.h"

#include <stdlib.h>
#include <string.h>
#include "ICULibrary.h"

enum {
  UNITS = 8192,        // UTF-16 buffer between the source converter and UTF-8
  PIECE = UNITS / 4,   // source bytes converted per step (output fits in UNITS)
  EVENTS = 64,         // events kept between two zhn_transcoder_take_events calls
};

struct zhn_transcoder {
  UConverter *converter;
  UChar units[UNITS + 1];
  // Set around each ucnv_toUnicode call, for the callback.
  int64_t consumedBefore;   // source bytes consumed before the current call
  const char *callSource;   // where the current call's source started
  UChar *scanned;           // output units already counted for line feeds
  int32_t lines;            // line feeds counted so far
  UChar carried;            // a lead surrogate waiting for its trail (0: none)
  int64_t errors;
  int32_t eventCount;
  zhn_transcoder_event events[EVENTS];
};

static void count_lines(zhn_transcoder *t, const UChar *upTo) {
  if (upTo < t->units || upTo > t->units + UNITS) return;
  for (const UChar *p = t->scanned; p < upTo; p++) {
    if (*p == 0x0A) t->lines++;
  }
  if (upTo > t->scanned) t->scanned = (UChar *)upTo;
}

// Replaces each invalid or unmapped sequence with U+FFFD and records where it was.
static void U_CALLCONV on_error(const void *context, UConverterToUnicodeArgs *args, const char *codeUnits,
                                int32_t length, UConverterCallbackReason reason, UErrorCode *status) {
  const zhn_icu_library *icu = zhn_icu();
  (void)codeUnits;
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone: nothing to do
  zhn_transcoder *t = (zhn_transcoder *)context;
  count_lines(t, args->target);
  t->errors++;
  if (t->eventCount < EVENTS) {
    zhn_transcoder_event *event = &t->events[t->eventCount++];
    event->offset = t->consumedBefore + (int64_t)(args->source - t->callSource) - length;
    if (event->offset < 0) event->offset = 0;
    event->length = length;
    event->line = t->lines + 1;
  }
  *status = U_ZERO_ERROR;
  static const UChar replacement = 0xFFFD;
  icu->ucnv_cbToUWriteUChars(args, &replacement, 1, 0, status);
}

zhn_transcoder *zhn_transcoder_open(const char *name) {
  const zhn_icu_library *icu = zhn_icu();
  zhn_transcoder *t = calloc(1, sizeof(zhn_transcoder));
  if (!t) return NULL;
  UErrorCode status = U_ZERO_ERROR;
  t->converter = icu->ucnv_open(name, &status);
  if (U_FAILURE(status) || !t->converter) {
    free(t);
    return NULL;
  }
  icu->ucnv_setToUCallBack(t->converter, on_error, t, NULL, NULL, &status);
  if (U_FAILURE(status)) {
    icu->ucnv_close(t->converter);
    free(t);
    return NULL;
  }
  return t;
}

zhn_transcoder *zhn_transcoder_clone(const zhn_transcoder *t) {
  const zhn_icu_library *icu = zhn_icu();
  zhn_transcoder *copy = malloc(sizeof(zhn_transcoder));
  if (!copy) return NULL;
  memcpy(copy, t, sizeof(zhn_transcoder));
  UErrorCode status = U_ZERO_ERROR;
  copy->converter = icu->ucnv_clone(t->converter, &status);
  if (U_SUCCESS(status) && copy->converter) {
    icu->ucnv_setToUCallBack(copy->converter, on_error, copy, NULL, NULL, &status);
  }
  if (U_FAILURE(status) || !copy->converter) {
    if (copy->converter) icu->ucnv_close(copy->converter);
    free(copy);
    return NULL;
  }
  return copy;
}

void zhn_transcoder_close(zhn_transcoder *t) {
  const zhn_icu_library *icu = zhn_icu();
  if (!t) return;
  icu->ucnv_close(t->converter);
  free(t);
}

const char *zhn_transcoder_name(const zhn_transcoder *t) {
  const zhn_icu_library *icu = zhn_icu();
  UErrorCode status = U_ZERO_ERROR;
  const char *name = icu->ucnv_getName(t->converter, &status);
  return U_SUCCESS(status) && name ? name : "";
}

int64_t zhn_transcoder_error_count(const zhn_transcoder *t) { return t->errors; }

int32_t zhn_transcoder_take_events(zhn_transcoder *t, zhn_transcoder_event *events, int32_t capacity) {
  int32_t n = t->eventCount < capacity ? t->eventCount : capacity;
  memcpy(events, t->events, sizeof(zhn_transcoder_event) * (size_t)n);
  memmove(t->events, t->events + n, sizeof(zhn_transcoder_event) * (size_t)(t->eventCount - n));
  t->eventCount -= n;
  return n;
}

// Appends units[0..<count] as UTF-8, keeping a final lead surrogate for the next call.
static int32_t append_utf8(zhn_transcoder *t, int32_t count, int32_t final, uint8_t *out, int32_t capacity) {
  const zhn_icu_library *icu = zhn_icu();
  UChar *units = t->units;
  int32_t start = 0;
  if (t->carried) {
    // The converter split a pair at its buffer's end: put the lead back in front.
    memmove(units + 1, units, sizeof(UChar) * (size_t)count);
    units[0] = t->carried;
    t->carried = 0;
    count++;
  }
  if (!final && count > start && U16_IS_LEAD(units[count - 1])) {
    t->carried = units[count - 1];
    count--;
  }
  int32_t written = 0;
  UErrorCode status = U_ZERO_ERROR;
  // Lone surrogates cannot come from a converter; substitute defensively anyway.
  icu->u_strToUTF8WithSub((char *)out, capacity, &written, units, count, 0xFFFD, NULL, &status);
  return U_SUCCESS(status) ? written : -1;
}

int32_t zhn_transcoder_convert(zhn_transcoder *t, const uint8_t *source, int32_t length, int32_t flush,
                               uint8_t *destination, int32_t capacity, int32_t *consumed, int32_t *pending) {
  const zhn_icu_library *icu = zhn_icu();
  int32_t taken = 0, written = 0;
  *pending = 0;
  for (;;) {
    if (capacity - written < ZHN_TRANSCODER_MIN_SPACE) {
      *pending = 1;
      break;
    }
    int32_t piece = length - taken < PIECE ? length - taken : PIECE;
    int last = piece == length - taken;
    const char *src = (const char *)source + taken;
    const char *srcStart = src;
    UChar *target = t->units;
    t->callSource = srcStart;
    t->scanned = t->units;
    UErrorCode status = U_ZERO_ERROR;
    // Room for one carried lead surrogate in front (see append_utf8).
    icu->ucnv_toUnicode(t->converter, &target, t->units + UNITS - 1, &src, srcStart + piece, NULL,
                   (UBool)(flush && last), &status);
    int overflow = status == U_BUFFER_OVERFLOW_ERROR;
    if (U_FAILURE(status) && !overflow) return -1;
    count_lines(t, target);
    int32_t used = (int32_t)(src - srcStart);
    t->consumedBefore += used;
    taken += used;
    int32_t n = append_utf8(t, (int32_t)(target - t->units), flush && last && !overflow, destination + written,
                            capacity - written);
    if (n < 0) return -1;
    written += n;
    if (!overflow && taken >= length) break;
  }
  *consumed = taken;
  return written;
}

int32_t zhn_detect_encoding(const uint8_t *bytes, int32_t length, char *name, int32_t capacity,
                            int32_t *confidence) {
  const zhn_icu_library *icu = zhn_icu();
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector *detector = icu->ucsdet_open(&status);
  if (U_FAILURE(status)) return 0;
  icu->ucsdet_setText(detector, (const char *)bytes, length, &status);
  const UCharsetMatch *match = icu->ucsdet_detect(detector, &status);
  int32_t found = 0;
  if (U_SUCCESS(status) && match) {
    const char *matched = icu->ucsdet_getName(match, &status);
    int32_t level = icu->ucsdet_getConfidence(match, &status);
    if (U_SUCCESS(status) && matched && (int32_t)strlen(matched) < capacity) {
      strcpy(name, matched);
      *confidence = level;
      found = 1;
    }
  }
  icu->ucsdet_close(detector);
  return found;
}

struct zhn_codec {
  UConverter *converter;
};

zhn_codec *zhn_codec_open(const char *name) {
  const zhn_icu_library *icu = zhn_icu();
  zhn_codec *codec = calloc(1, sizeof(zhn_codec));
  if (!codec) return NULL;
  UErrorCode status = U_ZERO_ERROR;
  codec->converter = icu->ucnv_open(name, &status);
  if (U_SUCCESS(status)) {
    // Strict both ways: stop at the first unmapped or invalid sequence, and
    // never use fallback (one-way) mappings, so a round trip is exact.
    icu->ucnv_setFromUCallBack(codec->converter, icu->UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    icu->ucnv_setToUCallBack(codec->converter, icu->UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    icu->ucnv_setFallback(codec->converter, 0);
  }
  if (U_FAILURE(status) || !codec->converter) {
    if (codec->converter) icu->ucnv_close(codec->converter);
    free(codec);
    return NULL;
  }
  return codec;
}

void zhn_codec_close(zhn_codec *codec) {
  const zhn_icu_library *icu = zhn_icu();
  if (!codec) return;
  icu->ucnv_close(codec->converter);
  free(codec);
}

int32_t zhn_codec_encode(zhn_codec *codec, const uint8_t *utf8, int32_t length, uint8_t *destination,
                         int32_t capacity) {
  const zhn_icu_library *icu = zhn_icu();
  UErrorCode status = U_ZERO_ERROR;
  UChar stack[1024];
  UChar *units = length <= 1024 ? stack : malloc(sizeof(UChar) * (size_t)length);
  if (!units) return -1;
  int32_t count = 0;
  icu->u_strFromUTF8(units, length > 0 ? length : 1, &count, (const char *)utf8, length, &status);
  int32_t written = -1;
  if (U_SUCCESS(status)) {
    icu->ucnv_resetFromUnicode(codec->converter);
    written = icu->ucnv_fromUChars(codec->converter, (char *)destination, capacity, units, count, &status);
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) written = -1;
  }
  if (units != stack) free(units);
  return written;
}

int32_t zhn_codec_decode(zhn_codec *codec, const uint8_t *bytes, int32_t length, uint8_t *destination,
                         int32_t capacity) {
  const zhn_icu_library *icu = zhn_icu();
  UErrorCode status = U_ZERO_ERROR;
  int32_t unitCapacity = length * 2 + 4;
  UChar stack[1024];
  UChar *units = unitCapacity <= 1024 ? stack : malloc(sizeof(UChar) * (size_t)unitCapacity);
  if (!units) return -1;
  icu->ucnv_resetToUnicode(codec->converter);
  int32_t count = icu->ucnv_toUChars(codec->converter, units, unitCapacity, (const char *)bytes, length, &status);
  int32_t written = -1;
  if (U_SUCCESS(status) || status == U_STRING_NOT_TERMINATED_WARNING) {
    status = U_ZERO_ERROR;
    icu->u_strToUTF8((char *)destination, capacity, &written, units, count, &status);
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) written = -1;
  }
  if (units != stack) free(units);
  return written;
}
