#ifndef KBCOMPILE_CDEFLATE_SHIM_H
#define KBCOMPILE_CDEFLATE_SHIM_H
#include <libdeflate.h>
#endif
