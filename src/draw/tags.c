/*
 * tags.c - the tagged PDF's structure tree (draw stage). See tags.h.
 *
 * Design notes
 *  - While the pages are drawn, only compact records are kept: for each
 *    structure element its kids in order (child elements, MCIDs, link
 *    annotations) and the page of its first content; for each page the
 *    element behind each MCID. The tree is written at the end straight
 *    into the file's object streams (write.c), not built from libharu
 *    dictionaries: a report has tens of thousands of elements, and as
 *    libharu objects they cost more time and bytes than the pages.
 *  - An element is recorded when it first gets content, and is then
 *    attached to its parent (and the parent to its own, up to the
 *    Document): elements are thereby ordered as their content is drawn,
 *    which is reading order, and empty ones never appear. They are
 *    numbered in that order, parents before children, so the numbers
 *    in a table's cells are neighbours and deflate well. One exception
 *    to drawing order: an element with StructElem.after (a footnote of
 *    a header cell's mark) goes right after that sibling (its table),
 *    though drawn at the foot of a page, after what followed the table.
 *    Any other Note is read at the end of the element its mark is in:
 *    what a paragraph goes on with on the next page comes before it.
 *  - Marked content: consecutive ops of one element share one sequence
 *    and one MCID; the page's entry in the parent tree maps each MCID
 *    back to its element. A status marker that stands for a word gets a
 *    sequence of its own with /ActualText.
 *  - Parent tree keys: page i has key i; annotations have keys from the
 *    number of pages on, so /Nums stays sorted.
 */
#include "tags.h"
#include "haru.h"

#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NO_MC INT_MIN

static const char *names[SE_TYPE_COUNT] = {
    "Document", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody", "Table",
    "THead", "TBody", "TR", "TH", "TD", "Note", "Link", "TOC", "TOCI", "Figure", "Caption",
    "Span", "Sect", "Reference",
};

const char *tags_type_name(int type)
{
    return type >= 0 && type < SE_TYPE_COUNT ? names[type] : "?";
}

enum { KID_ELEM, KID_MCID, KID_OBJR };

typedef struct Kid {
    int  kind;            /* KID_* */
    int  val;             /* element index, MCID, or annotation object number */
    int  page;            /* page index (MCID, OBJR) */
    int  next;            /* next kid of the same element, -1 */
} Kid;

struct Tags {
    Rp           *rp;
    HPDF_Doc      pdf;
    const Flow   *flow;
    HPDF_Dict     root;          /* placeholder for the StructTreeRoot, written by tags_write */
    int          *head, *tail;   /* per element: its kids (indices into kids), -1 */
    int          *first_page;    /* per element: page of its first content; -1 not yet used */
    long         *num;           /* per element: its object number (when written) */
    VEC(int)      order;         /* elements in the order they were used */
    VEC(Kid)      kids;
    VEC(int)      mc_elem;       /* for each MCID of each page, in order: its element */
    int          *page_mc;       /* per page: index of its first MCID in mc_elem */
    long         *page_num;      /* per page: the page object's number */
    HPDF_Stream   stream;        /* the page's content */
    int           page_index, npages, mcid, cur;
    bool          cur_actual;    /* the open sequence carries ActualText */
    VEC(int)      annot_elem;    /* per annotation key - npages: its Link element */
    int          *kid_of;        /* per element: its Kid in its parent's list, -1 */
    int          *after_last;    /* per element: the last Kid put after it (StructElem.after), -1 */
    int          *body_tail;     /* per element: its last Kid but the Notes read at its end, -1 */
    float        *bbox;          /* per Figure and Table, four: what it drew on its first page */
    bool         *has_bbox;
};

static long obj_num(void *obj) { return (long)(((HPDF_Obj_Header *)obj)->obj_id & 0x00FFFFFF); }

