#include "cicu_properties.h"
#include <unicode/uchar.h>

int32_t cicu_east_asian_width(uint32_t codepoint) {
    return u_getIntPropertyValue((UChar32)codepoint, UCHAR_EAST_ASIAN_WIDTH);
}

int32_t cicu_bidi_class(uint32_t codepoint) {
    return (int32_t)u_charDirection((UChar32)codepoint);
}
