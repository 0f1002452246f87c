--[[
tables.lua - the tables of a Word or OpenDocument report as rapport's
<table>: part of the writer rapport.lua, which loads it with the
functions the two share and gets back emit_table.

  - Merged cells stay merged (rowspan, colspan: pandoc leaves a covered
    cell out, as rapport does); a row too short is filled with empty
    cells. Word's header rows are header rows; without them a first row
    all in bold is one.
  - A column of numbers written the Swedish way ("1 234,5", "−71,1",
    "+3,9") is a number column of machine numbers, with the decimals the
    column shows (or as written, if they differ) and sign="always" if
    every positive number has its plus. A cell that is text stays text
    (rapport sets "9,0 %" or "i u" in the column too); a column of years
    is no number column.
  - A row's first cell gives its role: "Summa ..."/"Totalt ..." a sum
    row that rapport checks (sum-of="above"), "varav ..." under a row a
    part row, Män/Kvinnor/Flickor/Pojkar sub rows; one cell across the
    whole table is a group row.
  - A cell that is only a status word of the layout ("Pågår") gets its
    <status>; paragraphs starting with "*" right under the table are its
    notes.
--]]

return function(R)
  local trim, lower, norm, plain, esc = R.trim, R.lower, R.norm, R.plain, R.esc
  local inline_trim, emit, warn, note, a_block, msg = R.inline_trim, R.emit, R.warn, R.note, R.a_block, R.msg
  local status_of, status_xml, flatten = R.status_of, R.status_xml, R.flatten
  local emit_paragraph, emit_list, para_text, odt = R.emit_paragraph, R.emit_list, R.para_text, R.odt
  local odt_tables_said = false


  -- "1 234,5", "−71,1", "+3,9", "1877" -> "1234.5", "-71.1", "+3.9", "1877";
  -- nil if the text is not a number written the Swedish way. Also the
  -- number's decimals.
  local function swedish_number(s)
    s = trim(s)
    s = s:gsub("\226\136\146", "-"):gsub("\226\128\147", "-")    -- minus sign, en dash
    s = s:gsub("\194\160", " "):gsub("\226\128\175", " "):gsub("\226\128\137", " ")
    local sign, rest = s:match("^([%+%-]?)%s*(.+)$")
    local int, dec = rest:match("^(%d[%d ]*),(%d+)$")
    if not int then int = rest:match("^(%d[%d ]*)$") end
    if not int then return nil end
    -- digit groups: "1 234 567" (threes after the first), or no spaces
    if int:find(" ") then
      local lead = int:gsub(" %d%d%d", "")
      if not lead:match("^%d%d?%d?$") then return nil end
      int = int:gsub(" ", "")
    end
    if #int > 1 and int:sub(1, 1) == "0" then return nil end  -- "007", a code
    return sign .. int .. (dec and ("." .. dec) or ""), dec and #dec or 0
  end

  local function cell_blocks(cell)
    local blocks = {}
    for _, x in ipairs(cell.contents) do
      if x.t == "Div" then
        for _, y in ipairs(flatten(x.content, {})) do
          if y.block then blocks[#blocks + 1] = y.block
          elseif y.inlines then blocks[#blocks + 1] = pandoc.Para(y.inlines) end
        end
      else
        blocks[#blocks + 1] = x
      end
    end
    return blocks
  end

  -- The inlines of a cell that is one paragraph, else nil.
  local function cell_inlines(blocks)
    if #blocks == 1 and (blocks[1].t == "Plain" or blocks[1].t == "Para") then return blocks[1].content end
    if #blocks == 0 then return {} end
  end

  -- Inlines that are all bold (or all italic), and what is inside.
  local function unwrap_all(inlines, tag)
    local inner, any = {}, false
    for _, el in ipairs(inlines) do
      if el.t == tag then
        for _, x in ipairs(el.content) do inner[#inner + 1] = x end
        any = true
      elseif el.t == "Space" or el.t == "SoftBreak" then
        inner[#inner + 1] = el
      else
        return nil
      end
    end
    return any and inner or nil
  end

  local function cell_text(c)
    return c.inlines and plain(c.inlines) or ""
  end

  -- A row's role from its first cell: "Summa ..." or "Totalt ..." sums the
  -- rows above, "varav ..." breaks down the row above it (so not right
  -- under a header or group row), Män/Kvinnor the row they divide
  -- (`parent`: the nearest row above that is no such row, a normal one
  -- not itself of Män or Kvinnor; without it they are rows of their own,
  -- which a Totalt under them sums).
  local function gender(t) return t == "män" or t == "kvinnor" or t == "flickor" or t == "pojkar" end
  local function row_role(cells, ncols, in_body, above, parent)
    local first = cells[1]
    if not first then return "normal" end
    local t = norm(cell_text(first))
    if t == "total" or t:match("^summa[%s,:]") or t == "summa" or t:match("^totalt[%s,:]") or t == "totalt" then
      return "sum"
    end
    if (t:match("^varav[%s:]") or t == "varav") and (above == "normal" or above == "sum" or above == "part") then
      return "part"
    end
    if gender(t) and parent then return "sub" end
    if in_body and #cells == 1 and first.cs == ncols and ncols > 1 then return "group" end
    return "normal"
  end

  local function read_rows(tbl)
    local rows = {}
    local function add(r, role)
      local cells = {}
      for _, c in ipairs(r.cells) do
        local blocks = cell_blocks(c)
        cells[#cells + 1] = { rs = c.row_span or 1, cs = c.col_span or 1, blocks = blocks,
                              inlines = cell_inlines(blocks) }
      end
      rows[#rows + 1] = { role = role, cells = cells }
    end
    for _, r in ipairs(tbl.head.rows) do add(r, "header") end
    for _, body in ipairs(tbl.bodies) do
      for _, r in ipairs(body.head) do add(r, "subheader") end
      for _, r in ipairs(body.body) do add(r, "body") end
    end
    for _, r in ipairs(tbl.foot.rows) do add(r, "body") end
    return rows
  end

  -- Each cell's column, rowspans counted; the table's width.
  local function place_cells(rows)
    local busy, ncols = {}, 0
    for _, r in ipairs(rows) do
      local col = 1
      for _, c in ipairs(r.cells) do
        while (busy[col] or 0) > 0 do col = col + 1 end
        c.col = col
        for k = col, col + c.cs - 1 do busy[k] = c.rs end
        col = col + c.cs
        if col - 1 > ncols then ncols = col - 1 end
      end
      r.width_end = col
      for k, v in pairs(busy) do if v > 0 then busy[k] = v - 1 end end
    end
    -- columns a row leaves free (not covered from above): padded with empty cells
    busy = {}
    for _, r in ipairs(rows) do
      local taken = {}
      for k, v in pairs(busy) do if v > 0 then taken[k] = true end end
      for _, c in ipairs(r.cells) do
        for k = c.col, c.col + c.cs - 1 do taken[k] = true end
      end
      for k = 1, ncols do
        if not taken[k] then r.cells[#r.cells + 1] = { rs = 1, cs = 1, blocks = {}, inlines = {}, col = k } end
      end
      table.sort(r.cells, function(a, b) return a.col < b.col end)
      for k, v in pairs(busy) do if v > 0 then busy[k] = v - 1 end end
      for _, c in ipairs(r.cells) do
        for k = c.col, c.col + c.cs - 1 do busy[k] = math.max(busy[k] or 0, c.rs) end
      end
    end
    return ncols
  end

  local dash_cells = { ["-"] = true, ["–"] = true, ["—"] = true, ["i u"] = true, ["i.u."] = true, ["iu"] = true,
                       ["u.i."] = true, ["ej"] = true }

  -- Which columns hold numbers: machine numbers made of the Swedish ones.
  local function number_columns(rows, ncols)
    local cols = {}
    for k = 1, ncols do cols[k] = { numbers = 0, years = 0, other = false, decs = {}, plus = 0, positive = 0, cells = {} } end
    for _, r in ipairs(rows) do
      if r.role ~= "header" and r.role ~= "subheader" and r.role ~= "group" then
        for _, c in ipairs(r.cells) do
          local col = cols[c.col]
          if c.cs == 1 and col then
            local inl = c.inlines and (unwrap_all(c.inlines, "Strong") or unwrap_all(c.inlines, "Emph") or c.inlines)
            local text = inl and plain(inl) or nil
            if text == nil then
              col.other = true
            elseif text ~= "" then
              local num, dec = swedish_number(text)
              local only_text = true
              for _, el in ipairs(inl) do
                if el.t ~= "Str" and el.t ~= "Space" then only_text = false end
              end
              if num and only_text then
                col.numbers = col.numbers + 1
                col.decs[dec] = true
                local v = tonumber(num)
                if dec == 0 and v and v >= 1900 and v <= 2100 and not text:find("%s") then col.years = col.years + 1 end
                if num:sub(1, 1) == "+" then col.plus = col.plus + 1 end
                if v and v > 0 then col.positive = col.positive + 1 end
                c.number = num
                col.cells[#col.cells + 1] = c
              elseif not dash_cells[lower(text)] and not (text:match("%d") and utf8.len(text) and utf8.len(text) <= 24) then
                col.other = true
              end
            end
          end
        end
      end
    end
    for k = 1, ncols do
      local col = cols[k]
      col.is_number = col.numbers > 0 and not col.other and col.years < col.numbers
      local n, d = 0, nil
      for dec in pairs(col.decs) do n = n + 1; d = dec end
      col.decimals = n == 1 and tostring(d) or "as-written"
      -- "+3,9": a column of deviations signs every positive number
      -- (sign="always"); where only some have a plus, those stay as written
      col.sign = col.plus > 0 and col.plus == col.positive
      for _, c in ipairs(col.cells) do
        if c.number:sub(1, 1) == "+" then
          if col.sign then c.number = c.number:sub(2) else c.number = nil end
        end
      end
    end
    return cols
  end

  -- A cell's content: inline text, or paragraphs and lists.
  local function cell_xml(c, number_col)
    if c.number and number_col then return esc(c.number) end
    if c.inlines then
      local st = c.inlines and status_xml(plain(c.inlines))
      if st and c.status then return st end
      return inline_trim(c.inlines)
    end
    return nil
  end

  -- Write pandoc's table `tbl` as a <table> at `depth`, its caption
  -- `caption_inlines` unless it has its own; items[after...] are what
  -- follows it, for its notes. Returns how many of those it took.
  local function emit_table(depth, tbl, caption_inlines, items, after)
    local rows = read_rows(tbl)
    if #rows == 0 then return 0 end
    local ncols = place_cells(rows)
    -- a first row all in bold is the header Word did not mark
    local has_head = false
    for _, r in ipairs(rows) do if r.role == "header" then has_head = true end end
    if not has_head and #rows > 1 then
      local bold = true
      for _, c in ipairs(rows[1].cells) do
        if c.inlines and #c.inlines > 0 and not unwrap_all(c.inlines, "Strong") then bold = false end
        if not c.inlines then bold = false end
      end
      if bold then
        rows[1].role = "header"
        for _, c in ipairs(rows[1].cells) do
          if c.inlines and #c.inlines > 0 then c.inlines = unwrap_all(c.inlines, "Strong") end
        end
      end
    end
    local above, parent
    for _, r in ipairs(rows) do
      if r.role == "body" then r.role = row_role(r.cells, ncols, true, above, parent) end
      above = r.role
      if r.role ~= "sub" then
        local first = r.cells[1]
        parent = r.role == "normal" and first and not gender(norm(cell_text(first))) or nil
      end
    end
    local cols = number_columns(rows, ncols)
    local any_number = false
    for k = 1, ncols do any_number = any_number or cols[k].is_number end
    -- status words alone in their cells
    local statuses_found = 0
    for _, r in ipairs(rows) do
      if r.role ~= "header" and r.role ~= "subheader" then
        for _, c in ipairs(r.cells) do
          if c.inlines and not (c.number and cols[c.col] and cols[c.col].is_number) and status_of(plain(c.inlines)) then
            c.status = true
            statuses_found = statuses_found + 1
          end
        end
      end
    end
    -- the caption: the table's own, or the caption line before it
    local cap = caption_inlines
    local own = tbl.caption and tbl.caption.long and #tbl.caption.long > 0 and tbl.caption.long
    if own then
      local inl = {}
      for _, b in ipairs(own) do
        if b.content then
          if #inl > 0 then inl[#inl + 1] = pandoc.Space() end
          for _, x in ipairs(b.content) do inl[#inl + 1] = x end
        end
      end
      cap = inl
    end
    emit(depth, "<table>")
    if odt and not odt_tables_said and PANDOC_VERSION < { 3 } then
      odt_tables_said = true
      warn(depth + 1, msg("odt-tables", tostring(PANDOC_VERSION)), msg("odt-tables-hint"))
    end
    if statuses_found > 0 then
      note(depth + 1, msg("cell-statuses"))
    end
    if cap and plain(cap) ~= "" then emit(depth + 1, "<caption>" .. inline_trim(cap) .. "</caption>") end
    if any_number then
      emit(depth + 1, "<columns>")
      for k = 1, ncols do
        if cols[k].is_number then
          emit(depth + 2, '<column type="number" decimals="' .. cols[k].decimals .. '"' ..
                          (cols[k].sign and ' sign="always"' or "") .. "/>")
        else
          emit(depth + 2, "<column/>")
        end
      end
      emit(depth + 1, "</columns>")
    end
    local since_sum = 0
    for _, r in ipairs(rows) do
      local attrs = ""
      if r.role ~= "normal" then attrs = ' role="' .. r.role .. '"' end
      if r.role == "sum" and any_number and since_sum > 0 then attrs = attrs .. ' sum-of="above"' end
      if r.role == "normal" then since_sum = since_sum + 1 end
      if r.role == "header" or r.role == "subheader" or r.role == "sum" then since_sum = 0 end
      local cells = {}
      for _, c in ipairs(r.cells) do
        local ca = ""
        if c.cs > 1 then ca = ca .. ' colspan="' .. c.cs .. '"' end
        if c.rs > 1 then ca = ca .. ' rowspan="' .. c.rs .. '"' end
        local x = cell_xml(c, cols[c.col] and cols[c.col].is_number and r.role ~= "header" and
                              r.role ~= "subheader" and r.role ~= "group")
        if x == nil then
          cells[#cells + 1] = { open = "<cell" .. ca .. ">", blocks = c.blocks }
        elseif x == "" then
          cells[#cells + 1] = "<cell" .. ca .. "/>"
        else
          cells[#cells + 1] = "<cell" .. ca .. ">" .. x .. "</cell>"
        end
      end
      local simple = true
      for _, c in ipairs(cells) do if type(c) ~= "string" then simple = false end end
      if simple then
        emit(depth + 1, "<row" .. attrs .. ">" .. table.concat(cells) .. "</row>")
      else
        emit(depth + 1, "<row" .. attrs .. ">")
        for _, c in ipairs(cells) do
          if type(c) == "string" then
            emit(depth + 2, c)
          else
            emit(depth + 2, c.open)
            for _, x in ipairs(c.blocks) do
              if x.t == "Para" or x.t == "Plain" then
                emit_paragraph(depth + 3, x.content)
              elseif x.t == "BulletList" or x.t == "OrderedList" then
                local lost = {}
                emit_list(depth + 3, x, lost)
                if #lost > 0 then warn(depth + 3, msg("cell-list-lost")) end
              else
                local s = esc(plain({ x }))
                warn(depth + 3, msg("cell-block", a_block(x.t)))
                if trim(s) ~= "" then emit(depth + 3, "<p>" .. s .. "</p>") end
              end
            end
            emit(depth + 2, "</cell>")
          end
        end
        emit(depth + 1, "</row>")
      end
    end
    -- notes: "*..." paragraphs right under the table
    local taken = 0
    if items then
      local k = after
      while items[k] and para_text(items[k]) and para_text(items[k]):match("^%*") do
        emit(depth + 1, "<note>" .. inline_trim(items[k].block.content) .. "</note>")
        k = k + 1
        taken = taken + 1
      end
    end
    emit(depth, "</table>")
    return taken
  end

  return emit_table
end