Tags *tags_new(Rp *rp, HPDF_Doc pdf, const Flow *flow, int npages)
{
    Tags *t = ARENA_NEW(&rp->arena, Tags);
    t->rp = rp;
    t->pdf = pdf;
    t->flow = flow;
    t->npages = npages;
    t->cur = NO_MC;
    int n = flow->nse + 1;
    t->head = ARENA_ARRAY(&rp->arena, int, n);
    t->tail = ARENA_ARRAY(&rp->arena, int, n);
    t->first_page = ARENA_ARRAY(&rp->arena, int, n);
    t->num = ARENA_ARRAY(&rp->arena, long, n);
    t->kid_of = ARENA_ARRAY(&rp->arena, int, n);
    t->after_last = ARENA_ARRAY(&rp->arena, int, n);
    t->body_tail = ARENA_ARRAY(&rp->arena, int, n);
    for (int i = 0; i < n; i++)
        t->head[i] = t->tail[i] = t->first_page[i] = t->kid_of[i] = t->after_last[i] = t->body_tail[i] = -1;
    t->page_mc = ARENA_ARRAY(&rp->arena, int, npages + 1);
    t->page_num = ARENA_ARRAY(&rp->arena, long, npages + 1);
    t->bbox = ARENA_ARRAY(&rp->arena, float, 4 * (size_t)n);
    t->has_bbox = ARENA_ARRAY(&rp->arena, bool, n);
    t->root = HPDF_Dict_New(pdf->mmgr);
    if (!t->root || HPDF_Xref_Add(pdf->xref, t->root) != HPDF_OK)
        return NULL;
    return t;
}

/* A kid of e, after its others but before the footnotes read at its end:
 * a Note is drawn at the foot of the page its mark is on, and what e
 * goes on with on the next page is read before it. */
static void add_kid(Tags *t, int e, int kind, int val, int page)
{
    Kid k = { kind, val, page, -1 };
    VEC_PUSH(&t->rp->arena, t->kids, k);
    int at = t->kids.n - 1;
    bool note = kind == KID_ELEM && t->flow->se[val].type == SE_NOTE;
    int prev = note ? t->tail[e] : t->body_tail[e];
    if (!note && prev < 0 && t->head[e] >= 0) {     /* before notes that came first */
        t->kids.v[at].next = t->head[e];
        t->head[e] = at;
    } else if (prev >= 0) {
        t->kids.v[at].next = t->kids.v[prev].next;
        t->kids.v[prev].next = at;
    } else {
        t->head[e] = at;
    }
    if (t->kids.v[at].next < 0)
        t->tail[e] = at;
    if (!note)
        t->body_tail[e] = at;
    if (kind == KID_ELEM)
        t->kid_of[val] = at;
}

/* Element i as a kid of `parent` right after its sibling `after` (and
 * after what was put there before it): a note of a header cell follows
 * its table, whatever was drawn between. */
static void add_kid_after(Tags *t, int parent, int i, int after)
{
    int prev = t->after_last[after] >= 0 ? t->after_last[after] : t->kid_of[after];
    Kid k = { KID_ELEM, i, t->page_index, t->kids.v[prev].next };
    VEC_PUSH(&t->rp->arena, t->kids, k);
    int at = t->kids.n - 1;
    t->kids.v[prev].next = at;
    if (t->tail[parent] == prev)
        t->tail[parent] = at;
    t->kid_of[i] = at;
    t->after_last[after] = at;
    if (t->body_tail[parent] == prev)     /* it stays after its sibling */
        t->body_tail[parent] = at;
}

/* Element i (clamped to the document), recorded and attached to its
 * parents on first use. */
static int use(Tags *t, int i)
{
    if (i < 0 || i >= t->flow->nse)
        i = 0;
    if (t->first_page[i] >= 0)
        return i;
    t->first_page[i] = t->page_index;
    int parent = t->flow->se[i].parent;
    /* (a Table's `after` names its last note, for measure.c) */
    int after = t->flow->se[i].type == SE_NOTE ? t->flow->se[i].after : 0;
    if (i != 0 && parent >= 0 && parent != i && after > 0 && after < t->flow->nse &&
        t->flow->se[after].parent == parent && t->kid_of[after] >= 0) {
        add_kid_after(t, parent, i, after);
    } else if (i != 0 && parent >= 0 && parent != i) {
        use(t, parent);
        add_kid(t, parent, KID_ELEM, i, t->page_index);
    } else if (i != 0) {
        use(t, 0);
        add_kid(t, 0, KID_ELEM, i, t->page_index);
    }
    VEC_PUSH(&t->rp->arena, t->order, i);
    return i;
}

