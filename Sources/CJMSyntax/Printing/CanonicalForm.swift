/// The one canonical text of a journey file, as `cjm fmt` writes it.
///
/// The rules, with no options (the README lists them for users):
/// - Two spaces per block level, one statement per line; `;`-joined statements and one-line
///   blocks are spread over lines; a block opens with ` {` on its element's line and closes
///   with `}` on a line of its own; a block with nothing inside is written `{}`.
/// - An element reads `KEYWORD id "Label" flags attributes {`; flags and attributes keep the
///   order written, since that order is the author's (and never changes meaning).
/// - Strings, numbers, percentages and durations are kept exactly as written; references are
///   written without spaces around their dots; an edge reads `a -> b, c "label" attributes`.
/// - In a run of sibling elements, with no blank line, comment line or edge between them and
///   none holding blocks within its block (those stand alone), labels start in one column and what follows the labels starts in another, unless
///   that padding alone pushes a line past `lineWidth` columns.
/// - Every comment is kept, on the statement it was written next to: a comment on a line of
///   its own stays above the statement that follows it, one at the end of a line stays at the
///   end of that statement's line (after two spaces). Trailing spaces are dropped.
/// - A run of blank lines between statements becomes one; blank lines at the start or end of
///   a block or the file go. Lines end in `\n`, and so does the file.
///
/// The text is only as meaningful as the tree: give it a tree that parsed without errors,
/// or parts that failed to parse are missing from the result.
public enum CanonicalForm {
    /// The width that column padding never pushes a line past.
    public static let lineWidth = 100

    /// The canonical text of `syntax`, which must have been parsed from `source`.
    public static func text(of syntax: SyntaxFile, source: SourceFile) -> String {
        var printer = CanonicalPrinter(source: source, trivia: syntax.trivia)
        return printer.text(of: syntax.statements)
    }
}
