// Writes tables/nfc-attention.bin: a bitmap of the BMP scalars that need NFC
// attention (canonical combining class != 0, or NFC_Quick_Check != Yes),
// 1024 little-endian uint64 words, bit (c & 63) of word (c >> 6). Built with
// the system ICU by tables/make-cleanup-tables.sh; zhnorm embeds the result so
// that its Unicode step does not query ICU for 65 536 scalars at first use.
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: gen_nfc_attention OUT.bin\n");
    return 64;
  }
  uint64_t bits[1024];
  memset(bits, 0, sizeof bits);
  for (UChar32 c = 0; c < 0x10000; c++) {
    if (u_getCombiningClass(c) != 0 || u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES) {
      bits[c >> 6] |= (uint64_t)1 << (c & 63);
    }
  }
  FILE *out = fopen(argv[1], "wb");
  if (!out) { perror(argv[1]); return 73; }
  for (int i = 0; i < 1024; i++) {
    uint8_t word[8];
    for (int b = 0; b < 8; b++) word[b] = (uint8_t)(bits[i] >> (8 * b));
    if (fwrite(word, 1, 8, out) != 8) { perror(argv[1]); return 74; }
  }
  if (fclose(out) != 0) { perror(argv[1]); return 74; }
  UVersionInfo version;
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_getUnicodeVersion(version);
  u_versionToString(version, text);
  printf("%s: NFC attention bitmap, Unicode %s\n", argv[1], text);
  return 0;
}
