#ifndef CICU_LOCALE_H
#define CICU_LOCALE_H
#include <stdint.h>

/// Canonical BCP 47 form of `tag` (e.g. "zh-hant-tw" -> "zh-Hant-TW"); returns the length or -1 on error.
int32_t cicu_locale_canonical_tag(const char *tag, char *out, int32_t capacity);

/// BCP 47 tag with likely subtags added (e.g. "zh-TW" -> "zh-Hant-TW"); returns the length or -1 on error.
int32_t cicu_locale_maximized_tag(const char *tag, char *out, int32_t capacity);
#endif
