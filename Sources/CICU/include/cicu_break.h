#ifndef CICU_BREAK_H
#define CICU_BREAK_H
#include <stdint.h>

/// An ICU break iterator (opaque). Not thread-safe: use one per thread or guard it.
typedef struct cicu_breaker cicu_breaker;

/// Break kinds, in ICU's UBreakIteratorType order.
enum {
    CICU_BREAK_CHARACTER = 0,
    CICU_BREAK_WORD = 1,
    CICU_BREAK_LINE = 2,
    CICU_BREAK_SENTENCE = 3
};

/// Opens a break iterator of `kind` for `locale` (e.g. "zh", "th", "en"); NULL on failure, with the ICU
/// error code in `*error` (0 = success, negative = warning, positive = failure).
cicu_breaker *cicu_break_open(int32_t kind, const char *locale, int32_t *error);

/// An independent copy of `source` (cheap next to opening); NULL on failure.
cicu_breaker *cicu_break_clone(const cicu_breaker *source, int32_t *error);

void cicu_break_close(cicu_breaker *breaker);

/// Runs `breaker` over `text` (UTF-16, `length` units) and writes every boundary offset, including 0 and
/// `length`, to `boundaries`, and the rule status of the segment ending at each boundary to `statuses`
/// (entry 0 is 0). `capacity` must be at least `length + 1`. Returns the number of boundaries, or -1 on
/// an ICU error (code in `*error`).
int32_t cicu_break_all(cicu_breaker *breaker, const uint16_t *text, int32_t length,
                       int32_t *boundaries, int32_t *statuses, int32_t capacity, int32_t *error);

#endif
