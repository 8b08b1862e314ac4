#ifndef CICU_PROPERTIES_H
#define CICU_PROPERTIES_H
#include <stdint.h>

/// East Asian Width of a code point (UAX #11): 0 neutral, 1 ambiguous, 2 halfwidth, 3 fullwidth, 4 narrow, 5 wide.
int32_t cicu_east_asian_width(uint32_t codepoint);

/// Bidi class of a code point (ICU UCharDirection value: 0 L, 1 R, 13 AL, 2 EN, 5 AN, …).
int32_t cicu_bidi_class(uint32_t codepoint);
#endif
