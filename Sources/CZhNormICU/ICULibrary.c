#include "ICULibrary.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// Expands its argument first, so ICU's renaming applies: "u_strToUTF8_72".
#define ZHN_STRING(x) ZHN_STRING_(x)
#define ZHN_STRING_(x) #x
#define ZHN_ICU_SONAME(library) "lib" library ".so." ZHN_STRING(U_ICU_VERSION_MAJOR_NUM)

static zhn_icu_library library;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void fail(const char *what) {
  fprintf(stderr, "zhnorm: cannot load the system ICU (%s): %s\n", what, dlerror());
  exit(69);
}

static void load(void) {
  void *common = dlopen(ZHN_ICU_SONAME("icuuc"), RTLD_NOW | RTLD_LOCAL);
  if (!common) fail(ZHN_ICU_SONAME("icuuc"));
  void *i18n = dlopen(ZHN_ICU_SONAME("icui18n"), RTLD_NOW | RTLD_LOCAL);
  if (!i18n) fail(ZHN_ICU_SONAME("icui18n"));
#define ZHN_ICU_RESOLVE(name)                                                     \
  {                                                                               \
    void *symbol = dlsym(common, ZHN_STRING(name));                               \
    if (!symbol) symbol = dlsym(i18n, ZHN_STRING(name));                          \
    if (!symbol) fail(ZHN_STRING(name));                                          \
    *(void **)&library.name = symbol;                                             \
  }
  ZHN_ICU_FUNCTIONS(ZHN_ICU_RESOLVE)
#undef ZHN_ICU_RESOLVE
}

const zhn_icu_library *zhn_icu(void) {
  pthread_once(&once, load);
  return &library;
}
