#ifndef CICU_TRANSLITERATE_H
#define CICU_TRANSLITERATE_H
#include <stdint.h>

/// An ICU transliterator (opaque). Not thread-safe: guard it or clone it per thread.
typedef struct cicu_transliterator cicu_transliterator;

/// Opens the transliterator `id` (UTF-16, e.g. "Hant-Hans", "Any-Latin; Latin-ASCII; Lower");
/// NULL on failure, with the ICU error code in `*error`.
cicu_transliterator *cicu_transliterator_open(const uint16_t *id, int32_t idLength, int32_t *error);

void cicu_transliterator_close(cicu_transliterator *transliterator);

/// Transliterates `text` in place in `buffer` (holding `length` units, room for `capacity`).
/// Returns the new length, or -1 on error (code in `*error`; U_BUFFER_OVERFLOW_ERROR = 15 when the
/// result does not fit: retry with more room).
int32_t cicu_transliterate(const cicu_transliterator *transliterator, uint16_t *buffer, int32_t length,
                           int32_t capacity, int32_t *error);

#endif
