/// The parser's working state: a token cursor over the lexer and the stack of open blocks.
///
/// Blocks are kept on an explicit stack instead of the call stack, so no input, however deeply
/// nested, can overflow it; the depth cap only limits what reaches the tree.
///
/// Braces alone decide where a block ends, so a balanced file may be indented any way. When
/// they do not balance, `Parser` reads the file again with `closesByIndentation`: then a line
/// indented no deeper than the line that opened an indented block ends that block, as the
/// missing `}` would have, and one forgotten brace is one error instead of every later
/// statement landing in the wrong block.
struct StatementReader {
    private var lexer: Lexer
    private(set) var diagnostics: DiagnosticCollector
    private let file: String
    /// The file every range points into.
    private let fileID: FileID
    private let limits: Limits
    /// Whether indentation ends a block whose `}` is missing (the second reading of a file
    /// whose braces do not balance).
    private let closesByIndentation: Bool
    /// Whether lines indented under an element without a block open one for it, as a
    /// forgotten `{` would have (the second reading of a file where a `}` closed no block).
    private let opensByIndentation: Bool
    /// Set when a `{` was never closed or a `}` closed no block.
    private(set) var bracesUnbalanced = false
    /// Set when a `}` closed no block: a `{` may be missing.
    private(set) var closedMoreThanOpened = false

    private var token: Token
    /// The token after `token`, valid when `hasLookahead`; not an optional, so moving a token
    /// in does not wrap and unwrap it.
    private var lookahead: Token
    private var hasLookahead = false

    /// A `{` whose `}` has not been read yet.
    private struct OpenBlock {
        /// The element that owns the block; nil for a block kept only so braces stay balanced
        /// after an error (its contents are read, reported on and dropped).
        var element: ElementSyntax?
        var brace: Token
        /// Where its statements start in `statements`.
        var firstStatement: Int
        /// `statementCount` when it opened: the statements read until it closes are inside it.
        var countAtOpen: Int
        /// The column of the first token on the line that opens the block; its `}` usually
        /// stands there too.
        var indent: Int
        /// The column of the first statement in the block that starts a line; 0 until one does.
        /// Only a block indented deeper than its opening line can be ended by indentation.
        var bodyIndent = 0
    }

    /// The column of the first token on the current token's line.
    private var lineIndent = 1
    /// Whether the current token is the first on its line.
    private var tokenStartsLine = true
    /// The first `}` that stood at its own line's start but not under the line that opened the
    /// block it closed: when a block is left unclosed, that `}` is where one was most likely
    /// forgotten.
    private var suspiciousClose: (brace: SourceRange, open: SourceRange)?

    private var stack: [OpenBlock] = []
    /// The statements of the file and of every open block, innermost last.
    private let statements = MoveStack<Statement>()
    /// The attributes of the element being read, moved into an exactly sized array at its end
    /// (most elements have none or a few; a reserved or doubled array wasted most of its room).
    private let attributes = MoveStack<AttributeSyntax>()
    private(set) var statementCount = 0
    /// The current statement's first token; its column is worked out only when a list breaks
    /// its line (so a 1 MB line of statements is not counted from its start for each of them;
    /// a statement that far in can go on only on lines indented further still).
    private var statementStart = Token(kind: .newline, start: 0, end: 0, lineStart: 0)
    /// Set when a cap stops the parse (too many statements).
    private var stopped = false
    /// The element just read, when it began its line and has no block: where its line ends and
    /// how far it is indented, for `opensByIndentation`.
    private var lastBlocklessElement: (end: Int, indent: Int, depth: Int)?
    /// The end of the last token before the current one that is not a line break.
    private var previousEnd = 0

    init(lexer: Lexer, source: SourceFile, limits: Limits, diagnostics: DiagnosticCollector, closesByIndentation: Bool = false,
         opensByIndentation: Bool = false) {
        self.lexer = lexer
        self.file = source.path
        self.fileID = source.id
        self.limits = limits
        self.closesByIndentation = closesByIndentation
        self.opensByIndentation = opensByIndentation
        self.diagnostics = diagnostics
        // A line break before the file, so the first token counts as starting its line.
        self.token = Token(kind: .newline, start: 0, end: 0, lineStart: 0)
        self.lookahead = token
    }

    // MARK: File and blocks

