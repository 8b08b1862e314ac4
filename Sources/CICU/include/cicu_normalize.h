#ifndef CICU_NORMALIZE_H
#define CICU_NORMALIZE_H
#include <stdint.h>

/// Normalization forms.
enum { CICU_NFC = 0, CICU_NFD = 1, CICU_NFKC = 2, CICU_NFKD = 3 };

/// Whether `text` (UTF-16) is already in `form`. Returns 1 yes, 0 no, -1 on error.
int32_t cicu_normalize_is_normalized(int32_t form, const uint16_t *text, int32_t length);

/// Normalizes `text` into `dest`. Returns the full length needed; when it exceeds `capacity` nothing
/// useful is written and the caller retries with a bigger buffer. -1 on any other error.
int32_t cicu_normalize(int32_t form, const uint16_t *text, int32_t length, uint16_t *dest, int32_t capacity);

/// The canonical (NFD) decomposition of one code point into `dest` (UTF-16); returns its length,
/// 0 when the code point has none, or -1 when `capacity` is too small.
int32_t cicu_decompose(int32_t codePoint, uint16_t *dest, int32_t capacity);

/// Whether the code point is a nonspacing or enclosing mark (General_Category Mn or Me).
int32_t cicu_is_mark(int32_t codePoint);

/// Simple case folding of one code point.
int32_t cicu_fold_case(int32_t codePoint);

/// ICU's word-character test (alphabetic, mark, decimal digit, connector punctuation or join control).
int32_t cicu_is_word_character(int32_t codePoint);

#endif
