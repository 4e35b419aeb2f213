import CJMGraphviz
import CJMModel
import CJMSyntax

/// The file formats `cjm render` writes (re-exported so the CLI needs only CJMKit).
public typealias OutputFormat = CJMGraphviz.OutputFormat
/// The built-in themes (re-exported so the CLI needs only CJMKit).
public typealias ThemeName = CJMModel.ThemeName
/// The loaded Graphviz's version, for `cjm --version` (re-exported so the CLI needs only CJMKit).
public typealias GraphvizVersion = CJMGraphviz.GraphvizVersion
/// "Did you mean" for command names, the same as for names in a journey (re-exported).
public typealias NameSuggestion = CJMSyntax.NameSuggestion