    mutating func readFile() -> SyntaxFile {
        readStatements()
        if stopped {
            // A cap stopped the parse: keep what was read, without piling on unclosed-block errors.
            while !stack.isEmpty { finishBlock(closedBy: token) }
        } else {
            closeUnclosedBlocks()
        }
        return SyntaxFile(path: file, statements: statements.take(from: 0), trivia: lexer.trivia)
    }

    /// Reads statements until the end of the input or a cap stops it.
    private mutating func readStatements() {
        advance()
        while !stopped {
            switch token.kind {
            case .newline, .semicolon:
                advance()
            case .end:
                return
            case .rightBrace:
                if closesByIndentation, tokenStartsLine { closeBlocksEndedByIndentation(atBrace: true) }
                closeBlock()
            case .identifier:
                if closesByIndentation, tokenStartsLine {
                    closeBlocksEndedByIndentation(atBrace: false)
                    if opensByIndentation { openBlockWithoutBrace() }
                }
                readStatement()
            case .leftBrace:
                misplacedBrace()
            default:
                error(.unexpectedToken, "expected a statement (an element, 'name: value' or 'a -> b'), found \(describe(token))", at: token)
                recover()
                if token.kind == .leftBrace { openBlock(for: nil) }
            }
        }
    }

    private mutating func closeBlock() {
        guard !stack.isEmpty else {
            bracesUnbalanced = true
            closedMoreThanOpened = true
            error(.unmatchedCloseBrace, "this '}' closes no block", at: token)
            advance()
            return
        }
        if let block = stack.last, tokenStartsLine, lineIndent != block.indent, suspiciousClose == nil {
            suspiciousClose = (range(token), range(block.brace))
        }
        finishBlock(closedBy: token)
        advance()
    }

    /// Pops the innermost block, ending it at `closer`, and hands its element to the enclosing one.
    private mutating func finishBlock(closedBy closer: Token) {
        let block = stack.removeLast()
        close(block, children: statements.take(from: block.firstStatement), closedBy: closer)
    }

    /// Gives `block`'s element its body of `children`, ending at `closer`, and hands the element
    /// to the enclosing block.
    private mutating func close(_ block: OpenBlock, children: [Statement], closedBy closer: Token) {
        guard let parts = block.element else { return }
        let end = max(closer.end, block.brace.end)
        // A new element from the parts rather than the block set on the open one: the open
        // block still holds that one, so setting its body copied its storage.
        append(.element(ElementSyntax(keyword: parts.keyword, id: parts.id, label: parts.label, attributes: parts.attributes,
                                      flags: parts.flags,
                                      body: BlockSyntax(statements: children, range: range(block.brace.start, end),
                                                        nestedCount: statementCount - block.countAtOpen))))
    }

    private mutating func closeUnclosedBlocks() {
        if !stack.isEmpty { bracesUnbalanced = true }
        for (index, block) in stack.enumerated() {
            var notes: [(String, SourceRange?)] = []
            if index == stack.count - 1, let suspicious = suspiciousClose {
                let openLine = diagnostics.sources.span(suspicious.open).start.line
                notes.append(("perhaps a '}' is missing before this one: it is not lined up with line \(openLine), whose block it closes", suspicious.brace))
            }
            diagnostics.error(.unclosedBlock, Self.unclosedMessage, at: range(block.brace), notes: notes)
        }
        while !stack.isEmpty { finishBlock(closedBy: token) }
    }

    private static let unclosedMessage = "this '{' is never closed; add a '}' at the end of its block"

    /// Ends the innermost blocks that the current line, by its indentation, stands outside of:
    /// a statement indented no deeper than the line that opened an indented block, or a `}`
    /// (`atBrace`) indented less than that line. Each is reported as unclosed, with a note at
    /// the line where its `}` is missing, and ends at the start of that line.
    private mutating func closeBlocksEndedByIndentation(atBrace: Bool) {
        while let block = stack.last {
            let ended = atBrace ? lineIndent < block.indent : block.bodyIndent > block.indent && lineIndent <= block.indent
            guard ended else { break }
            let openLine = diagnostics.sources.span(range(block.brace)).start.line
            let note = atBrace
                ? "perhaps a '}' is missing before this one: it is indented less than line \(openLine), so it closes an outer block"
                : "perhaps a '}' is missing before this line: it is indented no deeper than line \(openLine), so it stands outside that block"
            diagnostics.error(.unclosedBlock, Self.unclosedMessage, at: range(block.brace), notes: [(note, range(token))])
            finishBlock(closedBy: Token(kind: .rightBrace, start: token.lineStart, end: token.lineStart, lineStart: token.lineStart))
        }
        if !atBrace, !stack.isEmpty, stack[stack.count - 1].bodyIndent == 0 { stack[stack.count - 1].bodyIndent = lineIndent }
    }

