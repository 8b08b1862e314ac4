#ifndef CICU_CHARSET_H
#define CICU_CHARSET_H
#include <stdint.h>

/// One candidate from ICU's charset detector.
typedef struct cicu_charset_match {
    char name[64];
    char language[16];
    int32_t confidence;
} cicu_charset_match;

/// Runs ICU's charset detector over `bytes`; writes up to `capacity` candidates, best first.
/// Returns the number written, or -1 when ICU failed.
int32_t cicu_charset_detect(const uint8_t *bytes, int32_t length, cicu_charset_match *out, int32_t capacity);

/// Whether ICU has a converter for `charset`.
int32_t cicu_charset_is_known(const char *charset);

/// Status codes of the conversions below.
enum {
    CICU_CONVERT_OK = 0,
    /// The converter name is unknown.
    CICU_CONVERT_UNKNOWN_CHARSET = 1,
    /// Input holds bytes (or characters) the charset cannot convert; `*error_offset` says where.
    CICU_CONVERT_INVALID = 2,
    /// Any other ICU failure (memory, internal).
    CICU_CONVERT_FAILED = 3
};

/// Converts `length` bytes in `charset` to UTF-8 into a malloc'd buffer (`*out`, `*out_length`;
/// free with `cicu_free`). On CICU_CONVERT_INVALID `*error_offset` is the byte offset of the first bad byte.
int32_t cicu_convert_to_utf8(const char *charset, const uint8_t *bytes, int32_t length,
                             uint8_t **out, int32_t *out_length, int32_t *error_offset);

/// Converts UTF-8 to `charset` into a malloc'd buffer. On CICU_CONVERT_INVALID `*error_offset` is the
/// UTF-16 code unit offset of the first character the charset cannot hold (or of bad UTF-8).
int32_t cicu_convert_from_utf8(const char *charset, const uint8_t *utf8, int32_t length,
                               uint8_t **out, int32_t *out_length, int32_t *error_offset);

void cicu_free(void *pointer);
#endif
