/// A path as it can be pasted into a POSIX shell in a suggested command.
enum ShellWord {
    /// `path` unchanged when every character is safe unquoted (letters of any script, digits,
    /// `_ . / - + , : @ %`), else in single quotes with `'` written as `'\''`.
    static func quoted(_ path: String) -> String {
        let safe = !path.isEmpty && path.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_./-+,:@%".unicodeScalars.contains(scalar)
        }
        return safe ? path : "'" + path.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}
