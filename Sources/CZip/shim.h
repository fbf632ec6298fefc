#ifndef KBCOMPILE_CZIP_SHIM_H
#define KBCOMPILE_CZIP_SHIM_H
#include <zip.h>
#endif
