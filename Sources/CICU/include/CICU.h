// Umbrella header: list every wrapper header here (a new header not listed is invisible to Swift).
#ifndef CICU_H
#define CICU_H
#include "cicu_break.h"
#include "cicu_charset.h"
#include "cicu_locale.h"
#include "cicu_normalize.h"
#include "cicu_properties.h"
#include "cicu_script.h"
#include "cicu_transliterate.h"
#include "cicu_version.h"
#endif