void tags_page(Tags *t, HPDF_Page page, int index)
{
    t->page_index = index;
    t->page_num[index] = obj_num(page);
    t->page_mc[index] = t->mc_elem.n;
    t->page_mc[index + 1] = t->mc_elem.n;
    t->stream = haru_page_stream(page);
    t->mcid = 0;
    t->cur = NO_MC;
    HPDF_Dict_AddNumber(page, "StructParents", index);
    HPDF_Dict_AddName(page, "Tabs", "S");
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
    t->page_mc[t->page_index + 1] = t->mc_elem.n;
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
    int i = use(t, se);
    if (actual) {
        Buf b = { 0 };
        buf_puts(&b, "/Span <</MCID ");
        buf_int(&b, t->mcid);
        buf_puts(&b, " /ActualText ");
        buf_text(&b, actual);
        buf_puts(&b, ">> BDC\n");
        HPDF_Stream_Write(t->stream, b.p, (HPDF_UINT)b.n);
        free(b.p);
    } else {
        /* "/P <</MCID 12>> BDC\n", put together by hand: snprintf was
         * half of marking, which every cell and paragraph takes */
        char buf[64], digits[12];
        const char *name = names[t->flow->se[i].type];
        size_t n = 0, ln = strlen(name), nd = 0;
        unsigned v = (unsigned)t->mcid;
        do
            digits[nd++] = (char)('0' + v % 10);
        while ((v /= 10) != 0);
        buf[n++] = '/';
        memcpy(buf + n, name, ln);
        n += ln;
        memcpy(buf + n, " <</MCID ", 9);
        n += 9;
        while (nd)
            buf[n++] = digits[--nd];
        memcpy(buf + n, ">> BDC\n", 7);
        n += 7;
        HPDF_Stream_Write(t->stream, (const HPDF_BYTE *)buf, (HPDF_UINT)n);
    }
    add_kid(t, i, KID_MCID, t->mcid, t->page_index);
    VEC_PUSH(&t->rp->arena, t->mc_elem, i);
    t->page_mc[t->page_index + 1] = t->mc_elem.n;
    t->mcid++;
    t->cur = se;
    t->cur_actual = actual != NULL;
}

void tags_extent(Tags *t, float x0, float y0, float x1, float y1)
{
    if (t->cur == NO_MC || t->cur == SE_ARTIFACT)
        return;
    int e = t->cur < 0 || t->cur >= t->flow->nse ? 0 : t->cur;
    for (int depth = 0; e > 0 && depth < 64; depth++) {
        const StructElem *se = &t->flow->se[e];
        /* a note's text stands at the page foot, not in the table or
         * figure whose cell or caption holds its mark */
        if (se->type == SE_NOTE)
            break;
        if ((se->type == SE_TABLE || se->type == SE_FIGURE) && t->first_page[e] == t->page_index) {
            float *b = &t->bbox[4 * e];
            if (!t->has_bbox[e]) {
                b[0] = x0, b[1] = y0, b[2] = x1, b[3] = y1;
                t->has_bbox[e] = true;
            } else {
                b[0] = x0 < b[0] ? x0 : b[0];
                b[1] = y0 < b[1] ? y0 : b[1];
                b[2] = x1 > b[2] ? x1 : b[2];
                b[3] = y1 > b[3] ? y1 : b[3];
            }
        }
        if (se->parent == e)
            break;
        e = se->parent;
    }
}

void tags_link(Tags *t, HPDF_Annotation annot, int se, const char *contents)
{
    if (se <= 0 || se >= t->flow->nse)
        return;
    int i = use(t, se);
    HPDF_Dict_AddNumber(annot, "StructParent", t->npages + t->annot_elem.n);
    if (contents) {
        /* PDFDocEncoding where it will do: a quarter of UTF-16's size */
        void *text = haru_text(t->pdf, contents);
        if (text)
            HPDF_Dict_Add(annot, "Contents", text);
    }
    add_kid(t, i, KID_OBJR, (int)obj_num(annot), t->page_index);
    /* the annotations' keys come after the pages', in order */
    VEC_PUSH(&t->rp->arena, t->annot_elem, i);
}

