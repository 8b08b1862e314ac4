#ifndef CICU_VERSION_H
#define CICU_VERSION_H
/// ICU's version string, e.g. "72.1" (writes at most `capacity` bytes including the NUL).
void cicu_version(char *buffer, int capacity);
#endif
