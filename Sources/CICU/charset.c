#include "cicu_charset.h"
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>
#include <stdlib.h>
#include <string.h>

static void copy_string(char *dst, const char *src, size_t capacity) {
    if (!src) { dst[0] = 0; return; }
    strncpy(dst, src, capacity - 1);
    dst[capacity - 1] = 0;
}

int32_t cicu_charset_detect(const uint8_t *bytes, int32_t length, cicu_charset_match *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    ucsdet_setText(det, (const char *)bytes, length, &status);
    int32_t found = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(det, &found, &status);
    if (U_FAILURE(status)) { ucsdet_close(det); return -1; }
    int32_t n = 0;
    for (int32_t i = 0; i < found && n < capacity; i++) {
        UErrorCode s = U_ZERO_ERROR;
        const char *name = ucsdet_getName(matches[i], &s);
        const char *lang = ucsdet_getLanguage(matches[i], &s);
        int32_t conf = ucsdet_getConfidence(matches[i], &s);
        if (U_FAILURE(s)) continue;
        copy_string(out[n].name, name, sizeof out[n].name);
        copy_string(out[n].language, lang, sizeof out[n].language);
        out[n].confidence = conf;
        n++;
    }
    ucsdet_close(det);
    return n;
}

int32_t cicu_charset_is_known(const char *charset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return 0;
    ucnv_close(cnv);
    return 1;
}

/// Decodes to UTF-16 into a malloc'd buffer, stopping at the first illegal sequence.
static int32_t to_uchars(UConverter *cnv, const uint8_t *bytes, int32_t length,
                         UChar **out, int32_t *out_length, int32_t *error_offset) {
    UErrorCode status = U_ZERO_ERROR;
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    if (U_FAILURE(status)) return CICU_CONVERT_FAILED;
    int32_t capacity = length + 16;
    UChar *buffer = malloc(sizeof(UChar) * (size_t)capacity);
    if (!buffer) return CICU_CONVERT_FAILED;
    const char *src = (const char *)bytes;
    const char *srcLimit = src + length;
    UChar *target = buffer;
    for (;;) {
        status = U_ZERO_ERROR;
        ucnv_toUnicode(cnv, &target, buffer + capacity, &src, srcLimit, NULL, 1, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            int32_t used = (int32_t)(target - buffer);
            capacity = capacity * 2 + 16;
            UChar *grown = realloc(buffer, sizeof(UChar) * (size_t)capacity);
            if (!grown) { free(buffer); return CICU_CONVERT_FAILED; }
            buffer = grown;
            target = buffer + used;
            continue;
        }
        if (status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND || status == U_TRUNCATED_CHAR_FOUND) {
            char bad[32];
            int8_t badLength = sizeof bad;
            UErrorCode s = U_ZERO_ERROR;
            ucnv_getInvalidChars(cnv, bad, &badLength, &s);
            if (U_FAILURE(s)) badLength = 0;
            *error_offset = (int32_t)(src - (const char *)bytes) - badLength;
            if (*error_offset < 0) *error_offset = 0;
            free(buffer);
            return CICU_CONVERT_INVALID;
        }
        if (U_FAILURE(status)) { free(buffer); return CICU_CONVERT_FAILED; }
        break;
    }
    *out = buffer;
    *out_length = (int32_t)(target - buffer);
    return CICU_CONVERT_OK;
}

int32_t cicu_convert_to_utf8(const char *charset, const uint8_t *bytes, int32_t length,
                             uint8_t **out, int32_t *out_length, int32_t *error_offset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &status);
    if (U_FAILURE(status)) return CICU_CONVERT_UNKNOWN_CHARSET;
    UChar *uchars = NULL;
    int32_t ulen = 0;
    int32_t rc = to_uchars(cnv, bytes, length, &uchars, &ulen, error_offset);
    ucnv_close(cnv);
    if (rc != CICU_CONVERT_OK) return rc;
    int32_t needed = 0;
    status = U_ZERO_ERROR;
    u_strToUTF8(NULL, 0, &needed, uchars, ulen, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) { free(uchars); return CICU_CONVERT_FAILED; }
    uint8_t *utf8 = malloc((size_t)needed + 1);
    if (!utf8) { free(uchars); return CICU_CONVERT_FAILED; }
    status = U_ZERO_ERROR;
    u_strToUTF8((char *)utf8, needed + 1, NULL, uchars, ulen, &status);
    free(uchars);
    if (U_FAILURE(status)) {
        free(utf8);
        /* Unpaired surrogates decoded from UTF-16/32 input: report the start. */
        *error_offset = 0;
        return CICU_CONVERT_INVALID;
    }
    *out = utf8;
    *out_length = needed;
    return CICU_CONVERT_OK;
}

int32_t cicu_convert_from_utf8(const char *charset, const uint8_t *utf8, int32_t length,
                               uint8_t **out, int32_t *out_length, int32_t *error_offset) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t ulen = 0;
    u_strFromUTF8(NULL, 0, &ulen, (const char *)utf8, length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) { *error_offset = 0; return CICU_CONVERT_INVALID; }
    UChar *uchars = malloc(sizeof(UChar) * ((size_t)ulen + 1));
    if (!uchars) return CICU_CONVERT_FAILED;
    status = U_ZERO_ERROR;
    u_strFromUTF8(uchars, ulen + 1, NULL, (const char *)utf8, length, &status);
    if (U_FAILURE(status)) { free(uchars); *error_offset = 0; return CICU_CONVERT_INVALID; }

    UConverter *cnv = ucnv_open(charset, &status);
    if (U_FAILURE(status)) { free(uchars); return CICU_CONVERT_UNKNOWN_CHARSET; }
    ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    int32_t capacity = ulen * 4 + 16;
    uint8_t *buffer = malloc((size_t)capacity);
    if (!buffer) { free(uchars); ucnv_close(cnv); return CICU_CONVERT_FAILED; }
    const UChar *src = uchars;
    char *target = (char *)buffer;
    for (;;) {
        status = U_ZERO_ERROR;
        ucnv_fromUnicode(cnv, &target, (char *)buffer + capacity, &src, uchars + ulen, NULL, 1, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            int32_t used = (int32_t)(target - (char *)buffer);
            capacity = capacity * 2 + 16;
            uint8_t *grown = realloc(buffer, (size_t)capacity);
            if (!grown) { free(buffer); free(uchars); ucnv_close(cnv); return CICU_CONVERT_FAILED; }
            buffer = grown;
            target = (char *)buffer + used;
            continue;
        }
        if (status == U_INVALID_CHAR_FOUND || status == U_ILLEGAL_CHAR_FOUND || status == U_TRUNCATED_CHAR_FOUND) {
            UChar bad[8];
            int8_t badLength = 8;
            UErrorCode s = U_ZERO_ERROR;
            ucnv_getInvalidUChars(cnv, bad, &badLength, &s);
            if (U_FAILURE(s)) badLength = 0;
            *error_offset = (int32_t)(src - uchars) - badLength;
            if (*error_offset < 0) *error_offset = 0;
            free(buffer); free(uchars); ucnv_close(cnv);
            return CICU_CONVERT_INVALID;
        }
        if (U_FAILURE(status)) { free(buffer); free(uchars); ucnv_close(cnv); return CICU_CONVERT_FAILED; }
        break;
    }
    *out = buffer;
    *out_length = (int32_t)(target - (char *)buffer);
    free(uchars);
    ucnv_close(cnv);
    return CICU_CONVERT_OK;
}

void cicu_free(void *pointer) { free(pointer); }
