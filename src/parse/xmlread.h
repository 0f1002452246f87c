/*
 * xmlread.h - reading XML files safely, with compiler-style messages
 * (parse stage; the only place besides its siblings that sees libxml2).
 *
 * Both reports and layouts are read through here: no network, no DTD
 * loading, no entity expansion, bounded size and depth; every libxml2
 * message becomes a diagnostic file:line:col in rapport's words with a
 * hint a kansli can act on (xmlmsg.h). Element columns, which libxml2 2.9
 * does not keep, are recovered by scanning the source once in document
 * order (xmlread_col()).
 */
#ifndef RP_XMLREAD_H
#define RP_XMLREAD_H

#include <libxml/tree.h>
#include <stdint.h>
#include "../base/rp.h"

typedef struct XmlFile {
    const char *path;      /* as shown in messages */
    char       *src;       /* the bytes read (owned by the run's arena) */
    size_t      len;
    xmlDocPtr   doc;       /* NULL when not well-formed */
    int64_t     work;      /* the working memory it is estimated to need (limits.h) */
} XmlFile;

/* Read and parse `path` (or, if data != NULL, the `len` bytes at data,
 * named `path`). On failure records diagnostics and leaves f->doc NULL;
 * `rng`, the report's schema text (or NULL), lets them tell a misspelt
 * element's name. Returns 0 on success. */
int xmlread_parse(Rp *rp, XmlFile *f, const char *path, const char *data, size_t len, const char *rng,
                  size_t rnglen);

/* Validate f->doc against the RELAX NG schema text `rng` of the format
 * `kind` ("report" or "layout": the key the compiled schema is kept
 * under in rp->engine, and the words of the messages). Records every
 * validity error; returns the number of errors. */
int xmlread_validate(Rp *rp, XmlFile *f, const char *kind, const char *rng, size_t rnglen);

/* Compile the schema `rng` of the format `kind` into rp->engine now, so
 * runs find it ready. */
void xmlread_prepare(Rp *rp, const char *kind, const char *rng, size_t rnglen);

/* 1-based line and column of an element node, or where a text node begins. */
int xmlread_line(const xmlNode *n);
int xmlread_col(const xmlNode *n);

/* A text node's source as written, from where it begins (up to *end, the
 * file's end): its entities ("&amp;") stand there as the columns count
 * them. NULL for other nodes. */
const char *xmlread_source(const xmlNode *n, const char **end);

/* The first element among n and its siblings and below them that is
 * nested deeper than RP_MAX_XML_DEPTH, n standing at `depth` (a root
 * at 1), or NULL. */
xmlNodePtr xmlread_too_deep(xmlNodePtr n, int depth);

/* Free the libxml2 tree. */
void xmlread_close(XmlFile *f);

#endif
