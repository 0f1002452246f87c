/*
 * limits.h - every limit rapport puts on its input, in one place.
 *
 * Each bounds a dimension that a broken or hostile file could blow up, so
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

/* Text in one paragraph: the longest real ones are a few thousand
 * bytes; a megabyte is a damaged or generated file, and breaking it
 * into lines would take time and memory out of all proportion. */
#define RP_MAX_PARAGRAPH_BYTES  (1024 * 1024)

/* Element nesting: sections nest 5 deep, lists a few more; 200 leaves
 * room for anything real and keeps recursion in the parser shallow. */
#define RP_MAX_XML_DEPTH        200

/* Heading levels the layout styles (h1..h5), as in the seeds. */
#define RP_MAX_HEADING_LEVEL    5

/* Nested lists: deeper than this cannot be read on paper anyway. */
#define RP_MAX_LIST_DEPTH       8

/* Columns of one table: 30 fit a landscape page in 6 pt; more is an
 * error in the file. */
#define RP_MAX_TABLE_COLUMNS    60

/* Rows of one table (a long register is some thousands). */
#define RP_MAX_TABLE_ROWS       200000

/* rowspan/colspan beyond the table's size are clamped with a warning;
 * this bounds the value read before that. */
#define RP_MAX_SPAN             10000

/* Pages of one document: a safety net against a layout loop. */
#define RP_MAX_PAGES            20000

/* Categories and series of one chart. */
#define RP_MAX_CHART_CATEGORIES 1000
#define RP_MAX_CHART_SERIES     20

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

/* Diagnostics printed for one file: past this the file is hopeless and
 * the user fixes the first ones first. */
#define RP_MAX_DIAGNOSTICS      200

/* Passes of the table-of-contents fixpoint (it settles in 2). */
#define RP_MAX_TOC_PASSES       4

#endif
