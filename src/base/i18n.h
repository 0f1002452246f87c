/*
 * i18n.h - messages in the user's language (base layer).
 *
 * Every message meant for a person is written in English in the source,
 * marked _("...") where it is used, or N_("...") where it stands in a
 * table and is looked up later with _(). xgettext collects them into
 * po/rapport.pot; po/sv.po holds the Swedish. The library looks messages
 * up in the domain "rapport" and never chooses the language itself: the
 * command does (cli/main.c: the locale, and where the catalogue lies).
 * Without a catalogue, or in the C locale, the English is printed.
 */
#ifndef RP_I18N_H
#define RP_I18N_H

#include <libintl.h>

#define RP_TEXT_DOMAIN "rapport"

#define _(s)  dgettext(RP_TEXT_DOMAIN, s)
#define N_(s) s
/* n things: the English singular and plural, looked up by count */
#define P_(one, many, n) dngettext(RP_TEXT_DOMAIN, one, many, (unsigned long)(n))

#include <stdio.h>
#include <string.h>

/* v with `places` decimals and the decimal sign of the messages'
 * language ("1,2" in Swedish, "1.2" in English), in buf. */
static inline const char *rp_decimal(char *buf, size_t cap, double v, int places)
{
    snprintf(buf, cap, "%.*f", places, v);
    /* TRANSLATORS: the decimal sign in the numbers of messages ("," in Swedish) */
    const char *sign = _(".");
    char *dot = strchr(buf, '.');
    if (dot && sign[0] && !sign[1])
        *dot = sign[0];
    return buf;
}

#endif
