#include "cicu_normalize.h"
#include <unicode/unorm2.h>
#include <unicode/uchar.h>

static const UNormalizer2 *instance(int32_t form, UErrorCode *status) {
    switch (form) {
    case CICU_NFD: return unorm2_getNFDInstance(status);
    case CICU_NFKC: return unorm2_getNFKCInstance(status);
    case CICU_NFKD: return unorm2_getNFKDInstance(status);
    default: return unorm2_getNFCInstance(status);
    }
}

int32_t cicu_normalize_is_normalized(int32_t form, const uint16_t *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = instance(form, &status);
    if (U_FAILURE(status)) { return -1; }
    UBool yes = unorm2_isNormalized(n, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) { return -1; }
    return yes ? 1 : 0;
}

int32_t cicu_normalize(int32_t form, const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = instance(form, &status);
    if (U_FAILURE(status)) { return -1; }
    int32_t needed = unorm2_normalize(n, (const UChar *)text, length, (UChar *)dest, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) { return needed; }
    if (U_FAILURE(status)) { return -1; }
    return needed;
}

int32_t cicu_decompose(int32_t codePoint, uint16_t *dest, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFDInstance(&status);
    if (U_FAILURE(status)) { return -1; }
    int32_t length = unorm2_getDecomposition(n, (UChar32)codePoint, (UChar *)dest, capacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) { return -1; }
    if (U_FAILURE(status) || length < 0) { return 0; }
    return length;
}

int32_t cicu_is_mark(int32_t codePoint) {
    int8_t type = u_charType((UChar32)codePoint);
    return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK;
}

int32_t cicu_fold_case(int32_t codePoint) {
    return (int32_t)u_foldCase((UChar32)codePoint, U_FOLD_CASE_DEFAULT);
}

int32_t cicu_is_word_character(int32_t codePoint) {
    return u_isalnum((UChar32)codePoint) || u_hasBinaryProperty((UChar32)codePoint, UCHAR_ALPHABETIC)
        || u_charType((UChar32)codePoint) == U_NON_SPACING_MARK;
}
