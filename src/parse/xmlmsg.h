/*
 * xmlmsg.h - libxml2's errors said in rapport's words (parse stage).
 *
 * libxml2 reports in its own terms ("xmlParseCharRef: invalid xmlChar
 * value 55296", "Element p has extra content: br"). Every error it raises
 * while xmlread parses or validates a file comes here, is recognised by
 * its domain and code (not by its wording, which changes between
 * versions), and becomes a diagnostic file:line:col with a message and a
 * hint a kansli can act on. A message libxml2 repeats, or that only
 * follows from one already given, is dropped; one not recognised gets a
 * plain message of ours, never libxml2's text.
 */
#ifndef RP_XMLMSG_H
#define RP_XMLMSG_H

#include <stdbool.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include "../base/rp.h"

typedef struct XmlMsgs {
    Rp         *rp;
    const char *path;          /* the file, as shown in messages */
    const char *rng;           /* the RELAX NG schema's text, or NULL */
    size_t      rnglen;
    xmlDocPtr   schema;        /* it as a tree, read at the first message
                                  that names attributes or elements */
    bool        layout;        /* the file is a layout, not a report */
    const char *src;           /* its text while it is parsed (or NULL): to */
    size_t      srclen;        /* place and quote a lone & */
    int         count;         /* messages recorded */
    int         errors;        /* of them errors (not warnings) */
    int         last_line;     /* the last one, to drop repeats */
    char        last_msg[512];
    xmlNodePtr  last_node;     /* element of the last validity message */
    char        hint[256];     /* a hint made for the message being said */
    char        pending[128];  /* an element an interleave has too many
                                  of; libxml2 gives it no place */
    char        pending_attr[128]; /* an element whose attributes failed,
                                  which libxml2 names without its node */
} XmlMsgs;

/* Start collecting for the file `path`, of the format `kind` ("report"
 * or "layout"), whose schema is rng[0..rnglen) (borrowed; NULL: none). */
void xmlmsg_begin(XmlMsgs *m, Rp *rp, const char *path, const char *kind, const char *rng, size_t rnglen);

/* libxml2's structured error handler; `user` is the XmlMsgs. */
void xmlmsg_on_error(void *user, xmlErrorPtr e);

/* After validation: say what is still pending, at `root`'s place. */
void xmlmsg_end(XmlMsgs *m, xmlNodePtr root);

/* The words for attribute `attr` of <elem> left empty (attr=""), into
 * msg and hint: what the format wants written there. */
void xmlmsg_empty_attribute(const char *attr, const char *elem, char *msg, size_t cap, char *hint, size_t hcap);

#endif
