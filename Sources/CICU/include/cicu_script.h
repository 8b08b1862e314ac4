#ifndef CICU_SCRIPT_H
#define CICU_SCRIPT_H
#include <stdint.h>

/// ISO 15924 code of a code point's Script property (e.g. "Hani", "Thai", "Latn", "Zyyy" for Common),
/// written NUL-terminated into `buffer` (at least 5 bytes). Returns 0 on success, -1 on failure.
int32_t cicu_script_code(uint32_t codepoint, char *buffer, int32_t capacity);
#endif
