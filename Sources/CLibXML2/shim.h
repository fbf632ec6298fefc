#ifndef KBCOMPILE_CLIBXML2_SHIM_H
#define KBCOMPILE_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU; its headers then pull in ICU's, which clash with the ICU
   that Foundation carries. Read the version header first and switch ICU off before the rest. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlsave.h>
#endif
