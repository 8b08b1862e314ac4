#include "cicu_version.h"
#include <unicode/uversion.h>
#include <string.h>

void cicu_version(char *buffer, int capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    strncpy(buffer, text, capacity - 1);
    buffer[capacity - 1] = 0;
}
