--[[
rapport.lua - pandoc writer: a Word (.docx) or OpenDocument (.odt) report
as rapport's XML (README, "Elements"). `rapport --import` runs

    pandoc -f docx+styles -t rapport.lua --extract-media=NAME-media \
           -M rapport-import-...=... REPORT.docx

in the folder of the XML it writes, then checks the XML against the
schema and lays it out, and prints every "import warning" comment of it
as a warning at its line. The writer never fails on a document: what it
cannot place it leaves out or keeps as text, and says so in such a
comment, at the place, for the person who finishes the report.

How a Word report maps (the issue's list, in the order of a report):
  1. The title page (what stands before the contents list, or before the
     first heading) gives <meta>: the title (Word's Title style, else the
     line naming the report type, else the first line), the nämnd (a line
     ending in "nämnden", "styrelsen"...), the förvaltning, "Dnr ...", a
     date. A line that fits none is said in a warning.
  2. Word's contents list (styles "toc 1"..., "TOC Heading"; in an .odt,
     lines ending in a page number under "Innehåll") is dropped: rapport
     makes its own. Which headings it listed sets <contents levels> and
     toc="no"/"yes" where rapport's default would differ.
  3. Heading 1-5 (also the Swedish style names Rubrik 1-5) nest into
     <section>s; a heading deeper than five levels becomes a bold line.
  4. A section with no sections inside whose heading starts "Nämndmål",
     or that stands under a "Målområde" heading after the colour legend
     or with a "... bedöms" line, is a <goal>. Its status is read from a
     status word of the layout at the end of its heading or after
     "Nämndmålet bedöms:"; a colour cannot be read: the goal is left
     without a status, with a warning.
  5. Paragraphs keep bold, italic, superscript, subscript, line breaks,
     web links and footnotes; lists nest; a picture alone in its
     paragraph is a <figure> (Word's description is its alt text; a
     missing one is a warning), with the caption next to it.
  6. Tables (import/tables.lua) keep merged cells and header rows,
     and their numbers become numbers; see there.
  7. A heading "Bilagor" (a list of documents under it, or headings) and
     headings "Bilaga N ..." become the <appendices>, which rapport
     prints last.
--]]

local stringify = pandoc.utils.stringify

-- ---- what rapport --import passes (-M rapport-import-...) -----------------

local meta = PANDOC_DOCUMENT and PANDOC_DOCUMENT.meta or {}

