// ICULibrary — the system ICU, loaded on first use.
//
// zhnorm does not link ICU: it opens libicuuc/libicui18n with dlopen the first
// time a shim function needs them. Loading and relocating the two libraries
// costs about a millisecond, which is a tenth of zhnorm's start-up, and most
// runs (conversion, stray fixes, dedup) never call ICU at all.
//
// Every ICU function the shim uses is listed once in ZHN_ICU_FUNCTIONS. The
// shim calls them as `icu->name(...)`: ICU's headers rename `name` to its
// versioned symbol (`unorm2_normalize_72`), in the member's declaration and at
// the call alike, and the loader looks that versioned name up.
#ifndef ZHNORM_ICU_LIBRARY_H
#define ZHNORM_ICU_LIBRARY_H

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

#define ZHN_ICU_FUNCTIONS(X)                                                                        \
  X(u_getCombiningClass) X(u_getIntPropertyValue) X(u_getVersion) X(u_versionToString)              \
  X(u_strFromUTF8) X(u_strToUTF8) X(u_strToUTF8WithSub)                                             \
  X(unorm2_getNFCInstance) X(unorm2_normalize)                                                      \
  X(ubrk_open) X(ubrk_setText) X(ubrk_isBoundary) X(ubrk_preceding) X(ubrk_following)               \
  X(ucnv_open) X(ucnv_clone) X(ucnv_close) X(ucnv_getName) X(ucnv_setFallback)                      \
  X(ucnv_setToUCallBack) X(ucnv_setFromUCallBack) X(ucnv_cbToUWriteUChars)                          \
  X(ucnv_toUnicode) X(ucnv_toUChars) X(ucnv_fromUChars) X(ucnv_resetToUnicode)                      \
  X(ucnv_resetFromUnicode) X(UCNV_TO_U_CALLBACK_STOP) X(UCNV_FROM_U_CALLBACK_STOP)                  \
  X(ucsdet_open) X(ucsdet_setText) X(ucsdet_detect) X(ucsdet_getName) X(ucsdet_getConfidence)       \
  X(ucsdet_close)

/// Pointers to the ICU functions, filled once by zhn_icu().
typedef struct {
#define ZHN_ICU_MEMBER(name) __typeof__(&name) name;
  ZHN_ICU_FUNCTIONS(ZHN_ICU_MEMBER)
#undef ZHN_ICU_MEMBER
} zhn_icu_library;

/// The loaded ICU. Thread-safe (pthread_once); cheap after the first call.
/// If the system ICU cannot be loaded (libicu72 not installed), it says so on
/// standard error and ends the process with status 69 (EX_UNAVAILABLE), as the
/// dynamic loader would have refused to start a program linked against it.
const zhn_icu_library *zhn_icu(void);

#endif
