/*
 * tags.c - the tagged PDF's structure tree (draw stage). See tags.h.
 *
 * Design notes
 *  - Every structure element becomes a dictionary when it first gets
 *    content, and is then attached to its parent (and the parent to its
 *    own, up to the Document): elements are thereby ordered as their
 *    content is drawn, which is reading order, and empty ones never
 *    appear.
 *  - Marked content: consecutive ops of one element share one sequence
 *    and one MCID; the page's entry in the parent tree maps each MCID
 *    back to its element. A status marker that stands for a word gets a
 *    sequence of its own with /ActualText.
 *  - Parent tree keys: page i has key i; annotations have keys from the
 *    number of pages on, so /Nums stays sorted.
 */
#include "tags.h"
#include "../base/utf8.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#define NO_MC INT_MIN

static const char *names[SE_TYPE_COUNT] = {
    "Document", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody", "Table",
    "THead", "TBody", "TR", "TH", "TD", "Note", "Link", "TOC", "TOCI", "Figure", "Caption",
    "Span", "Sect",
};

struct Tags {
    Rp           *rp;
    HPDF_Doc      pdf;
    const Flow   *flow;
    HPDF_Dict     root;          /* StructTreeRoot */
    HPDF_Dict    *elem;          /* per element, once it has content */
    HPDF_Array   *kids;
    int          *pg;            /* per element: the page its /Pg names */
    HPDF_Page     page;
    HPDF_Stream   stream;        /* the page's content */
    HPDF_Array    parents;       /* this page's MCID -> element */
    HPDF_Array    nums;          /* the parent tree's /Nums */
    int           page_index, npages, mcid, cur, next_annot;
    bool          cur_actual;    /* the open sequence carries ActualText */
    VEC(HPDF_Dict) annot_elem;   /* per annotation key - npages: its Link element */
};

Tags *tags_new(Rp *rp, HPDF_Doc pdf, const Flow *flow, int npages)
{
    Tags *t = ARENA_NEW(&rp->arena, Tags);
    t->rp = rp;
    t->pdf = pdf;
    t->flow = flow;
    t->npages = npages;
    t->next_annot = npages;
    t->cur = NO_MC;
    t->elem = ARENA_ARRAY(&rp->arena, HPDF_Dict, flow->nse + 1);
    t->kids = ARENA_ARRAY(&rp->arena, HPDF_Array, flow->nse + 1);
    t->pg = ARENA_ARRAY(&rp->arena, int, flow->nse + 1);
    t->root = HPDF_Dict_New(pdf->mmgr);
    t->nums = HPDF_Array_New(pdf->mmgr);
    if (!t->root || !t->nums || HPDF_Xref_Add(pdf->xref, t->root) != HPDF_OK)
        return NULL;
    HPDF_Dict_AddName(t->root, "Type", "StructTreeRoot");
    return t;
}

/* The dictionary of element i, made and attached to its parents on
 * first use. */
static HPDF_Dict elem(Tags *t, int i)
{
    if (i < 0 || i >= t->flow->nse)
        i = 0;
    if (t->elem[i])
        return t->elem[i];
    const StructElem *e = &t->flow->se[i];
    HPDF_MMgr mm = t->pdf->mmgr;
    HPDF_Dict d = HPDF_Dict_New(mm);
    if (!d || HPDF_Xref_Add(t->pdf->xref, d) != HPDF_OK)
        return NULL;
    t->elem[i] = d;
    t->kids[i] = HPDF_Array_New(mm);
    /* (/Type /StructElem is optional and left out: tagging must stay cheap) */
    HPDF_Dict_AddName(d, "S", names[e->type < SE_TYPE_COUNT ? e->type : SE_SPAN]);
    HPDF_Dict_Add(d, "K", t->kids[i]);
    /* the page of its first content: its MCIDs on that page are plain numbers */
    HPDF_Dict_Add(d, "Pg", t->page);
    t->pg[i] = t->page_index;
    if (e->alt)
        HPDF_Dict_Add(d, "Alt", HPDF_String_New(mm, e->alt, HPDF_GetEncoder(t->pdf, "UTF-8")));
    if (e->type == SE_NOTE) {
        /* PDF/UA: every note has an ID of its own */
        char id[32];
        snprintf(id, sizeof id, "note-%d", i);
        HPDF_Dict_Add(d, "ID", HPDF_String_New(mm, id, NULL));
    }
    if ((e->type == SE_TH || e->type == SE_TD) && (e->scope || e->colspan > 1 || e->rowspan > 1)) {
        HPDF_Dict a = HPDF_Dict_New(mm);
        HPDF_Dict_AddName(a, "O", "Table");
        if (e->scope)
            HPDF_Dict_AddName(a, "Scope", e->scope == 1 ? "Column" : e->scope == 2 ? "Row" : "Both");
        if (e->colspan > 1)
            HPDF_Dict_AddNumber(a, "ColSpan", e->colspan);
        if (e->rowspan > 1)
            HPDF_Dict_AddNumber(a, "RowSpan", e->rowspan);
        HPDF_Dict_Add(d, "A", a);
    }
    if (i == 0 || e->parent < 0) {
        HPDF_Dict_Add(d, "P", t->root);
        HPDF_Dict_Add(t->root, "K", d);
    } else {
        HPDF_Dict parent = elem(t, e->parent);
        HPDF_Dict_Add(d, "P", parent);
        HPDF_Array_Add(t->kids[e->parent], d);
    }
    return d;
}

