/*
 * limits.h - every limit rapport puts on its input, in one place.
 *
 * Each bounds a dimension that a broken or hostile file (or command
 * line) could blow up, so
 * that memory and time stay proportional to a sane report and out of
 * memory can never be caused by input. Each has its own message where it
 * is checked. They are generous: the largest real report we know is a few
 * hundred pages.
 */
#ifndef RP_LIMITS_H
#define RP_LIMITS_H

/* A report file larger than this is not a report (a 1 000-page report is
 * about 5 MB of XML). */
#define RP_MAX_INPUT_BYTES      (64L * 1024 * 1024)

/* Parts a report is written in (<include src="del.xml"/>), and how deep
 * parts may include parts: a report written by ten förvaltningar has ten
 * parts, each with a few of its own at most; more is a generated file, or
 * a part included over and over. Each part is a file of its own, bounded
 * like the report, and all of them together by RP_MAX_WORK_BYTES. */
#define RP_MAX_PARTS            500
#define RP_MAX_PART_DEPTH       8

/* Text in one paragraph: the longest real ones are a few thousand
 * bytes; a megabyte is a damaged or generated file, and breaking it
 * into lines would take time and memory out of all proportion. */
#define RP_MAX_PARAGRAPH_BYTES  (1024 * 1024)

/* Inline elements (b, i, br, footnote, ...) in one block (a paragraph,
 * heading, item or cell, with what its inline elements hold): a real
 * paragraph has a handful. libxml2's RELAX NG validation of mixed content
 * takes time with the square of their number (60 000 <br/> in one
 * paragraph: 25 s), and markup adds little to the text that
 * RP_MAX_PARAGRAPH_BYTES counts; so they are counted before validation. */
#define RP_MAX_INLINE_ELEMENTS  2000

/* Footnotes in one report: the longest real ones have a few hundred.
 * Placing them costs time and memory that grow faster than their number
 * (100 000 notes: 2.6 GB); checked before validation. */
#define RP_MAX_FOOTNOTES        10000

/* Characters of a text the PDF keeps as a string of its own: a web
 * address (<link href>), and the title, subtitle, author, organisation
 * and keywords the document information holds. A PDF string holds
 * 65 535 bytes, UTF-16 two (or four) a character, and the subject joins
 * the title and organisation; a real title is a line or two, and no
 * address is longer than a few hundred characters. */
#define RP_MAX_PDF_TEXT_CHARS   10000

/* Element nesting: sections nest 5 deep, lists a few more; 200 leaves
 * room for anything real and keeps recursion in the parser shallow. */
#define RP_MAX_XML_DEPTH        200

/* Any length (page, margin, column, chart, font size ...), in
 * millipoints: the largest page PDF allows is 14 400 pt (200 inches,
 * 5.08 m; libharu refuses a larger one), so nothing drawn on a page can
 * be longer. A report's own lengths are further bounded by its layout's
 * page. */
#define RP_MAX_LENGTH           (14400 * 1000)

/* Font sizes in a layout, in millipoints: below 1 pt nothing can be
 * read (and 0 divides), above 600 pt the PDF library refuses to set text. */
#define RP_MIN_FONT_SIZE        1000
#define RP_MAX_FONT_SIZE        600000

/* A column's share of what is left (width="2*"): a column a thousand
 * times as wide as another is a mistake, and the weights stay far from
 * overflowing. */
#define RP_MAX_STAR_WIDTH       1000

/* Heading levels the layout styles (h1..h5), as in the seeds. */
#define RP_MAX_HEADING_LEVEL    5

/* Nested lists: deeper than this cannot be read on paper anyway. */
#define RP_MAX_LIST_DEPTH       8

/* The number a list starts from (start="..."): a list that goes on
 * from another starts at a few dozen; past this it is a typing mistake,
 * and its numbers no longer fit the hanging indent. Bounded before the
 * numbering adds the items to it, so it cannot overflow. */
#define RP_MAX_LIST_START       10000

/* Columns of one table: 30 fit a landscape page in 6 pt; more is an
 * error in the file. */
#define RP_MAX_TABLE_COLUMNS    60

/* Rows of one table (a long register is some thousands). */
#define RP_MAX_TABLE_ROWS       200000

/* rowspan/colspan beyond the table's size are clamped with a warning;
 * this bounds the value read before that. */
#define RP_MAX_SPAN             10000

/* A CSV a table reads its rows from (<table src>): a finance system's
 * export of a year's accounts is a few hundred KB; 8 MB holds some
 * 100 000 rows, more than a report's table can show. Read whole, and
 * its cells count against RP_MAX_WORK_BYTES with the report's own. */
#define RP_MAX_CSV_BYTES        (8L * 1024 * 1024)

/* One field of such a CSV: a cell's text. Labels and amounts are short;
 * a comment column may hold a few sentences. More is not a table cell
 * (a whole text pasted into one), and it bounds the time a <row-role>
 * pattern takes to match a first field. */
#define RP_MAX_CSV_FIELD_BYTES  4000