int tags_finish(Tags *t)
{
    if (t->first_page[0] < 0)
        use(t, 0);
    HPDF_Dict mark = HPDF_Dict_New(t->pdf->mmgr);
    HPDF_Dict_AddBoolean(mark, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(t->pdf->catalog, "MarkInfo", mark);
    HPDF_Dict_Add(t->pdf->catalog, "StructTreeRoot", t->root);
    return 0;
}

long tags_root(const Tags *t) { return obj_num(t->root); }

/* Element identifiers: every note has one (PDF/UA), and every header
 * cell that another cell names in its /Headers. */
static bool has_id(const StructElem *e) { return e->type == SE_NOTE || e->has_id; }

static void id_of(Buf *b, const StructElem *e, int i)
{
    buf_puts(b, e->type == SE_NOTE ? "(note-" : "(th-");
    buf_int(b, i);
    buf_puts(b, ")");
}

typedef struct IdRef {
    char name[24];
    long num;
} IdRef;

static int cmp_id(const void *a, const void *b)
{
    return strcmp(((const IdRef *)a)->name, ((const IdRef *)b)->name);
}

/* The StructTreeRoot's /IDTree: a name tree of the elements with an /ID,
 * in one node (its names sorted, as a name tree wants them). */
static void id_tree(Tags *t, Buf *b)
{
    IdRef *ids = NULL;
    int n = 0;
    for (int k = 0; k < t->order.n; k++)
        n += has_id(&t->flow->se[t->order.v[k]]);
    if (!n)
        return;
    ids = ARENA_ARRAY(&t->rp->arena, IdRef, n);
    n = 0;
    for (int k = 0; k < t->order.n; k++) {
        int i = t->order.v[k];
        const StructElem *e = &t->flow->se[i];
        if (!has_id(e))
            continue;
        snprintf(ids[n].name, sizeof ids[n].name, "%s%d", e->type == SE_NOTE ? "note-" : "th-", i);
        ids[n++].num = t->num[i];
    }
    qsort(ids, (size_t)n, sizeof *ids, cmp_id);
    buf_puts(b, "/IDTree<</Names[");
    for (int k = 0; k < n; k++) {
        buf_put(b, "(", 1);
        buf_puts(b, ids[k].name);
        buf_put(b, ")", 1);
        buf_ref(b, ids[k].num);
        buf_put(b, "\n", 1);
    }
    buf_puts(b, "]>>");
}

/* One structure element's dictionary. */
static void write_elem(Tags *t, Buf *b, int i)
{
    const StructElem *e = &t->flow->se[i];
    buf_puts(b, "<</S/");
    buf_puts(b, names[e->type < SE_TYPE_COUNT ? e->type : SE_SPAN]);
    buf_puts(b, "/P ");
    int parent = i == 0 ? -1 : e->parent >= 0 && e->parent != i ? e->parent : 0;
    buf_ref(b, parent < 0 ? tags_root(t) : t->num[parent]);
    /* MCIDs on the element's first page are plain numbers (with /Pg),
     * others marked-content references naming their page */
    int nkids = 0, on_pg = 0, fp = t->first_page[i];
    for (int k = t->head[i]; k >= 0; k = t->kids.v[k].next) {
        nkids++;
        on_pg += t->kids.v[k].kind == KID_MCID && t->kids.v[k].page == fp;
    }
    if (on_pg || t->has_bbox[i]) {
        buf_puts(b, "/Pg ");
        buf_ref(b, t->page_num[fp]);
    }
    buf_puts(b, nkids == 1 ? "/K " : "/K[");
    for (int k = t->head[i], first = 1; k >= 0; k = t->kids.v[k].next, first = 0) {
        const Kid *kd = &t->kids.v[k];
        if (!first)
            buf_put(b, " ", 1);
        switch (kd->kind) {
        case KID_ELEM:
            buf_ref(b, t->num[kd->val]);
            break;
        case KID_MCID:
            if (kd->page == fp) {
                buf_int(b, kd->val);
            } else {
                buf_puts(b, "<</Type/MCR/Pg ");
                buf_ref(b, t->page_num[kd->page]);
                buf_puts(b, "/MCID ");
                buf_int(b, kd->val);
                buf_puts(b, ">>");
            }
            break;
        case KID_OBJR:
            buf_puts(b, "<</Type/OBJR/Obj ");
            buf_ref(b, kd->val);
            buf_puts(b, "/Pg ");
            buf_ref(b, t->page_num[kd->page]);
            buf_puts(b, ">>");
            break;
        }
    }
    if (nkids != 1)
        buf_puts(b, "]");
    if (e->alt) {
        buf_puts(b, "/Alt");
        buf_text(b, e->alt);
    }
    if (e->lang) {                  /* text in another language (PDF/UA 7.2) */
        buf_puts(b, "/Lang");
        buf_text(b, e->lang);
    }
    if (has_id(e)) {
        buf_put(b, "/ID", 3);
        id_of(b, e, i);
    }
    if (t->has_bbox[i]) {            /* a figure's or table's place on its (first) page */
        char box[128];
        const float *bb = &t->bbox[4 * i];
        snprintf(box, sizeof box, "/A<</O/Layout/BBox[%.2f %.2f %.2f %.2f]>>", bb[0], bb[1], bb[2], bb[3]);
        buf_puts(b, box);
    }
    /* a list says how its items are labelled: a screen reader announces
     * a numbered list as one (ISO 32000-1, Table 347) */
    if (e->type == SE_L && e->numbering == LIST_BULLET + 1)
        buf_puts(b, "/A<</O/List/ListNumbering/Disc>>");
    else if (e->type == SE_L && e->numbering == LIST_NUMBER + 1)
        buf_puts(b, "/A<</O/List/ListNumbering/Decimal>>");
    if ((e->type == SE_TH || e->type == SE_TD) && (e->scope || e->colspan > 1 || e->rowspan > 1 || e->nheaders)) {
        buf_puts(b, "/A<</O/Table");
        if (e->nheaders) {
            buf_puts(b, "/Headers[");
            for (int k = 0; k < e->nheaders; k++)
                id_of(b, &t->flow->se[e->headers[k]], e->headers[k]);
            buf_puts(b, "]");
        }
        if (e->scope)
            buf_puts(b, e->scope == 1 ? "/Scope/Column" : e->scope == 2 ? "/Scope/Row" : "/Scope/Both");
        if (e->colspan > 1) {
            buf_puts(b, "/ColSpan ");
            buf_int(b, e->colspan);
        }
        if (e->rowspan > 1) {
            buf_puts(b, "/RowSpan ");
            buf_int(b, e->rowspan);
        }
        buf_puts(b, ">>");
    }
    buf_puts(b, ">>");
}

/* Page p's entry in the parent tree: its MCIDs' elements. */
static void page_parents(Tags *t, Buf *b, int p)
{
    buf_puts(b, "[");
    for (int m = t->page_mc[p]; m < t->page_mc[p + 1]; m++) {
        if (m > t->page_mc[p])
            buf_put(b, " ", 1);
        buf_ref(b, t->num[t->mc_elem.v[m]]);
    }
    buf_puts(b, "]");
}

void tags_write(void *user, PdfW *w)
{
    Tags *t = user;
    /* Elements in reading order, each page's parent-tree array right
     * after the elements first used on it: the array lists much the
     * same references as their /K entries just before, which deflate
     * then finds. (An MCID on page p belongs to an element first used
     * on p or before, so the array never names a later number.) */
    long *page_arr = ARENA_ARRAY(&t->rp->arena, long, t->npages + 1);
    int *seq = ARENA_ARRAY(&t->rp->arena, int, t->order.n + t->npages + 1);  /* >= 0 element, < 0 page - 1 */
    int nseq = 0, p = 0;
    for (int k = 0; k <= t->order.n; k++) {
        int fp = k < t->order.n ? t->first_page[t->order.v[k]] : t->npages;
        for (; p < fp && p < t->npages; p++) {
            page_arr[p] = pdfw_next(w);
            seq[nseq++] = -1 - p;
        }
        if (k < t->order.n) {
            t->num[t->order.v[k]] = pdfw_next(w);
            seq[nseq++] = t->order.v[k];
        }
    }
    for (int q = 0; q < nseq; q++) {
        if (seq[q] < 0)
            page_parents(t, pdfw_object(w, page_arr[-1 - seq[q]]), -1 - seq[q]);
        else
            write_elem(t, pdfw_object(w, t->num[seq[q]]), seq[q]);
    }

    Buf *b = pdfw_object(w, tags_root(t));
    buf_puts(b, "<</Type/StructTreeRoot/K ");
    buf_ref(b, t->num[0]);
    buf_puts(b, "/ParentTree<</Nums[");
    for (p = 0; p < t->npages; p++) {
        buf_int(b, p);
        buf_put(b, " ", 1);
        buf_ref(b, page_arr[p]);
        buf_put(b, "\n", 1);
    }
    for (int a = 0; a < t->annot_elem.n; a++) {
        buf_int(b, t->npages + a);
        buf_put(b, " ", 1);
        buf_ref(b, t->num[t->annot_elem.v[a]]);
        buf_put(b, "\n", 1);
    }
    buf_puts(b, "]>>");
    id_tree(t, b);
    buf_puts(b, "/ParentTreeNextKey ");
    buf_int(b, t->npages + t->annot_elem.n);
    buf_puts(b, ">>");
}
