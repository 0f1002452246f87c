/*
 * archive.c - what makes the PDF an archival PDF/A-2 (draw stage).
 *
 * libharu 2.3 writes a plain PDF 1.3; PDF/A-2 (ISO 19005-2) asks for
 * more, and this file adds it to libharu's objects before they are
 * written:
 *  - the header version 1.7 (PDF/A-2 is based on ISO 32000-1);
 *  - an sRGB output intent with the ICC profile the layout names
 *    (layouts/icc/sRGB.icc), since every colour is DeviceRGB;
 *  - XMP metadata (uncompressed) that says the same as the document
 *    information dictionary: title, author, subject, keywords, producer,
 *    dates, language, and the PDF/A part and conformance level;
 *  - a document ID whose first half is made from a hash of the input,
 *    so the same report gives the same file (write.c makes the second
 *    from the file's bytes);
 *  - the print flag on every annotation (set where the links are made).
 * What PDF/A forbids rapport never writes: no transparency, no
 * encryption, no JavaScript, no external content, every font embedded.
 */
#include "archive.h"

#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Text for XML: & < > " escaped. */
static void xml_text(HPDF_Stream s, const char *t)
{
    char buf[8];
    for (; t && *t; t++) {
        const char *e = *t == '&' ? "&amp;" : *t == '<' ? "&lt;" : *t == '>' ? "&gt;"
                      : *t == '"' ? "&quot;" : NULL;
        if (e) {
            HPDF_Stream_WriteStr(s, e);
        } else {
            buf[0] = *t;
            buf[1] = 0;
            HPDF_Stream_WriteStr(s, buf);
        }
    }
}

static void xmp_prop(HPDF_Stream s, const char *tag, const char *value)
{
    if (!value)
        return;
    HPDF_Stream_WriteStr(s, "   <");
    HPDF_Stream_WriteStr(s, tag);
    HPDF_Stream_WriteStr(s, ">");
    xml_text(s, value);
    HPDF_Stream_WriteStr(s, "</");
    HPDF_Stream_WriteStr(s, tag);
    HPDF_Stream_WriteStr(s, ">\n");
}

static void xmp_alt(HPDF_Stream s, const char *tag, const char *value, const char *container)
{
    if (!value)
        return;
    HPDF_Stream_WriteStr(s, "   <");
    HPDF_Stream_WriteStr(s, tag);
    HPDF_Stream_WriteStr(s, "><rdf:");
    HPDF_Stream_WriteStr(s, container);
    HPDF_Stream_WriteStr(s, !strcmp(container, "Alt") ? "><rdf:li xml:lang=\"x-default\">" : "><rdf:li>");
    xml_text(s, value);
    HPDF_Stream_WriteStr(s, "</rdf:li></rdf:");
    HPDF_Stream_WriteStr(s, container);
    HPDF_Stream_WriteStr(s, "></");
    HPDF_Stream_WriteStr(s, tag);
    HPDF_Stream_WriteStr(s, ">\n");
}

int archive_pdfa(HPDF_Doc pdf, const ArchiveInfo *a, const unsigned char *icc, size_t icc_len)
{
    HPDF_MMgr mm = pdf->mmgr;
    pdf->pdf_version = HPDF_VER_17;

    /* the output intent */
    HPDF_Dict profile = HPDF_DictStream_New(mm, pdf->xref);
    HPDF_Dict intent = HPDF_Dict_New(mm);
    HPDF_Array intents = HPDF_Array_New(mm);
    if (!profile || !intent || !intents)
        return -1;
    profile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Dict_AddNumber(profile, "N", 3);
    HPDF_Stream_Write(profile->stream, icc, (HPDF_UINT)icc_len);
    HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(mm, "sRGB IEC61966-2.1", NULL));
    HPDF_Dict_Add(intent, "Info", HPDF_String_New(mm, "sRGB IEC61966-2.1", NULL));
    HPDF_Dict_Add(intent, "RegistryName", HPDF_String_New(mm, "http://www.color.org", NULL));
    HPDF_Dict_Add(intent, "DestOutputProfile", profile);
    HPDF_Array_Add(intents, intent);
    HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);

    /* the XMP packet */
    HPDF_Dict meta = HPDF_DictStream_New(mm, pdf->xref);
    if (!meta)
        return -1;
    meta->filter = HPDF_STREAM_FILTER_NONE;
    HPDF_Dict_AddName(meta, "Type", "Metadata");
    HPDF_Dict_AddName(meta, "Subtype", "XML");
    HPDF_Stream s = meta->stream;
    HPDF_Stream_WriteStr(s, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                            " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                            "  <rdf:Description rdf:about=\"\"\n"
                            "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                            "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                            "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                            "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
                            "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n");
    xmp_alt(s, "dc:title", a->title, "Alt");
    xmp_alt(s, "dc:creator", a->author, "Seq");
    xmp_alt(s, "dc:description", a->subject, "Alt");
    xmp_alt(s, "dc:language", a->lang, "Bag");
    xmp_prop(s, "dc:format", "application/pdf");
    xmp_prop(s, "pdf:Keywords", a->keywords);
    xmp_prop(s, "pdf:Producer", a->producer);
    xmp_prop(s, "xmp:CreatorTool", a->creator);
    if (a->when >= 0) {
        char date[40];
        time_t t = (time_t)a->when;
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
        xmp_prop(s, "xmp:CreateDate", date);
        xmp_prop(s, "xmp:ModifyDate", date);
        xmp_prop(s, "xmp:MetadataDate", date);
    }
    char part[4];
    snprintf(part, sizeof part, "%d", 2);
    xmp_prop(s, "pdfaid:part", part);
    xmp_prop(s, "pdfaid:conformance", a->conformance);
    if (a->ua)
        xmp_prop(s, "pdfuaid:part", "1");
    HPDF_Stream_WriteStr(s, "  </rdf:Description>\n");
    if (a->ua) {
        /* PDF/A admits properties outside its own schemas only when the
         * file describes them: the PDF/UA identification schema, in a
         * description of its own (validators look for the extension's
         * namespaces there, not among the document's properties) */
        HPDF_Stream_WriteStr(s,
            "  <rdf:Description rdf:about=\"\"\n"
            "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
            "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
            "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
            "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
            "    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
            "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
            "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
            "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
            "     <pdfaProperty:name>part</pdfaProperty:name>\n"
            "     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
            "     <pdfaProperty:category>internal</pdfaProperty:category>\n"
            "     <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>\n"
            "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
            "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
            "  </rdf:Description>\n");
    }
    HPDF_Stream_WriteStr(s, " </rdf:RDF>\n</x:xmpmeta>\n"
                            "<?xpacket end=\"w\"?>");
    HPDF_Dict_Add(pdf->catalog, "Metadata", meta);

    /* the document ID: the same input gives the same ID */
    HPDF_Array id = HPDF_Array_New(mm);
    if (!id)
        return -1;
    HPDF_Array_Add(id, HPDF_Binary_New(mm, (HPDF_BYTE *)a->id, 16));
    HPDF_Array_Add(id, HPDF_Binary_New(mm, (HPDF_BYTE *)a->id, 16));
    HPDF_Dict_Add(pdf->trailer, "ID", id);
    return 0;
}
