/*
 * archive.h - PDF/A-2 for libharu's documents (draw stage, uses hpdf.h).
 */
#ifndef RP_ARCHIVE_H
#define RP_ARCHIVE_H

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct ArchiveInfo {
    const char *title, *author, *subject, *keywords, *lang;
    const char *producer, *creator;
    const char *conformance;   /* "A", "B" or "U" */
    bool        ua;            /* also PDF/UA-1 (a tagged document) */
    long        when;          /* seconds since 1970, -1: no dates */
    unsigned char id[16];      /* the document ID */
} ArchiveInfo;

/* Turn pdf into PDF/A-2 (level a->conformance): version 1.7, the sRGB
 * output intent with the ICC profile icc[0..icc_len), XMP metadata that
 * matches the information dictionary (the caller sets that dictionary
 * from the same ArchiveInfo), a document ID. Returns 0, or -1 if
 * libharu ran out of memory (its error handler has the details). */
int archive_pdfa(HPDF_Doc pdf, const ArchiveInfo *a, const unsigned char *icc, size_t icc_len);

#endif
