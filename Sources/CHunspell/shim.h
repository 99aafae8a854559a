// Hunspell's C interface (Debian: libhunspell-dev); pkg-config names the library hunspell-1.7.
#include <hunspell/hunspell.h>