local function meta_list(key)
  local v = meta[key]
  if v == nil then return {} end
  if type(v) == "string" then return { v } end
  if v.t == "MetaString" or v.t == "MetaInlines" then return { stringify(v) } end
  local out = {}
  for _, x in ipairs(v) do out[#out + 1] = type(x) == "string" and x or stringify(x) end
  return out
end

local function meta_string(key)
  local l = meta_list(key)
  return l[1] or ""
end

-- ---- text ------------------------------------------------------------------

local function trim(s)
  return (s:gsub("^[%s\194\160]+", ""):gsub("[%s\194\160]+$", ""))
end

-- Lower case, Swedish letters too (string.lower knows only ASCII).
local upper_to_lower = { ["Å"] = "å", ["Ä"] = "ä", ["Ö"] = "ö", ["É"] = "é", ["Ü"] = "ü" }
local function lower(s)
  s = s:gsub("\195[\132\133\150\137\156]", upper_to_lower)
  return s:lower()
end

-- Words compared: lower case, white space folded, a final full stop gone.
local function norm(s)
  s = lower(s):gsub("\194\160", " "):gsub("%s+", " ")
  return trim(s):gsub("[%.:]$", "")
end

local function starts(s, prefix)
  return s:sub(1, #prefix) == prefix
end

-- XML text: the characters XML 1.0 allows, escaped.
local function esc(s)
  s = s:gsub("[%z\1-\8\11\12\14-\31]", ""):gsub("\239\191[\190\191]", "")
  return (s:gsub("&", "&amp;"):gsub("<", "&lt;"):gsub(">", "&gt;"))
end

local function esc_attr(s)
  return (esc(s):gsub('"', "&quot;"))
end

-- A comment's text may not hold "--".
local function comment_text(s)
  return (s:gsub("%-%-+", "-"):gsub("%-$", "- "))
end

-- An OpenDocument file: pandoc before 3 reads neither its merged cells nor
-- its header rows, nor a picture's description, and no paragraph styles.
local odt = lower(meta_string("rapport-import-source")):match("%.odt$") ~= nil

-- ---- the layout's words ---------------------------------------------------

local words = {}                 -- key -> text, for this report's type
for _, kv in ipairs(meta_list("rapport-import-word")) do
  local k, v = kv:match("^([^|]*)|(.*)$")
  if k then words[k] = v end
end
-- rapport's messages for the comments, in the person's language
-- (src/import/import.c, writer_messages): msg(key, values...) puts the
-- values for %1, %2 ...
local messages = {}
for _, kv in ipairs(meta_list("rapport-import-msg")) do
  local k, v = kv:match("^([^|]*)|(.*)$")
  if k then messages[k] = v end
end
local function msg(key, ...)
  local values = { ... }
  return ((messages[key] or key):gsub("%%(%d)", function(d) return tostring(values[tonumber(d)] or "") end))
end

local function word(key, fallback)
  local w = words[key]
  return (w and w ~= "") and w or fallback
end

local statuses = {}              -- normalised word -> { name =, kind = }
for _, e in ipairs(meta_list("rapport-import-status")) do
  local kind, name, w = e:match("^([^|]*)|([^|]*)|(.*)$")
  if kind and w ~= "" then
    local n = norm(w)
    if not statuses[n] then statuses[n] = { name = name, kind = kind } end
  end
end

-- The status a text is (the whole text, a final full stop allowed).
local function status_of(text, kind)
  local s = statuses[norm(text)]
  if s and (not kind or s.kind == kind) then return s end
end

-- The status word a heading ends with ("Goda arbetsplatser - Uppfyllt",
-- "... (Delvis uppfyllt)", or with a capital after a space, "Minskade
-- utsläpp Ej uppfyllt"): the status, the heading before it, the word.
local function ends_with_status(text, kind)
  local t = trim(text:gsub("%s+", " ")):gsub("[%.%)]+$", "")
  local lt = lower(t)
  local best, best_len
  for n, s in pairs(statuses) do
    local before = lt:sub(1, #lt - #n)
    local first = t:sub(#t - #n + 1, #t - #n + 2)
    local capital = before:match(" $") and (first:match("^[A-Z]") or first == "Å" or first == "Ä" or first == "Ö")
    if (not kind or s.kind == kind) and #lt > #n and lt:sub(-#n) == n and
       (before:match("[%s]*[%(:%-–][%s]*$") or capital) and (not best_len or #n > best_len) then
      best, best_len = s, #n
    end
  end
  if not best then return nil end
  local head = trim(t:sub(1, #t - best_len):gsub("[%s%(:%-–]+$", ""))
  if head == "" then return nil end
  return best, head, t:sub(#t - best_len + 1)
end

-- ---- output ---------------------------------------------------------------

local out = {}

-- A warning for the person finishing the report: rapport --import prints
-- it with the line it stands on. The first line is the message, the
-- rest the hint.
local function warning(depth, message, hint)
  local s = "<!-- import warning: " .. comment_text(message)
  if hint then s = s .. "\n" .. string.rep("  ", depth) .. "     " .. comment_text(hint) end
  return s .. " -->"
end

-- Warnings about a piece of text (struck out, a comment on it), said
-- on the line before the one that holds it: the text is made before
-- its line is emitted.
local pending = {}
local comments = {}             -- the Word file's comments: { who, text, said }

local function emit(depth, s)
  for _, p in ipairs(pending) do out[#out + 1] = string.rep("  ", depth) .. warning(depth, p[1], p[2]) end
  pending = {}
  out[#out + 1] = string.rep("  ", depth) .. s
end

local function warn(depth, message, hint)
  emit(depth, warning(depth, message, hint))
end

local function note(depth, text)
  emit(depth, "<!-- import: " .. comment_text(text) .. " -->")
end

-- A kind of block in words, for messages: "a table".
local block_words = { Table = true, CodeBlock = true, DefinitionList = true, LineBlock = true,
                      Figure = true, Div = true }
local function a_block(t)
  return block_words[t] and msg("block-" .. t) or msg("block-other", t)
end

local function short(s)
  s = trim(s:gsub("%s+", " "))
  if utf8.len(s) and utf8.len(s) > 60 then
    s = s:sub(1, utf8.offset(s, 58) - 1) .. "…"
  end
  return s
end

-- ---- inline content ---------------------------------------------------------

local inline_xml

-- Blocks inside a footnote, as its one run of text (rapport's footnote
-- holds text, bold, italic and links).
local function note_xml(blocks)
  local parts = {}
  for _, b in ipairs(blocks) do
    if b.t == "Para" or b.t == "Plain" then
      parts[#parts + 1] = inline_xml(b.content, "note")
    elseif b.t == "BulletList" or b.t == "OrderedList" then
      for _, item in ipairs(b.content) do parts[#parts + 1] = note_xml(item) end
    elseif b.t == "Div" or b.t == "BlockQuote" then
      parts[#parts + 1] = note_xml(b.content)
    else
      parts[#parts + 1] = esc(stringify(b))
    end
  end
  return trim(table.concat(parts, " "))
end

local function is_web(url)
  return url:match("^https?://") or url:match("^mailto:") or url:match("^www%.")
end

-- mode: nil (paragraphs, cells, headings) or "note" (inside a footnote:
-- no superscript, line breaks or footnotes).
function inline_xml(inlines, mode)
  local parts = {}
  local function wrap(tag, content)
    local inner = inline_xml(content, mode)
    if trim(inner) == "" then
      parts[#parts + 1] = inner
    else
      -- spaces stay outside the element
      local lead, mid, tail = inner:match("^(%s*)(.-)(%s*)$")
      parts[#parts + 1] = lead .. "<" .. tag .. ">" .. mid .. "</" .. tag .. ">" .. tail
    end
  end
  for _, el in ipairs(inlines) do
    local t = el.t
    if t == "Str" then
      parts[#parts + 1] = esc(el.text)
    elseif t == "Space" or t == "SoftBreak" then
      parts[#parts + 1] = " "
    elseif t == "LineBreak" then
      parts[#parts + 1] = mode == "note" and " " or "<br/>"
    elseif t == "Strong" then
      wrap("b", el.content)
    elseif t == "Emph" then
      wrap("i", el.content)
    elseif t == "Superscript" or t == "Subscript" then
      if mode == "note" then
        parts[#parts + 1] = inline_xml(el.content, mode)
      else
        wrap(t == "Superscript" and "sup" or "sub", el.content)
      end
    elseif t == "Quoted" then
      local q = el.quotetype == "SingleQuote" and "'" or '"'
      parts[#parts + 1] = q .. inline_xml(el.content, mode) .. q
    elseif t == "Code" or t == "Math" then
      parts[#parts + 1] = esc(el.text)
    elseif t == "Link" then
      local inner = inline_xml(el.content, mode)
      if is_web(el.target) and trim(inner) ~= "" then
        local href = el.target:match("^www%.") and "https://" .. el.target or el.target
        parts[#parts + 1] = '<link href="' .. esc_attr(href) .. '">' .. inner .. "</link>"
      else
        parts[#parts + 1] = inner       -- a link inside the document: its text
      end
    elseif t == "Note" then
      if mode == "note" then
        parts[#parts + 1] = " (" .. note_xml(el.content) .. ")"
      else
        local text = note_xml(el.content)
        if text ~= "" then parts[#parts + 1] = "<footnote>" .. text .. "</footnote>" end
      end
    elseif t == "Strikeout" then
      -- kept, as pandoc reads it, but said: struck-out text in a report
      -- most often means it no longer holds
      pending[#pending + 1] = { msg("struck-out", short(stringify(el.content))), msg("struck-out-hint") }
      parts[#parts + 1] = inline_xml(el.content, mode)
    elseif t == "Span" and el.classes:includes("rapport-comment") then
      local c = comments[tonumber(el.attributes.n or "")]
      if c then c.said = true end
      local who, text = el.attributes.author or "", short(el.attributes.text or "")
      pending[#pending + 1] = { who ~= "" and msg("word-comment", who, text) or msg("word-comment-anon", text),
                                msg("word-comment-hint") }
    elseif t == "Image" or t == "RawInline" then
      -- pictures are figures (block level); raw Word fields have no text
    elseif el.content then          -- Span, Underline, SmallCaps, Cite
      parts[#parts + 1] = inline_xml(el.content, mode)
    end
  end
  local s = table.concat(parts)
  return (s:gsub("  +", " "))
end

-- Inline content trimmed, for an element of its own.
local function inline_trim(inlines, mode)
  local s = inline_xml(inlines, mode)
  return trim(s)
end

local function plain(inlines)
  return trim(stringify(inlines):gsub("%s+", " "))
end

-- ---- step 1: the document as a flat list of items ---------------------------

--[[ Items: { kind = "block", block = b } | { kind = "heading", level, inlines }
     | { kind = "toc", level, text } | { kind = "tochead", text }
     | { kind = "caption", inlines } | { kind = "title"|"subtitle", text }.
     Word's paragraph styles arrive as Divs with a custom-style (pandoc's
     "styles" extension); those that carry meaning become items, the
     others are unwrapped. ]]

local function style_kind(style)
  local s = lower(style)
  local n = s:match("^heading (%d)$") or s:match("^rubrik (%d)$") or s:match("^überschrift (%d)$")
  if n then return "heading", tonumber(n) end
  n = s:match("^toc (%d)$") or s:match("^innehåll (%d)$") or s:match("^contents (%d)$") or
      s:match("^innehållsförteckning (%d)$")
  if n then return "toc", tonumber(n) end
  if s == "toc heading" or s == "innehållsförteckningsrubrik" or s == "contents heading" then
    return "tochead"
  end
  if s == "caption" or s == "image caption" or s == "table caption" or s == "beskrivning" or
     s == "bildtext" or s == "figure caption" then
    return "caption"
  end
  if s == "title" or s == "rubrik" then return "title" end
  if s == "subtitle" or s == "underrubrik" then return "subtitle" end
end

local function flatten(blocks, items)
  for _, b in ipairs(blocks) do
    if b.t == "Div" then
      local style = b.attributes and b.attributes["custom-style"]
      local kind, level = nil, nil
      if style then kind, level = style_kind(style) end
      if kind then
        for _, p in ipairs(b.content) do
          if p.t == "Para" or p.t == "Plain" then
            if kind == "heading" and plain(p.content) == "" then
              -- an empty heading paragraph (spacing in Word): nothing
            elseif kind == "heading" then
              items[#items + 1] = { kind = "heading", level = level, inlines = p.content }
            elseif kind == "toc" then
              items[#items + 1] = { kind = "toc", level = level, text = plain(p.content) }
            elseif kind == "caption" then
              items[#items + 1] = { kind = "caption", inlines = p.content }
            else
              items[#items + 1] = { kind = kind, text = plain(p.content) }
            end
          else
            flatten({ p }, items)
          end
        end
      else
        flatten(b.content, items)
      end
    elseif b.t == "Header" then
      local classes = b.classes or b.attr.classes
      local toc_head = false
      for _, c in ipairs(classes) do
        if c == "TOC-Heading" or c == "Contents-Heading" then toc_head = true end
      end
      if toc_head then
        items[#items + 1] = { kind = "tochead", text = plain(b.content) }
      elseif plain(b.content) ~= "" then
        items[#items + 1] = { kind = "heading", level = b.level, inlines = b.content }
      end
    elseif b.t == "BlockQuote" then
      -- its paragraphs as the report's own, said at the first of them
      -- (once for quotes in a row: Word makes each paragraph one)
      local first = #items + 1
      flatten(b.content, items)
      if items[first] and items.quote_end ~= first - 1 then items[first].quote = stringify(b.content) end
      items.quote_end = #items
    elseif b.t ~= "Null" and b.t ~= "HorizontalRule" and b.t ~= "RawBlock" then
      items[#items + 1] = { kind = "block", block = b }
    end
  end
  return items
end

-- A contents line whose style was lost (.odt): its text, then dots or a
-- tab, then a page number; or one link to Word's _Toc bookmark.
local function toc_like(item)
  local b = item.block
  if not b or (b.t ~= "Para" and b.t ~= "Plain") then return false end
  local c = b.content
  if #c >= 1 and c[1].t == "Link" and (c[1].target or ""):match("^#_Toc") then return true end
  local s = plain(c)
  return s:match("^.+[%s%.…]%d+$") ~= nil and #s < 200
end

local contents = { entries = {}, title = nil, found = false }

local function toc_key(s)
  s = s:gsub("[%s%.…\t]+%d+$", "")          -- the page number and its leader
  return norm(s)
end

local function take_contents(items)
  local kept = {}
  local i = 1
  while i <= #items do
    local it = items[i]
    local is_head = it.kind == "tochead"
    if not is_head and it.kind == "block" and (it.block.t == "Para" or it.block.t == "Plain") then
      local s = norm(plain(it.block.content))
      is_head = (s == norm(word("contents", "Innehåll")) or s == "innehållsförteckning") and
                items[i + 1] and (items[i + 1].kind == "toc" or toc_like(items[i + 1]))
    end
    if it.kind == "heading" and not is_head then
      local s = norm(plain(it.inlines))
      is_head = (s == norm(word("contents", "Innehåll")) or s == "innehållsförteckning") and
                items[i + 1] and (items[i + 1].kind == "toc" or toc_like(items[i + 1]))
    end
    if is_head then
      contents.found = true
      contents.at = contents.at or #kept
      local t = it.text or plain(it.inlines or it.block.content)
      if norm(t) ~= norm(word("contents", "Innehåll")) then contents.title = t end
      i = i + 1
      while items[i] and (items[i].kind == "toc" or (items[i].kind == "block" and toc_like(items[i]))) do
        local e = items[i]
        local text = e.text or plain(e.block.content)
        contents.entries[#contents.entries + 1] = { level = e.level or 1, key = toc_key(text) }
        i = i + 1
      end
    elseif it.kind == "toc" then
      contents.found = true
      contents.at = contents.at or #kept
      contents.entries[#contents.entries + 1] = { level = it.level, key = toc_key(it.text) }
      i = i + 1
    else
      kept[#kept + 1] = it
      i = i + 1
    end
  end
  return kept
end

-- ---- step 2: the title page -------------------------------------------------

-- "2018-12-13" or "13 december 2018" as 2018-12-13; nil if not a date.
local function iso_date(s)
  local months = { januari = 1, februari = 2, mars = 3, april = 4, maj = 5, juni = 6, juli = 7,
                   augusti = 8, september = 9, oktober = 10, november = 11, december = 12 }
  local y, m, d = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  if not y then
    local mon
    d, mon, y = lower(trim(s)):match("^(%d%d?)%s+(%a+)%s+(%d%d%d%d)$")
    m = mon and months[mon]
  end
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if y and m and d and m >= 1 and m <= 12 and d >= 1 and d <= 31 then
    return string.format("%04d-%02d-%02d", y, m, d)
  end
end

local type_words = {
  { "verksamhetsberättelse", "verksamhetsberattelse" }, { "delårsrapport", "delarsrapport" },
  { "verksamhetsplan", "verksamhetsplan" }, { "internbudget", "internbudget" },
}

local function type_of_title(title)
  local t = lower(title)
  for _, tw in ipairs(type_words) do
    if t:find(tw[1], 1, true) then return tw[2] end
  end
end

--[[ The title page: what stands before Word's contents list; without
     one, the short lines (no full stop) before the first heading. Its
     lines fill <meta>. A line that fits no field is left out with a
     warning when the contents list marked where the title page ends;
     else it may be body text, and stays, as a paragraph. ]]
local function title_page(items, m)
  local lines, rest = {}, {}
  local certain = contents.found and contents.at > 0    -- a contents list after the title page
  for i, it in ipairs(items) do
    local text = it.text
    if not text and it.kind == "block" and (it.block.t == "Para" or it.block.t == "Plain") then
      text = plain(it.block.content)
    end
    local on_page
    if certain then
      on_page = i <= contents.at
    else
      on_page = text ~= nil and #text < 160 and not text:match("[%.!?]$")
    end
    if #rest == 0 and text and on_page and it.kind ~= "heading" then
      if text ~= "" then lines[#lines + 1] = { kind = it.kind, text = text, item = it } end
    else
      rest[#rest + 1] = it
    end
  end
  local left = {}
  for _, l in ipairs(lines) do
    local t, lt = l.text, lower(l.text)
    if l.kind == "title" and not m.title then
      m.title = t
    elseif l.kind == "subtitle" and not m.subtitle then
      m.subtitle = t
    elseif (lt:match("nämnden?$") or lt:match("styrelsen?$") or lt:match("fullmäktige$")) and not m.organisation then
      m.organisation = t
    elseif (lt:match("förvaltningen?$") or lt:match("kontoret$")) and not m.department then
      m.department = t
    elseif (lt:match("^dnr[%s:.]") or lt:match("^diarienummer")) and not m.reference then
      m.reference = trim(t:gsub("^[^%s:]+[:.]?%s*", ""))
    elseif iso_date(t) and not m.date then
      m.date = iso_date(t)
    elseif m.title and norm(t) == norm(m.title) or m.subtitle and norm(t) == norm(m.subtitle) then
      -- the title page's line that Word also keeps as the document title
    else
      left[#left + 1] = l
    end
  end
  -- the title: Word's own (its Title style or the file's properties),
  -- unless that names no report type and a line of the title page does
  for i, l in ipairs(left) do
    if type_of_title(l.text) and not (m.title and type_of_title(m.title)) then
      m.title = table.remove(left, i).text
      break
    end
  end
  if not m.title and #left > 0 then m.title = table.remove(left, 1).text end
  if certain then
    if not m.subtitle and #left == 1 and #left[1].text < 120 then m.subtitle = table.remove(left, 1).text end
    m.left = left
  else
    for k = #left, 1, -1 do table.insert(rest, 1, left[k].item) end
  end
  return rest
end

-- ---- step 3: sections -------------------------------------------------------

--[[ A node: { heading = inlines, level = Word's level, depth = nesting,
     body = { item | node } }. The root has depth 0. ]]

local function build_tree(items)
  local root = { depth = 0, level = 0, body = {} }
  local stack = { root }
  for _, it in ipairs(items) do
    if it.kind == "heading" then
      while #stack > 1 and stack[#stack].level >= it.level do table.remove(stack) end
      local parent = stack[#stack]
      local node = { heading = it.inlines, level = it.level, depth = parent.depth + 1, body = {}, parent = parent }
      parent.body[#parent.body + 1] = node
      stack[#stack + 1] = node
    else
      local parent = stack[#stack]
      parent.body[#parent.body + 1] = it
    end
  end
  return root
end

local function is_node(x) return x.heading ~= nil end

local function has_sections(node)
  for _, x in ipairs(node.body) do if is_node(x) then return true end end
  return false
end

local function heading_text(node) return plain(node.heading) end

-- ---- blocks ---------------------------------------------------------------

local emit_blocks, emit_list, emit_table

local function para_text(item)
  local b = item and item.block
  if b and (b.t == "Para" or b.t == "Plain") then return plain(b.content) end
end

-- The pictures of a paragraph (a figure each), or nil if it has none.
local function images_of(inlines)
  local found = {}
  for _, el in ipairs(inlines) do
    if el.t == "Image" then found[#found + 1] = el
    elseif el.content and type(el.content) == "table" and el.t ~= "Note" then
      local inner = images_of(el.content)
      for _, x in ipairs(inner or {}) do found[#found + 1] = x end
    end
  end
  return #found > 0 and found or nil
end

local function length_mm(v)
  if not v then return nil end
  local n, unit = v:match("^([%d%.]+)%s*(%a*)$")
  n = tonumber(n)
  if not n then return nil end
  local per = { ["in"] = 25.4, cm = 10, mm = 1, pt = 25.4 / 72, px = 25.4 / 96, [""] = 25.4 / 96 }
  return per[unit] and n * per[unit]
end

local function looks_like_file_name(s)
  local l = lower(s)
  return l == "" or l:match("%.%a%a%a%a?$") or l:match("^bild %d+$") or l:match("^picture %d+$") or
         l:match("^image%d*$") or l:match("^figur %d+$")
end

local figures = 0

local function emit_figure(depth, img, caption_inlines)
  figures = figures + 1
  local src = img.src
  local ext = lower(src:match("%.(%w+)$") or "")
  if ext ~= "png" and ext ~= "jpg" and ext ~= "jpeg" then
    warn(depth, msg("picture-format", src, ext:upper()), msg("picture-format-hint"))
    return
  end
  local alt = plain(img.caption or {})
  local attrs = 'src="' .. esc_attr(src) .. '"'
  local missing = looks_like_file_name(alt)
  if missing then
    attrs = attrs .. ' alt="Bild ' .. figures .. ' saknar beskrivning"'
  else
    attrs = attrs .. ' alt="' .. esc_attr(alt) .. '"'
  end
  local mm = length_mm(img.attributes and img.attributes.width)
  if mm and mm > 5 then
    attrs = attrs .. (mm >= 160 and ' width="100%"' or string.format(' width="%dmm"', math.floor(mm + 0.5)))
  end
  if missing then
    warn(depth, msg("picture-no-alt", figures, src), msg("picture-no-alt-hint"))
  end
  if caption_inlines and plain(caption_inlines) ~= "" then
    emit(depth, "<figure " .. attrs .. ">")
    emit(depth + 1, "<caption>" .. inline_trim(caption_inlines) .. "</caption>")
    emit(depth, "</figure>")
  else
    emit(depth, "<figure " .. attrs .. "/>")
  end
end

-- A caption style, or a line starting "Figur 3" (pictures) or "Tabell 2"
-- (tables): the caption of what stands next to it.
local function caption_of(item, words_)
  if not item then return nil end
  if item.kind == "caption" then return item.inlines end
  local b = item.block
  if b and (b.t == "Para" or b.t == "Plain") then
    local s = lower(plain(b.content))
    for _, w in ipairs(words_) do
      if s:match("^" .. w .. "%s*%d") then return b.content end
    end
  end
end

local function caption_item(item) return caption_of(item, { "figur", "diagram", "bild" }) end
local function table_caption_item(item) return caption_of(item, { "tabell" }) end

-- A status word alone: the <status> of it (for goal lines and cells).
local function status_xml(text, kind)
  local s = status_of(text, kind)
  if s then return '<status value="' .. s.name .. '">' .. esc(trim(text):gsub("%.$", "")) .. "</status>", s end
end

-- The colour legend: "Färgsättningen indikerar:" and a list of status words.
local function legend_at(items, i)
  local text = para_text(items[i])
  local nxt = items[i + 1]
  if not text or not nxt or not nxt.block or nxt.block.t ~= "BulletList" then return nil end
  if norm(text) ~= norm(word("legend", "Färgsättningen indikerar:")) and not starts(lower(text), "färgsättningen") then
    return nil
  end
  local kind, own = nil, {}
  for _, item in ipairs(nxt.block.content) do
    local w = item[1] and item[1].content and plain(item[1].content) or ""
    local s = status_of(w)
    if not s or (kind and s.kind ~= kind) then return nil end
    kind = s.kind
    own[#own + 1] = { s = s, w = w }
  end
  return text, kind, own
end

local function emit_paragraph(depth, inlines)
  local x = inline_trim(inlines)
  if x ~= "" then emit(depth, "<p>" .. x .. "</p>") end
end

function emit_blocks(depth, items, ctx)
  ctx = ctx or {}
  local i = 1
  while i <= #items do
    local it = items[i]
    if it.quote then warn(depth, msg("block-quote", short(it.quote)), msg("block-quote-hint")) end
    local b = it.block
    local used = 1
    if it.kind == "caption" then
      local nxt = items[i + 1]
      if nxt and nxt.block and nxt.block.t == "Table" then
        used = 2 + emit_table(depth, nxt.block, it.inlines, items, i + 2)
      elseif nxt and nxt.block and (nxt.block.t == "Para" or nxt.block.t == "Plain") and images_of(nxt.block.content) then
        local imgs = images_of(nxt.block.content)
        local rest = inline_trim(nxt.block.content)
        if rest ~= "" then emit(depth, "<p>" .. rest .. "</p>") end
        for k, img in ipairs(imgs) do emit_figure(depth, img, k == 1 and it.inlines or nil) end
        used = 2
      else
        emit_paragraph(depth, it.inlines)
      end
    elseif it.kind == "title" or it.kind == "subtitle" or it.kind == "tochead" or it.kind == "toc" then
      if it.text and it.text ~= "" then emit(depth, "<p>" .. esc(it.text) .. "</p>") end
    elseif b.t == "Para" or b.t == "Plain" then
      local legend_title, kind, own = legend_at(items, i)
      local imgs = images_of(b.content)
      local nxt = items[i + 1]
      local before_table = nxt and nxt.block and nxt.block.t == "Table"
      local odt_caption = odt and before_table and #plain(b.content) < 120 and
                          not plain(b.content):match("[%.:!?]$") and not images_of(b.content)
      if before_table and (table_caption_item(it) or odt_caption) then
        used = 2 + emit_table(depth, nxt.block, b.content, items, i + 2)
      elseif legend_title then
        local attrs = ' title="' .. esc_attr(legend_title) .. '" statuses="' .. kind .. '"'
        local items_xml = {}
        for _, o in ipairs(own) do
          if norm(o.w) ~= norm(word("status." .. o.s.name, o.w)) then
            items_xml[#items_xml + 1] = '<item status="' .. o.s.name .. '">' .. esc(o.w) .. "</item>"
          end
        end
        if #items_xml == 0 then
          emit(depth, "<legend" .. attrs .. "/>")
        else
          emit(depth, "<legend" .. attrs .. ">")
          for _, x in ipairs(items_xml) do emit(depth + 1, x) end
          emit(depth, "</legend>")
        end
        used = 2
      elseif imgs then
        local rest = inline_trim(b.content)
        if rest ~= "" then emit(depth, "<p>" .. rest .. "</p>") end
        local cap = caption_item(items[i + 1])
        for k, img in ipairs(imgs) do emit_figure(depth, img, k == #imgs and cap or nil) end
        if cap then used = 2 end
      elseif ctx.goal and ctx.goal_line == it then
        emit(depth, "<p>" .. ctx.goal_line_xml .. "</p>")
      else
        emit_paragraph(depth, b.content)
      end
    elseif b.t == "BulletList" or b.t == "OrderedList" then
      emit_list(depth, b)
    elseif b.t == "Table" then
      used = 1 + emit_table(depth, b, nil, items, i + 1)
    elseif b.t == "LineBlock" then
      local lines = {}
      for _, l in ipairs(b.content) do lines[#lines + 1] = inline_trim(l) end
      emit(depth, "<p>" .. table.concat(lines, "<br/>") .. "</p>")
    elseif b.t == "CodeBlock" then
      emit(depth, "<p>" .. esc(b.text:gsub("\n", " ")) .. "</p>")
    elseif b.t == "DefinitionList" then
      for _, d in ipairs(b.content) do
        emit(depth, "<p><b>" .. inline_trim(d[1]) .. "</b></p>")
        for _, def in ipairs(d[2]) do
          local sub = {}
          for _, x in ipairs(def) do sub[#sub + 1] = { kind = "block", block = x } end
          emit_blocks(depth, sub)
        end
      end
    elseif b.t == "Div" then
      local sub = flatten(b.content, {})
      emit_blocks(depth, sub, ctx)
    elseif b.t == "Figure" then        -- pandoc 3: a picture with its caption
      local cap = b.caption and b.caption.long and b.caption.long[1] and b.caption.long[1].content
      local inner = flatten(b.content, {})
      for _, x in ipairs(inner) do
        local imgs = x.block and x.block.content and images_of(x.block.content)
        for _, img in ipairs(imgs or {}) do emit_figure(depth, img, cap) end
      end
    else
      warn(depth, msg("block-left-out", a_block(b.t)))
    end
    i = i + used
  end
end

-- ---- lists ----------------------------------------------------------------

function emit_list(depth, b, hoisted)
  local attrs = ""
  if b.t == "OrderedList" then
    local la = b.listAttributes or b.attr
    local start = la and (la.start or la[1]) or 1
    local delim = la and (la.delimiter or la[3]) or "Period"
    delim = type(delim) == "table" and delim.t or tostring(delim)
    attrs = ' type="number"'
    if delim == "OneParen" or delim == "TwoParens" then attrs = attrs .. ' numbering="1)"' end
    if start and start ~= 1 and start >= 1 and start <= 10000 then attrs = attrs .. ' start="' .. math.floor(start) .. '"' end
  end
  local after = {}
  emit(depth, "<list" .. attrs .. ">")
  for _, item in ipairs(b.content) do
    local blocks = {}
    for _, x in ipairs(item) do
      if x.t == "Div" then
        for _, y in ipairs(flatten(x.content, {})) do
          if y.block then blocks[#blocks + 1] = y.block end
        end
      else
        blocks[#blocks + 1] = x
      end
    end
    local simple = #blocks == 1 and (blocks[1].t == "Plain" or blocks[1].t == "Para") and not images_of(blocks[1].content)
    if #blocks == 0 then
      emit(depth + 1, "<item/>")
    elseif simple then
      emit(depth + 1, "<item>" .. inline_trim(blocks[1].content) .. "</item>")
    else
      emit(depth + 1, "<item>")
      for _, x in ipairs(blocks) do
        if x.t == "Plain" or x.t == "Para" then
          local imgs = images_of(x.content)
          local s = inline_trim(x.content)
          if s ~= "" or not imgs then emit(depth + 2, "<p>" .. s .. "</p>") end
          for _, img in ipairs(imgs or {}) do after[#after + 1] = { kind = "image", img = img } end
        elseif x.t == "BulletList" or x.t == "OrderedList" then
          emit_list(depth + 2, x, after)
        elseif x.t == "LineBlock" then
          local lines = {}
          for _, l in ipairs(x.content) do lines[#lines + 1] = inline_trim(l) end
          emit(depth + 2, "<p>" .. table.concat(lines, "<br/>") .. "</p>")
        else
          after[#after + 1] = { kind = "block", block = x }
        end
      end
      emit(depth + 1, "</item>")
    end
  end
  emit(depth, "</list>")
  if hoisted then
    for _, a in ipairs(after) do hoisted[#hoisted + 1] = a end
    return
  end
  for _, a in ipairs(after) do
    if a.kind == "image" then
      note(depth, msg("list-picture-moved"))
      emit_figure(depth, a.img)
    else
      warn(depth, msg("list-block-moved", a_block(a.block.t)))
      emit_blocks(depth, { { kind = "block", block = a.block } })
    end
  end
end

-- ---- tables (import/tables.lua, beside this file) -----------------------------

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
emit_table = dofile(here .. "tables.lua")({
  trim = trim, lower = lower, norm = norm, plain = plain, esc = esc, para_text = para_text,
  inline_trim = inline_trim, emit = emit, warn = warn, note = note, a_block = a_block, msg = msg,
  status_of = status_of, status_xml = status_xml, flatten = flatten,
  emit_paragraph = emit_paragraph, emit_list = function(...) return emit_list(...) end,
  odt = odt,
})

-- ---- sections, goals, appendices ---------------------------------------------

local function listed(node)
  local key = toc_key(heading_text(node))
  for _, e in ipairs(contents.entries) do if e.key == key then return true end end
  return false
end

-- The levels Word's contents list showed: the deepest level of which it
-- listed at least half the headings (goals apart: rapport lists none by
-- default). Headings it listed deeper get toc="yes", those it left out
-- above toc="no".
local function contents_levels(root)
  if #contents.entries == 0 then return nil end
  local total, shown = {}, {}
  local function walk(node)
    for _, x in ipairs(node.body) do
      if is_node(x) then
        if not x.goal then
          total[x.depth] = (total[x.depth] or 0) + 1
          if listed(x) then shown[x.depth] = (shown[x.depth] or 0) + 1 end
        end
        walk(x)
      end
    end
  end
  walk(root)
  local levels = 1
  for d = 1, 5 do
    if (shown[d] or 0) > 0 and shown[d] * 2 >= total[d] then levels = d end
  end
  contents.levels = levels
  return levels
end

local function toc_attr(node)
  if not contents.levels then return "" end
  local l = listed(node)
  if node.goal then return l and ' toc="yes"' or "" end
  if node.depth <= contents.levels and not l then return ' toc="no"' end
  if node.depth > contents.levels and l then return ' toc="yes"' end
  return ""
end

-- "Nämndmålet bedöms: Delvis uppfyllt": the status, the line as XML.
local function goal_line(item)
  local text = para_text(item)
  if not text then return nil end
  local lead, rest = text:match("^(.-[Bb]edöms):%s*(.+)$")
  if not lead then return nil end
  local st = status_of(rest, "goal")
  if not st then return nil end
  return st, esc(lead) .. ': <status value="' .. st.name .. '">' .. esc(trim(rest):gsub("%.$", "")) .. "</status>", rest
end

local function named_goal(node)
  local h = lower(heading_text(node))
  return starts(h, "nämndmål") or starts(h, "nämnd mål")
end

local function looks_goal(node)
  local h = lower(heading_text(node))
  if starts(h, "kommunövergripande") then return false end
  -- a nämndmål with headings under it stays a goal, they bold lines
  -- (emit_node): a goal holds no sections
  if named_goal(node) then return true end
  if has_sections(node) then return false end
  local parent = node.parent and node.parent.heading and lower(heading_text(node.parent)) or ""
  if not starts(parent, "målområde") then return false end
  if node.after_legend then return true end
  for _, x in ipairs(node.body) do
    local t = not is_node(x) and para_text(x)
    local pre = t and lower(t):match("^(.-)bedöms")
    if pre and #pre < 30 and not pre:find("%.") then return true end
  end
  return false
end

-- A goal stands in a section: a heading at the top is a section (a
-- warning says so where it looks like a goal), and so is one whose
-- headings are goals ("Nämndmål", then "Nämndmål: Fler besökare").
local function is_goal(node)
  if not looks_goal(node) then return false end
  if node.depth <= 1 then
    node.goal_at_top = true
    return false
  end
  for _, x in ipairs(node.body) do
    if is_node(x) and named_goal(x) then return false end
  end
  return true
end

local function goal_words_hint()
  local names = {}
  for n, s in pairs(statuses) do if s.kind == "goal" then names[s.name] = true end end
  local list = {}
  for _, n in ipairs({ "met", "partly-met", "not-met", "not-assessed" }) do
    if names[n] then list[#list + 1] = '"' .. n .. '"' end
  end
  local l = #list > 0 and table.concat(list, ", ") or '"met", "partly-met", "not-met", "not-assessed"'
  return msg("goal-no-status-hint", l)
end

local emit_node

local function emit_body(depth, node)
  local run = {}
  local function flush()
    if #run > 0 then emit_blocks(depth, run, node.ctx) end
    run = {}
  end
  for _, x in ipairs(node.body) do
    if is_node(x) then
      flush()
      emit_node(depth, x)
    else
      run[#run + 1] = x
    end
  end
  flush()
end

-- The headings under a node that cannot hold sections (a goal, a
-- heading on level 6): bold lines, each with a warning.
local function headings_in(node, why)
  for _, x in ipairs(node.body) do
    if is_node(x) then x.bold_line = why end
  end
end

function emit_node(depth, node)
  if node.depth > 5 or node.bold_line then
    warn(depth, node.bold_line == "goal" and msg("goal-subheading", short(heading_text(node)))
                or msg("heading-level", node.depth))
    emit(depth, "<p><b>" .. inline_trim(node.heading) .. "</b></p>")
    headings_in(node, node.bold_line or "level")
    emit_body(depth, node)
    return
  end
  local heading = node.heading
  if node.goal then
    local attrs, status_note = "", nil
    local st, head, word_ = ends_with_status(heading_text(node), "goal")
    local line_st, line_xml, line_word
    for _, x in ipairs(node.body) do
      if not is_node(x) then
        local s, xml, w = goal_line(x)
        if s then line_st, line_xml, line_word = s, xml, w; node.ctx = { goal = true, goal_line = x, goal_line_xml = xml } end
      end
    end
    if line_st then
      attrs = ' status="' .. line_st.name .. '"'
      status_note = msg("goal-status-text", trim(line_word))
    elseif st then
      attrs = ' status="' .. st.name .. '"'
      status_note = msg("goal-status-heading", word_)
      heading = pandoc.List({ pandoc.Str(head) })
    end
    emit(depth, "<goal" .. attrs .. toc_attr(node) .. ">")
    if status_note then
      note(depth + 1, status_note)
    else
      -- "... – Pågår": a word there is, but an activity's
      local _, _, other = ends_with_status(heading_text(node), "activity")
      warn(depth + 1, other and msg("goal-activity-word", short(heading_text(node)), other)
                      or msg("goal-no-status", short(heading_text(node))), goal_words_hint())
    end
    if st and line_st and st.name ~= line_st.name then
      warn(depth + 1, msg("goal-status-differs", word_, trim(line_word)))
    end
    emit(depth + 1, "<heading>" .. inline_trim(heading) .. "</heading>")
    headings_in(node, "goal")
    emit_body(depth + 1, node)
    emit(depth, "</goal>")
  else
    emit(depth, "<section" .. toc_attr(node) .. ">")
    if node.goal_at_top and not (function()
          for _, x in ipairs(node.body) do if is_node(x) and x.goal then return true end end
        end)() then
      warn(depth + 1, msg("goal-at-top", short(heading_text(node))), msg("goal-at-top-hint"))
    end
    emit(depth + 1, "<heading>" .. inline_trim(heading) .. "</heading>")
    emit_body(depth + 1, node)
    emit(depth, "</section>")
  end
end

local function is_legend_line(x)
  local t = para_text(x)
  return t and (norm(t) == norm(word("legend", "Färgsättningen indikerar:")) or starts(lower(t), "färgsättningen"))
end

-- Mark the goals. A goal under a "Målområde" heading counts in the part
-- of the report the colour legend stands in (after it).
local function mark_goals(node, legend)
  for _, x in ipairs(node.body) do
    if is_node(x) then
      x.after_legend = legend
      if is_goal(x) then x.goal = true end
      mark_goals(x, legend)
    elseif is_legend_line(x) then
      legend = true
    end
  end
end

-- "Bilaga 2 Internkontrollrapport" -> "Bilaga 2", "Internkontrollrapport"
local function split_label(text)
  local appendix = word("appendix", "Bilaga")
  local pat = "^(" .. lower(appendix):gsub("%p", "%%%0") .. "%s+%d+%a?)[%s%.:–%-]+(.+)$"
  local l = lower(text)
  local lab = l:match(pat)
  if lab then
    local head = trim(text:sub(#lab + 1):gsub("^[%s%.:–%-]+", ""))
    return text:sub(1, #lab), head
  end
  return nil, text
end

local function is_appendices_heading(t)
  local l = norm(t)
  local w = norm(word("appendices", "Bilagor"))
  return l == w or l:sub(-#w - 1) == " " .. w
end

local function is_appendix_heading(t)
  local l = norm(t)
  local w = norm(word("appendix", "Bilaga"))
  return l:match("^" .. w:gsub("%p", "%%%0") .. "%s+%d") ~= nil
end

-- Take the appendices out of the body: { title, list = { {label, inlines, node} } }.
local function take_appendices(root)
  local app = { title = nil, list = {} }
  local kept = {}
  local seen_app, after_app = false, {}
  for _, x in ipairs(root.body) do
    if is_node(x) and is_appendices_heading(heading_text(x)) then
      seen_app = true
      app.title = app.title or heading_text(x)
      for _, y in ipairs(x.body) do
        if is_node(y) then
          local label, head = split_label(heading_text(y))
          app.list[#app.list + 1] = { label = label, heading = label and pandoc.List({ pandoc.Str(head) }) or y.heading, node = y }
        elseif y.block and (y.block.t == "BulletList" or y.block.t == "OrderedList") then
          for _, item in ipairs(y.block.content) do
            local inl = item[1] and item[1].content or {}
            local label, head = split_label(plain(inl))
            app.list[#app.list + 1] = { label = label, heading = label and pandoc.List({ pandoc.Str(head) }) or inl }
          end
        elseif para_text(y) and para_text(y) ~= "" then
          local label, head = split_label(para_text(y))
          app.list[#app.list + 1] = { label = label, heading = label and pandoc.List({ pandoc.Str(head) }) or y.block.content }
        end
      end
    elseif is_node(x) and is_appendix_heading(heading_text(x)) then
      seen_app = true
      local label, head = split_label(heading_text(x))
      app.list[#app.list + 1] = { label = label, heading = label and pandoc.List({ pandoc.Str(head) }) or x.heading, node = x }
    else
      if seen_app and is_node(x) then after_app[#after_app + 1] = heading_text(x) end
      kept[#kept + 1] = x
    end
  end
  root.body = kept
  app.moved = after_app
  return app
end

local function emit_appendices(depth, app)
  if #app.list == 0 then return end
  local attrs = app.title and ' title="' .. esc_attr(app.title) .. '"' or ""
  emit(depth, "<appendices" .. attrs .. ">")
  for _, a in ipairs(app.list) do
    local la = a.label and ' label="' .. esc_attr(a.label) .. '"' or ""
    local h = inline_trim(a.heading)
    if h == "" then h = esc(a.label or word("appendix", "Bilaga")) end
    if a.node and #a.node.body > 0 then
      emit(depth + 1, "<appendix" .. la .. ">")
      emit(depth + 2, "<heading>" .. h .. "</heading>")
      local function redepth(n, d)
        for _, y in ipairs(n.body) do if is_node(y) then y.depth = d; redepth(y, d + 1) end end
      end
      redepth(a.node, 2)
      emit_body(depth + 2, a.node)
      emit(depth + 1, "</appendix>")
    else
      emit(depth + 1, "<appendix" .. la .. "><heading>" .. h .. "</heading></appendix>")
    end
  end
  emit(depth, "</appendices>")
end

-- ---- tracked changes and comments ------------------------------------------

-- A Word file is read with its tracked changes marked (pandoc's
-- --track-changes=all): taken here as accepted, which is the text Word
-- shows, and counted for a warning; its comments become empty spans
-- that inline_xml says at their place. Done first, so that no step
-- after sees a deleted word.
local function take_changes(doc, tracked)
  return doc:walk({ Span = function(sp)
    local c = sp.classes
    if c:includes("insertion") or c:includes("deletion") then
      tracked.n = tracked.n + 1
      local who = sp.attributes.author
      if who and who ~= "" and not tracked.seen[who] then
        tracked.seen[who] = true
        tracked.authors[#tracked.authors + 1] = who
      end
      if c:includes("deletion") then return {} end
      return sp.content
    elseif c:includes("comment-start") then
      comments[#comments + 1] = { who = sp.attributes.author or "", text = plain(sp.content) }
      return pandoc.Span({}, pandoc.Attr("", { "rapport-comment" },
        { { "author", sp.attributes.author or "" }, { "text", plain(sp.content) }, { "n", tostring(#comments) } }))
    elseif c:includes("comment-end") then
      return {}
    end
  end })
end

-- ---- the report ------------------------------------------------------------

local function convert(doc)
  local tracked = { n = 0, seen = {}, authors = {} }
  doc = take_changes(doc, tracked)
  local items = flatten(doc.blocks, {})
  items = take_contents(items)
  local m = {}
  if doc.meta.title then m.title = plain(doc.meta.title) end
  if doc.meta.subtitle then m.subtitle = plain(doc.meta.subtitle) end
  if doc.meta.date then m.date = iso_date(plain(doc.meta.date)) end
  -- Word's author, where it names the office rather than a person
  -- ("Socialförvaltningen"): what the title page's lines would give
  for _, a in ipairs(doc.meta.author and (doc.meta.author.t == "MetaList" and doc.meta.author or { doc.meta.author }) or {}) do
    local t = plain(a)
    local lt = lower(t)
    if (lt:match("förvaltningen?$") or lt:match("kontoret$")) and not m.department then
      m.department = t
    elseif (lt:match("nämnden?$") or lt:match("styrelsen?$")) and not m.organisation then
      m.organisation = t
    end
  end
  local body_items = title_page(items, m)
  local source = meta_string("rapport-import-source")
  local root = build_tree(body_items)
  mark_goals(root, false)
  local app = take_appendices(root)

  local rtype = meta_string("rapport-import-type")
  local guessed = false
  if rtype == "" then
    rtype = m.title and type_of_title(m.title) or "rapport"
    guessed = true
  end
  local attrs = ' type="' .. rtype .. '"'
  local layout = meta_string("rapport-import-layout")
  if layout ~= "" then attrs = attrs .. ' layout="' .. esc_attr(layout) .. '"' end

  emit(0, '<?xml version="1.0" encoding="UTF-8"?>')
  emit(0, "<!-- " .. comment_text(msg("header", source)) .. " -->")
  emit(0, "<report" .. attrs .. ' lang="sv">')
  if tracked.n > 0 then
    local who = table.concat(tracked.authors, ", ")
    warn(1, who ~= "" and msg("tracked-changes", tracked.n, who) or msg("tracked-changes-anon", tracked.n),
         msg("tracked-changes-hint"))
  end
  if guessed then
    note(1, msg(rtype == "rapport" and "type-none" or "type-from-title", rtype))
  end
  emit(1, "<meta>")
  if not m.title or m.title == "" then
    m.title = source:gsub("%.%w+$", "")
    warn(2, msg("no-title"), msg("no-title-hint"))
  end
  emit(2, "<title>" .. esc(m.title) .. "</title>")
  for _, k in ipairs({ "subtitle", "organisation", "department", "date", "reference" }) do
    if m[k] and m[k] ~= "" then emit(2, "<" .. k .. ">" .. esc(m[k]) .. "</" .. k .. ">") end
  end
  for _, l in ipairs(m.left or {}) do
    warn(2, msg("title-line-left-out", short(l.text)), msg("title-line-hint"))
  end
  emit(1, "</meta>")
  local levels = contents_levels(root)
  local ca = ""
  if levels then ca = ' levels="' .. levels .. '"' end
  if contents.title then ca = ca .. ' title="' .. esc_attr(contents.title) .. '"' end
  emit(1, "<contents" .. ca .. "/>")
  emit_body(1, root)
  for _, h in ipairs(app.moved) do
    warn(1, msg("section-after-appendices", short(h)))
  end
  emit_appendices(1, app)
  -- comments on text that was taken apart (a status word, a title page's
  -- line) and so never written: said at the end, not lost
  for _, c in ipairs(comments) do
    if not c.said then
      warn(1, c.who ~= "" and msg("word-comment", c.who, short(c.text)) or msg("word-comment-anon", short(c.text)),
           msg("word-comment-hint"))
    end
  end
  emit(0, "</report>")
  return table.concat(out, "\n") .. "\n"
end

-- ---- pandoc's writer interface ------------------------------------------------

-- pandoc 2.17 (Debian 12) runs "classic" writers: a function per element,
-- bottom up, then Doc. The conversion needs the whole tree at once, which
-- Doc finds in PANDOC_DOCUMENT; the element functions return nothing.
function Doc(body, metadata, variables)
  return convert(PANDOC_DOCUMENT)
end

local element_functions = {
  "Str", "Space", "SoftBreak", "LineBreak", "Emph", "Underline", "Strong", "Strikeout", "Superscript",
  "Subscript", "SmallCaps", "SingleQuoted", "DoubleQuoted", "Link", "Image", "Code", "InlineMath",
  "DisplayMath", "Note", "Span", "RawInline", "Cite", "Plain", "Para", "LineBlock", "Header",
  "BlockQuote", "HorizontalRule", "CodeBlock", "BulletList", "OrderedList", "DefinitionList",
  "CaptionedImage", "Table", "Div", "RawBlock", "Blocksep", "Citation", "Figure",
}
for _, name in ipairs(element_functions) do
  _G[name] = function() return "" end
end
-- any element function a later pandoc asks for
local not_elements = { Writer = true, ByteStringWriter = true, Template = true, Extensions = true,
                       Reader = true, ByteStringReader = true }
setmetatable(_G, { __index = function(_, key)
  if type(key) == "string" and key:match("^%u%a+$") and not not_elements[key] then
    return function() return "" end
  end
end })
