/// The command line's `FILE|DIR...`: folders stand for the `.cjm` files directly inside them.
enum InputList {
    static func expand(_ arguments: [String]) -> [String] {
        arguments.flatMap { argument in
            argument != "-" && FilePath.isDirectory(argument) ? FilePath.journeys(in: argument) : [argument]
        }
    }

    /// `cjm render`'s inputs: journeys, and Markdown documents with maps embedded in them (a
    /// `.md` or `.markdown` file named, or found directly inside a folder named).
    static func journeysAndDocuments(_ arguments: [String]) -> (journeys: [String], documents: [String]) {
        var journeys: [String] = []
        var documents: [String] = []
        for argument in arguments {
            if argument != "-", FilePath.isDirectory(argument) {
                journeys += FilePath.journeys(in: argument)
                documents += FilePath.markdownDocuments(in: argument)
            } else if FilePath.isMarkdown(argument) {
                documents.append(argument)
            } else {
                journeys.append(argument)
            }
        }
        return (journeys, documents)
    }

    /// `cjm md`'s inputs: documents as named, folders for the Markdown documents directly inside.
    static func documents(_ arguments: [String]) -> [String] {
        arguments.flatMap { argument in
            FilePath.isDirectory(argument) ? FilePath.markdownDocuments(in: argument) : [argument]
        }
    }

    /// The error for a Markdown document named where a journey is read (`cjm check doc.md`):
    /// read as a journey, its prose would only give "unexpected character" errors. Nil for
    /// any other path.
    static func markdownRefusal(_ path: String) -> String? {
        guard path != "-", FilePath.isMarkdown(path) else { return nil }
        let word = ShellWord.quoted(path)
        return "cjm: error: \(path) is a Markdown document, not a journey; `cjm md \(word)` renders the maps written in it "
            + "(`cjm md --check \(word)` checks them and writes nothing)"
    }
}