/* A <row-role> pattern ("Summa*"): a row label is a few words. Bounds
 * the matching time with RP_MAX_CSV_FIELD_BYTES. */
#define RP_MAX_CSV_PATTERN_BYTES 200

/* Header rows a CSV's table takes from its first rows (header-rows). */
#define RP_MAX_CSV_HEADER_ROWS  10

/* Pages of one document: a safety net against a layout loop. */
#define RP_MAX_PAGES            20000

/* Categories and series of one chart. */
#define RP_MAX_CHART_CATEGORIES 1000
#define RP_MAX_CHART_SERIES     20

/* A chart's least height, in millipoints (20 mm): its axis labels, a
 * bar's value and the legend take about that much. */
#define RP_MIN_CHART_HEIGHT     56693

/* A chart's values and axis bounds, in magnitude: a double tells about
 * 15 digits apart, so past this the ticks of an axis can no longer be
 * told apart, and their labels would not fit beside the chart. No
 * municipal amount comes near it (Sweden's budget is about 10^12 kronor). */
#define RP_MAX_CHART_VALUE      1e15

/* Pixels of one image. A figure is at most the text width (160 mm) and
 * two thirds of a page high: at 600 dpi, more than print needs, that is
 * 3 800 x 4 400 = 17 megapixels. 25 megapixels also takes a 6 000 x
 * 4 000 camera photo as it is. Decoded at 3 bytes a pixel that is 75 MB,
 * which the PDF library copies once more while writing; a 10 000 x
 * 10 000 16-bit PNG (800 MB with alpha) is refused from its header. */
#define RP_MAX_IMAGE_PIXELS     (25L * 1000 * 1000)

/* Width or height of an image in pixels: bounds one row of a PNG being
 * decoded (8 bytes a pixel at most), however few its pixels. */
#define RP_MAX_IMAGE_SIDE       30000

/* An image file: a 25-megapixel JPEG at the highest quality is about
 * 20 MB, a PNG of photographic noise about 75 MB. */
#define RP_MAX_IMAGE_FILE_BYTES (96L * 1024 * 1024)

/* All images of one report together, decoded (a JPEG counts its file):
 * four of the largest images. They stay in memory until the PDF is
 * written, and the PDF library holds a copy of each, so this bounds the
 * images' share of a report's memory to about 600 MB. */
#define RP_MAX_REPORT_IMAGE_BYTES (300L * 1000 * 1000)

/* The output intent's colour profile: sRGB profiles are 3 to 60 KB
 * (rapport's own, 7 KB); 1 MB takes any RGB profile, and the larger
 * profiles there are describe CMYK printers, which an sRGB intent cannot
 * use. Read whole: a profile cut short would be a damaged PDF/A. */
#define RP_MAX_ICC_BYTES        (1024L * 1024)

/* Errors, and apart from them warnings, printed for one file: past this
 * the file is hopeless and the user fixes the first ones first. Counted
 * apart so that warnings never crowd out an error. */
#define RP_MAX_DIAGNOSTICS      200

/* Working memory one report may take: a 1 000-page report takes about
 * 150 MB, and a batch renders one report per core on office machines
 * with a few GB; past this a report is refused before any work starts
 * (an estimate from the input, below), never killed half-way. */
#define RP_MAX_WORK_BYTES       (1024L * 1024 * 1024)

/* The estimate: bytes of working memory per byte of input (text, tree,
 * lines, the PDF: measured 44 on a generated 1 000-page report) and per
 * table cell besides (a cell is a node, a structure element, a line and
 * its drawing: measured 2 200 on a 20 000 x 20 table). Both rounded up. */
#define RP_WORK_PER_INPUT_BYTE  48
#define RP_WORK_PER_CELL        2200

/* Folders searched below a folder given on the command line: real report
 * trees are a few levels deep (nämnd/år/...); the limit keeps the walk's
 * recursion and its paths short whatever the file system holds. */
#define RP_MAX_FOLDER_DEPTH     32

/* Font families a layout declares (<font>): a report looks best with
 * one or two; each is four faces the measure and draw stages keep in
 * fixed arrays (FACE_COUNT). */
#define RP_MAX_FONT_FAMILIES    8

/* Statuses a layout declares (<status>): the Linköping layout has nine;
 * a legend of more could not be read. */
#define RP_MAX_STATUSES         24

/* Intervals on a chart's value axis: a nice step gives 5 to 10; an axis
 * step of the report's own that gives more than this is replaced by a
 * nice one. The ticks' count, not the arithmetic, bounds the loops over
 * them (a step of 10^-9 on an axis up to 10^15). */
#define RP_MAX_CHART_INTERVALS  50

/* Reports rendered at a time (-j): each is a process of its own, and the
 * signal handler keeps their ids in a fixed table. */
#define RP_MAX_JOBS             64

/* Threads one run uses, its own included (--threads; 0: one per core, at
 * most this): a second shapes words ahead and deflates streams, more only
 * deflate, and a report's streams keep three busy at most. */
#define RP_MAX_THREADS          4

#endif
