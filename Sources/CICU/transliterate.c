#include "cicu_transliterate.h"
#include <unicode/utrans.h>

struct cicu_transliterator;

cicu_transliterator *cicu_transliterator_open(const uint16_t *id, int32_t idLength, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UTransliterator *t = utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD, NULL, 0, NULL, &status);
    *error = (int32_t)status;
    if (U_FAILURE(status)) { return NULL; }
    return (cicu_transliterator *)t;
}

void cicu_transliterator_close(cicu_transliterator *transliterator) {
    if (transliterator) { utrans_close((UTransliterator *)transliterator); }
}

int32_t cicu_transliterate(const cicu_transliterator *transliterator, uint16_t *buffer, int32_t length,
                           int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars((const UTransliterator *)transliterator, (UChar *)buffer, &textLength, capacity, 0,
                       &limit, &status);
    *error = (int32_t)status;
    if (U_FAILURE(status)) { return -1; }
    return textLength;
}
