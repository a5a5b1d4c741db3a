import CNcursesw

extension NcursesBackend {
    /// Writes the cells that differ from the previous frame, then sends them in one `doupdate`.
    ///
    /// After a resize (or a frame of another size) every cell is written and curses is told to repaint the
    /// whole screen, since what the terminal shows after a resize is unknown. Curses never sees a `clear()`:
    /// it would blank the screen on every frame and flicker over slow links.
    public func draw(_ buffer: CellBuffer) {
        guard !isRestored else { return }
        let old = previous.flatMap { $0.size == buffer.size && $0.size == size ? $0 : nil }
        if old == nil { clearok(window, true) }
        let rows = min(buffer.height, size.rows)
        let columns = min(buffer.width, size.columns)
        for y in 0..<rows {
            var x = 0
            while x < columns {
                let cell = buffer[x, y]
                // A continuation cell belongs to the wide character before it; a stray one is drawn as a blank.
                let wide =
                    x + 1 < buffer.width && buffer[x + 1, y].isContinuation && DisplayWidth.of(cell.character) == 2
                let span = wide ? 2 : 1
                let changed = old.map { old in (x..<x + span).contains { old[$0, y] != buffer[$0, y] } } ?? true
                if changed {
                    write(cell, y: y, x: x, columns: wide && x + 1 < columns ? 2 : 1)
                }
                x += span
            }
        }
        previous = buffer
        wnoutrefresh(window)
        doupdate()
    }

    /// Puts one cell on curses' screen, filling `columns` columns (2 for a wide character).
    ///
    /// Only characters libc agrees on are handed to curses: one whose width libc sees differently from
    /// `DisplayWidth` would shift the rest of the row, so it becomes `?` (or, when libc finds a wide character
    /// narrow, is followed by a space). Outside a UTF-8 locale anything non-ASCII becomes `?`.
    private func write(_ cell: Cell, y: Int, x: Int, columns: Int) {
        let style = styles[Int(cell.role.rawValue)]
        let scalars = Array(cell.character.unicodeScalars)
        let base = scalars.first.map { wchar_t(bitPattern: $0.value) } ?? 0x20
        let libcWidth = utf8 || base < 0x80 ? Int(cnc_wcwidth(base)) : -1
        let usable = libcWidth >= 1 && libcWidth <= columns
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: Int(CCHARW_MAX) + 1) { text in
            var count = 0
            if usable {
                for scalar in scalars where count < Int(CCHARW_MAX) {
                    let value = wchar_t(bitPattern: scalar.value)
                    // Only marks that combine (width 0) join the base; a ZWJ sequence is cut to its first emoji.
                    if count > 0 && cnc_wcwidth(value) != 0 { break }
                    text[count] = value
                    count += 1
                }
            } else {
                text[0] = wchar_t(UInt8(ascii: "?"))
                count = 1
            }
            text[count] = 0
            put(text.baseAddress!, style: style, y: y, x: x)
        }
        if columns == 2 && (!usable || libcWidth == 1) {
            withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: 2) { space in
                space[0] = 0x20
                space[1] = 0
                put(space.baseAddress!, style: style, y: y, x: x + 1)
            }
        }
    }

    private func put(_ text: UnsafePointer<wchar_t>, style: (attributes: attr_t, pair: Int16), y: Int, x: Int) {
        var character = cchar_t()
        guard setcchar(&character, text, style.attributes, style.pair, nil) == OK else { return }
        // At the bottom-right cell the cursor cannot advance and curses reports ERR, but the character is stored
        // and drawn without scrolling (scrollok is off), so the result is ignored.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &character)
    }
}