    /// Opens a block for the element on the line above when the current line is indented under
    /// it and that element has none: its `{` was forgotten (`persona buyer "Покупатель"` over
    /// indented `goal …` lines). Reported once, at the end of that line, where the `{` belongs.
    private mutating func openBlockWithoutBrace() {
        guard let element = lastBlocklessElement, element.depth == stack.count, lineIndent > element.indent,
              statements.count > (stack.last?.firstStatement ?? 0), case .element(let previous)? = statements.last else { return }
        lastBlocklessElement = nil
        statements.removeLast()
        let brace = Token(kind: .leftBrace, start: element.end, end: element.end, lineStart: element.end)
        diagnostics.error(.unmatchedCloseBrace, "this '\(previous.keyword.name)' has no '{', but the lines below are indented under it; add '{' at the end of this line",
                          at: range(brace))
        var block = OpenBlock(element: previous, brace: brace, firstStatement: statements.count, countAtOpen: statementCount, indent: element.indent)
        block.bodyIndent = lineIndent
        stack.append(block)
    }

    /// Opens the block at the current `{` for `element` (nil: a block read only to keep braces
    /// balanced), or skips the whole nest when it would be deeper than the cap.
    private mutating func openBlock(for element: consuming ElementSyntax?) {
        let brace = token
        if stack.count >= limits.maxNestingDepth {
            error(.nestingTooDeep, "blocks are nested more than \(limits.maxNestingDepth) deep here; the limit is \(limits.maxNestingDepth)", at: brace)
            skipNest()
            if var skipped = element.take() {
                skipped.body = BlockSyntax(statements: [], range: range(brace.start, brace.end), nestedCount: 0)
                append(.element(skipped))
            }
            return
        }
        stack.append(OpenBlock(element: element, brace: brace, firstStatement: statements.count, countAtOpen: statementCount, indent: lineIndent))
        advance()
    }

    /// Moves past the block opening at the current `{` and everything nested in it.
    private mutating func skipNest() {
        var depth = 0
        repeat {
            switch token.kind {
            case .leftBrace: depth += 1
            case .rightBrace: depth -= 1
            case .end: return
            default: break
            }
            advance()
        } while depth > 0
    }

    /// A `{` at the start of a statement: most likely it belongs to the element on the line above.
    private mutating func misplacedBrace() {
        error(.unexpectedToken, "a '{' must stand on the same line as its element; move it up to the end of the previous line", at: token)
        let firstInBlock = stack.last?.firstStatement ?? 0
        if statements.count > firstInBlock, case .element(let previous)? = statements.last, previous.body == nil {
            statements.removeLast()
            openBlock(for: previous)
        } else {
            openBlock(for: nil)
        }
    }

    private func append(_ statement: consuming Statement) {
        statements.append(statement)
    }

    // MARK: Statements

    private mutating func readStatement() {
        statementCount += 1
        statementStart = token
        lastBlocklessElement = nil
        if statementCount > limits.maxElements {
            error(.tooManyElements, "the file has more than \(limits.maxElements) statements; the limit is \(limits.maxElements)", at: token)
            stopped = true
            return
        }
        switch peekKind() {
        case .colon: readProperty()
        case .arrow, .dot: readEdge()
        default: readElement()
        }
    }

    private mutating func readProperty() {
        guard let property = readAttribute() else {
            recoverAfterStatement()
            return
        }
        append(.property(property))
        expectStatementEnd()
    }

