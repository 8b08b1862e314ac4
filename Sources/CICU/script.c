#include "cicu_script.h"
#include <string.h>
#include <unicode/uscript.h>

int32_t cicu_script_code(uint32_t codepoint, char *buffer, int32_t capacity) {
    UErrorCode error = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)codepoint, &error);
    if (U_FAILURE(error)) return -1;
    const char *name = uscript_getShortName(code);
    if (name == NULL || (int32_t)strlen(name) + 1 > capacity) return -1;
    strcpy(buffer, name);
    return 0;
}