void tags_page(Tags *t, HPDF_Page page, int index)
{
    t->page = page;
    t->page_index = index;
    t->stream = ((HPDF_PageAttr)page->attr)->stream;
    t->mcid = 0;
    t->cur = NO_MC;
    t->parents = HPDF_Array_New(t->pdf->mmgr);
    HPDF_Dict_AddNumber(page, "StructParents", index);
    HPDF_Dict_AddName(page, "Tabs", "S");
    HPDF_Array_AddNumber(t->nums, index);
    HPDF_Array_Add(t->nums, t->parents);
}

bool tags_needs_switch(const Tags *t, int se, const char *actual)
{
    return actual || t->cur_actual || t->cur != se;
}

void tags_close(Tags *t)
{
    if (t->cur != NO_MC)
        HPDF_Stream_WriteStr(t->stream, "EMC\n");
    t->cur = NO_MC;
    t->cur_actual = false;
}

/* A PDF text string in UTF-16BE hex, for /ActualText. */
static void write_utf16(HPDF_Stream s, const char *text)
{
    char buf[16];
    HPDF_Stream_WriteStr(s, "<FEFF");
    size_t n = strlen(text), i = 0;
    while (i < n) {
        uint32_t cp = utf8_next(text, n, &i);
        if (cp > 0xFFFF)
            cp = 0xFFFD;
        snprintf(buf, sizeof buf, "%04X", (unsigned)cp);
        HPDF_Stream_WriteStr(s, buf);
    }
    HPDF_Stream_WriteStr(s, ">");
}

void tags_mark(Tags *t, int se, const char *actual)
{
    if (!tags_needs_switch(t, se, actual))
        return;
    tags_close(t);
    if (se == SE_ARTIFACT) {
        HPDF_Stream_WriteStr(t->stream, "/Artifact BMC\n");
        t->cur = SE_ARTIFACT;
        return;
    }
    HPDF_Dict d = elem(t, se);
    if (!d)
        return;
    int type = t->flow->se[se >= 0 && se < t->flow->nse ? se : 0].type;
    char buf[96];
    if (actual) {
        snprintf(buf, sizeof buf, "/Span <</MCID %d /ActualText ", t->mcid);
        HPDF_Stream_WriteStr(t->stream, buf);
        write_utf16(t->stream, actual);
        HPDF_Stream_WriteStr(t->stream, ">> BDC\n");
    } else {
        snprintf(buf, sizeof buf, "/%s <</MCID %d>> BDC\n", names[type], t->mcid);
        HPDF_Stream_WriteStr(t->stream, buf);
    }
    /* the element's kid: its MCID, as a number on the element's own page,
     * else a marked-content reference naming the page */
    int idx = se >= 0 && se < t->flow->nse ? se : 0;
    if (t->pg[idx] == t->page_index) {
        HPDF_Array_AddNumber(t->kids[idx], t->mcid);
    } else {
        HPDF_Dict mcr = HPDF_Dict_New(t->pdf->mmgr);
        HPDF_Dict_AddName(mcr, "Type", "MCR");
        HPDF_Dict_Add(mcr, "Pg", t->page);
        HPDF_Dict_AddNumber(mcr, "MCID", t->mcid);
        HPDF_Array_Add(t->kids[idx], mcr);
    }
    HPDF_Array_Add(t->parents, d);
    t->mcid++;
    t->cur = se;
    t->cur_actual = actual != NULL;
}

void tags_link(Tags *t, HPDF_Annotation annot, int se, const char *contents)
{
    if (se <= 0 || se >= t->flow->nse)
        return;
    HPDF_Dict d = elem(t, se);
    if (!d)
        return;
    int key = t->next_annot++;
    HPDF_Dict_AddNumber(annot, "StructParent", key);
    if (contents)
        HPDF_Dict_Add(annot, "Contents", HPDF_String_New(t->pdf->mmgr, contents,
                                                         HPDF_GetEncoder(t->pdf, "UTF-8")));
    HPDF_Dict objr = HPDF_Dict_New(t->pdf->mmgr);
    HPDF_Dict_AddName(objr, "Type", "OBJR");
    HPDF_Dict_Add(objr, "Obj", annot);
    HPDF_Dict_Add(objr, "Pg", t->page);
    HPDF_Array_Add(t->kids[se], objr);
    /* the annotations' keys come after the pages', in order */
    VEC_PUSH(&t->rp->arena, t->annot_elem, d);
}

int tags_finish(Tags *t)
{
    HPDF_MMgr mm = t->pdf->mmgr;
    if (!t->elem[0])
        elem(t, 0);
    for (int i = 0; i < t->annot_elem.n; i++) {
        HPDF_Array_AddNumber(t->nums, t->npages + i);
        HPDF_Array_Add(t->nums, t->annot_elem.v[i]);
    }
    HPDF_Dict tree = HPDF_Dict_New(mm);
    HPDF_Dict_Add(tree, "Nums", t->nums);
    HPDF_Dict_Add(t->root, "ParentTree", tree);
    HPDF_Dict_AddNumber(t->root, "ParentTreeNextKey", t->next_annot);
    HPDF_Dict mark = HPDF_Dict_New(mm);
    HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(t->pdf->catalog, "MarkInfo", mark);
    HPDF_Dict_Add(t->pdf->catalog, "StructTreeRoot", t->root);
    return 0;
}