    private mutating func readEdge() {
        guard let from = readReference() else {
            recoverAfterStatement()
            return
        }
        guard token.kind == .arrow else {
            error(.unexpectedToken, "expected '->' after '\(from.text)', found \(describe(token))", at: token)
            recoverAfterStatement()
            return
        }
        advance()
        var targets: [ReferenceSyntax] = []
        while true {
            guard token.kind == .identifier else {
                error(.unexpectedToken, "expected the name of an element after '\(targets.isEmpty ? "->" : ",")', found \(describe(token))", at: token)
                recoverAfterStatement()
                return
            }
            guard let target = readReference() else {
                recoverAfterStatement()
                return
            }
            targets.append(target)
            guard token.kind == .comma else { break }
            advance()
            skipLineBreakAfterComma()
        }
        var end = targets[targets.count - 1].range.endOffset
        var label: StringLiteral?
        if token.kind == .string {
            label = stringLiteral()
            end = token.end
            advance()
        }
        var attributes: [AttributeSyntax] = []
        while token.kind == .identifier {
            guard peekKind() == .colon else {
                error(.unexpectedToken, "expected 'name: value' after the edge, found \(describe(token)); edges take no flags", at: token)
                recoverAfterStatement()
                return
            }
            guard let attribute = readAttribute() else {
                recoverAfterStatement()
                return
            }
            attributes.append(attribute)
            end = attribute.value.range.endOffset
        }
        if token.kind == .string {
            error(.unexpectedToken, "an edge has at most one label; found a second string", at: token)
            recoverAfterStatement()
            return
        }
        append(.edge(EdgeSyntax(from: from, targets: targets, label: label, attributes: attributes, range: range(from.range.startOffset, end))))
        expectStatementEnd()
    }

    private mutating func readElement() {
        let keyword = identifier()
        advance()
        // The parts are kept apart and the element made once at the end: appending a finished
        // local moves it, while a mutated `var` element was copied (a retain for each of its
        // strings and arrays) and then destroyed.
        var id: Identifier?
        var label: StringLiteral?
        var flags: [Identifier] = []
        while true {
            switch token.kind {
            case .newline, .semicolon, .rightBrace, .end:
                if opensByIndentation, token.kind == .newline, lexer.column(of: statementStart) == lineIndent {
                    lastBlocklessElement = (previousEnd, lineIndent, stack.count)
                }
                append(.element(ElementSyntax(keyword: keyword, id: id, label: label, attributes: attributes.take(from: 0), flags: flags)))
                return
            case .leftBrace:
                openBlock(for: ElementSyntax(keyword: keyword, id: id, label: label, attributes: attributes.take(from: 0), flags: flags))
                return
            case .strayQuote:
                // `phase buy Покупка"`: the words before the quote are the label.
                let words = flags.first?.range ?? (label == nil ? id?.range : nil)
                guard let words, label == nil else {
                    error(.unterminatedString, "this '\"' closes no string", at: token)
                    advance()
                    continue
                }
                let text = lexer.text(words.startOffset, token.start)
                diagnostics.error(.unterminatedString, "this label has no opening '\"'; add one before its first word", at: range(words.startOffset, token.end))
                label = StringLiteral(text, range: range(words.startOffset, token.end))
                if flags.isEmpty { id = nil } else { flags.removeAll() }
                advance()
            case .string:
                if let label {
                    error(.unexpectedToken, "'\(keyword.name)' already has the label \"\(label.value)\"; an element has at most one label", at: token)
                    recover()
                } else {
                    label = stringLiteral()
                    advance()
                }
            case .identifier:
                if peekKind() == .colon {
                    if let attribute = readAttribute() {
                        attributes.append(attribute)
                    } else {
                        recover()
                    }
                } else {
                    if id == nil {
                        id = identifier()
                    } else {
                        flags.append(identifier())
                    }
                    advance()
                }
            default:
                var hint = ""
                if token.kind == .number || token.kind == .percent, case .number? = attributes.last?.value {
                    hint = "; a number's digits are grouped in threes (1 570, 85 000), and two numbers cannot stand side by side"
                }
                error(.unexpectedToken, "expected an id, a label, 'name: value', a flag or '{' after '\(keyword.name)', found \(describe(token))\(hint)", at: token)
                recover()
            }
        }
    }

    // MARK: Values

    /// `name: value`, starting at the name (the caller has seen the colon after it).
    private mutating func readAttribute() -> AttributeSyntax? {
        let name = identifier()
        advance()
        advance()
        guard let value = readValue(after: name) else { return nil }
        return AttributeSyntax(name: name, value: value)
    }

    /// The value after `name:`; a comma makes a list, and a line may break after a comma.
    private mutating func readValue(after name: Identifier) -> ValueSyntax? {
        guard let first = readSingleValue(after: name) else { return nil }
        guard token.kind == .comma else { return first }
        var items = [first]
        while token.kind == .comma {
            advance()
            skipLineBreakAfterComma()
            guard let item = readSingleValue(after: name) else { return nil }
            items.append(item)
        }
        return .list(items, range: first.range.extended(to: items[items.count - 1].range))
    }

