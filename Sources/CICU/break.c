#include "cicu_break.h"
#include <unicode/ubrk.h>
#include <unicode/utext.h>

struct cicu_breaker;

cicu_breaker *cicu_break_open(int32_t kind, const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, &status);
    *error = (int32_t)status;
    if (U_FAILURE(status)) { return NULL; }
    return (cicu_breaker *)bi;
}

cicu_breaker *cicu_break_clone(const cicu_breaker *source, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_clone((const UBreakIterator *)source, &status);
    *error = (int32_t)status;
    if (U_FAILURE(status)) { return NULL; }
    return (cicu_breaker *)bi;
}

void cicu_break_close(cicu_breaker *breaker) {
    if (breaker) { ubrk_close((UBreakIterator *)breaker); }
}

int32_t cicu_break_all(cicu_breaker *breaker, const uint16_t *text, int32_t length,
                       int32_t *boundaries, int32_t *statuses, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *bi = (UBreakIterator *)breaker;
    static const UChar empty[1] = {0};
    *error = 0;
    if (capacity < length + 1) { *error = (int32_t)U_BUFFER_OVERFLOW_ERROR; return -1; }
    ubrk_setText(bi, length > 0 ? (const UChar *)text : empty, length, &status);
    if (U_FAILURE(status)) { *error = (int32_t)status; return -1; }
    int32_t count = 0;
    int32_t b = ubrk_first(bi);
    while (b != UBRK_DONE && count < capacity) {
        boundaries[count] = b;
        statuses[count] = count == 0 ? 0 : ubrk_getRuleStatus(bi);
        count++;
        b = ubrk_next(bi);
    }
    /* Do not keep a pointer to the caller's buffer. */
    ubrk_setText(bi, empty, 0, &status);
    return count;
}
