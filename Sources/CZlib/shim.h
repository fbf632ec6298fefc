#ifndef KBCOMPILE_CZLIB_SHIM_H
#define KBCOMPILE_CZLIB_SHIM_H
#include <zlib.h>
#endif