    private mutating func readSingleValue(after name: Identifier) -> ValueSyntax? {
        let here = token
        switch here.kind {
        case .identifier:
            return readReference().map(ValueSyntax.reference)
        case .string:
            let literal = stringLiteral()
            advance()
            return .string(literal)
        case .number, .percent:
            advance()
            if let currency = here.currency { return .money(value: here.number, currency: currency, range: range(here)) }
            return .number(value: here.number, isPercent: here.kind == .percent, range: range(here))
        case .duration:
            advance()
            return .duration(value: here.number, unit: here.unit, range: range(here))
        default:
            error(.unexpectedToken, "expected a value after '\(name.name):', found \(describe(here))", at: here)
            return nil
        }
    }

    /// `a`, `a.b`, `a.b.c`, starting at the current identifier.
    private mutating func readReference() -> ReferenceSyntax? {
        let start = token.start
        var end = token.end
        let first = lexer.text(of: token)
        var rest: [String] = []
        advance()
        while token.kind == .dot {
            advance()
            guard token.kind == .identifier else {
                error(.unexpectedToken, "expected a name after '.', found \(describe(token))", at: token)
                return nil
            }
            rest.append(lexer.text(of: token))
            end = token.end
            advance()
        }
        return ReferenceSyntax(first: first, rest: rest, range: range(start, end))
    }

    /// The current string token as a literal, reporting it when it is over the length cap.
    private mutating func stringLiteral() -> StringLiteral {
        let text = lexer.text(of: token)
        // A string has no more characters than its source has bytes between the quotes (or after
        // the opening one, when it is unterminated): count them only past that.
        if token.end - token.start - 1 > limits.maxLabelLength {
            let length = text.unicodeScalars.count
            if length > limits.maxLabelLength {
                error(.labelTooLong, "this string is \(length) characters long; the limit is \(limits.maxLabelLength)", at: token)
            }
        }
        return StringLiteral(text, range: range(token))
    }

    private func identifier() -> Identifier {
        Identifier(lexer.text(of: token), range: range(token))
    }

    /// How `token` reads in an "expected ..., found ..." message.
    private func describe(_ token: Token) -> String {
        token.description(text: lexer.text(of: token))
    }

    // MARK: Statement ends and recovery

    private mutating func expectStatementEnd() {
        switch token.kind {
        case .newline, .semicolon, .rightBrace, .end:
            return
        default:
            let what = token.kind == .leftBrace ? "; only elements take a block" : ""
            error(.unexpectedToken, "expected the end of the statement, found \(describe(token))\(what)", at: token)
            recoverAfterStatement()
        }
    }

    /// Skips to where the next statement may start, leaving a `{` in place for the caller.
    private mutating func recover() {
        while true {
            switch token.kind {
            case .newline, .semicolon, .rightBrace, .end, .leftBrace: return
            default: advance()
            }
        }
    }

    /// Like `recover`, then reads a `{` there as a block kept only for brace balance.
    private mutating func recoverAfterStatement() {
        recover()
        if token.kind == .leftBrace { openBlock(for: nil) }
    }

    /// After a comma a list may go on on the next line, when that line is indented deeper than
    /// the statement; a line at the statement's own indentation is the next statement, and the
    /// comma before it a typo that should be reported, not a reason to swallow that statement.
    private mutating func skipLineBreakAfterComma() {
        guard token.kind == .newline else { return }
        let next = peekKind()
        if next != .newline, next != .end, lexer.column(of: lookahead) > lexer.column(of: statementStart) { advance() }
    }

    // MARK: Tokens

    private mutating func advance() {
        if token.kind != .newline { previousEnd = token.end }
        tokenStartsLine = token.kind == .newline
        if hasLookahead {
            token = lookahead
            hasLookahead = false
        } else {
            token = lexer.next(&diagnostics)
        }
        if tokenStartsLine { lineIndent = lexer.column(of: token) }
    }

    /// The kind of the token after the current one.
    private mutating func peekKind() -> TokenKind {
        if !hasLookahead {
            lookahead = lexer.next(&diagnostics)
            hasLookahead = true
        }
        return lookahead.kind
    }

    private func range(_ start: Int, _ end: Int) -> SourceRange {
        SourceRange(file: fileID, startOffset: start, endOffset: end)
    }

    private func range(_ token: Token) -> SourceRange {
        range(token.start, token.end)
    }

    private mutating func error(_ code: DiagnosticCode, _ message: String, at token: Token) {
        diagnostics.error(code, message, at: range(token))
    }
}
