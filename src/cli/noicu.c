/*
 * noicu.c - libxml2 linked into the program without ICU.
 *
 * The program links Debian's libxml2.a, not libxml2.so (Makefile,
 * XML_LIBS): the shared library brings ICU with it, and ICU the C++
 * runtime, which cost every run 2.4 ms of its 5.3 ms before main() and
 * 1.7 MiB of its memory (`rapport --version`: 5.3 -> 2.9 ms, 5 972 ->
 * 4 212 KiB), for converters rapport does not use.
 *
 * libxml2 reads UTF-8, UTF-16 and Latin-1 itself and asks glibc's iconv
 * for any other encoding a file names; ICU is its last resort, for a
 * name iconv does not know. ICU matched names loosely ("Latin-1",
 * "MacRoman"); parse/xmlread.c (encoding_alias) gives iconv its own name
 * for those, so what is left to ICU are the encodings iconv does not
 * have (SCSU, BOCU-1). These are the seven ICU functions libxml2.a calls
 * (encoding.c). Opening a converter fails, as when ICU has no data for
 * the name, so libxml2 reports the encoding as unsupported, and rapport
 * says "the file names an encoding rapport does not read" with its hint
 * to save the file as UTF-8 (xmlmsg.c). libxml2 uses a converter only
 * once it has opened one, so the others are never called; they fail the
 * same way if they are.
 *
 * The ICU headers come with libxml2-dev (it depends on libicu-dev) and
 * give each name its version suffix (ucnv_open_72 on Debian 12), as
 * libxml2.a wants it. This file is linked only with libxml2.a: with
 * libxml2.so it would stand in for ICU's own functions there too.
 */
#if defined(__has_include)
#if __has_include(<unicode/ucnv.h>)
#define HAVE_ICU_HEADERS 1
#endif
#endif

#ifdef HAVE_ICU_HEADERS
#include <stddef.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

static void unsupported(UErrorCode *err)
{
    if (err && *err <= U_ZERO_ERROR)
        *err = U_UNSUPPORTED_ERROR;
}

UConverter *ucnv_open(const char *name, UErrorCode *err)
{
    (void)name;
    if (err && *err <= U_ZERO_ERROR)
        *err = U_FILE_ACCESS_ERROR;       /* as for a converter ICU has no data for */
    return NULL;
}

void ucnv_close(UConverter *cnv) { (void)cnv; }

void ucnv_convertEx(UConverter *target_cnv, UConverter *source_cnv, char **target, const char *target_limit,
                    const char **source, const char *source_limit, UChar *pivot_start, UChar **pivot_source,
                    UChar **pivot_target, const UChar *pivot_limit, UBool reset, UBool flush, UErrorCode *err)
{
    unsupported(err);
}

void ucnv_setFromUCallBack(UConverter *converter, UConverterFromUCallback new_action, const void *new_context,
                           UConverterFromUCallback *old_action, const void **old_context, UErrorCode *err)
{
    unsupported(err);
}

void ucnv_setToUCallBack(UConverter *converter, UConverterToUCallback new_action, const void *new_context,
                         UConverterToUCallback *old_action, const void **old_context, UErrorCode *err)
{
    unsupported(err);
}

void UCNV_FROM_U_CALLBACK_STOP(const void *context, UConverterFromUnicodeArgs *args, const UChar *units,
                               int32_t length, UChar32 c, UConverterCallbackReason reason, UErrorCode *err)
{
    unsupported(err);
}

void UCNV_TO_U_CALLBACK_STOP(const void *context, UConverterToUnicodeArgs *args, const char *units,
                             int32_t length, UConverterCallbackReason reason, UErrorCode *err)
{
    unsupported(err);
}
#else
typedef int rp_no_icu_headers;   /* (ISO C wants something in a file) */
#endif
