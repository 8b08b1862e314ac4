#include "cicu_locale.h"
#include <unicode/uloc.h>

static int32_t to_locale_id(const char *tag, char *id, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t parsed = 0;
    int32_t len = uloc_forLanguageTag(tag, id, capacity, &parsed, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING || parsed <= 0) return -1;
    return len;
}

int32_t cicu_locale_canonical_tag(const char *tag, char *out, int32_t capacity) {
    char id[ULOC_FULLNAME_CAPACITY], canon[ULOC_FULLNAME_CAPACITY];
    UErrorCode status = U_ZERO_ERROR;
    if (to_locale_id(tag, id, sizeof id) < 0) return -1;
    uloc_canonicalize(id, canon, sizeof canon, &status);
    if (U_FAILURE(status)) return -1;
    int32_t len = uloc_toLanguageTag(canon, out, capacity, 0, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) return -1;
    return len;
}

int32_t cicu_locale_maximized_tag(const char *tag, char *out, int32_t capacity) {
    char id[ULOC_FULLNAME_CAPACITY], full[ULOC_FULLNAME_CAPACITY];
    UErrorCode status = U_ZERO_ERROR;
    if (to_locale_id(tag, id, sizeof id) < 0) return -1;
    uloc_addLikelySubtags(id, full, sizeof full, &status);
    if (U_FAILURE(status)) return -1;
    int32_t len = uloc_toLanguageTag(full, out, capacity, 0, &status);
    if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING) return -1;
    return len;
}
