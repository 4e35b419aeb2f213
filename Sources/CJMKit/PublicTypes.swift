import CJMGraphviz
import CJMModel
import CJMSyntax

/// The file formats `cjm render` writes (re-exported so the CLI needs only CJMKit).
public typealias OutputFormat = CJMGraphviz.OutputFormat
/// The built-in themes (re-exported so the CLI needs only CJMKit).
public typealias ThemeName = CJMModel.ThemeName
/// A `--paper`/`--tile` sheet (re-exported so the CLI needs only CJMKit).
public typealias PaperSize = CJMGraphviz.PaperSize
/// What `--paper`, `--tile` and `--landscape`/`--portrait` ask for.
public typealias PageSetup = CJMGraphviz.PageSetup
/// The loaded Graphviz's version, for `cjm --version` (re-exported so the CLI needs only CJMKit).
public typealias GraphvizVersion = CJMGraphviz.GraphvizVersion
/// "Did you mean" for command names, the same as for names in a journey (re-exported).
public typealias NameSuggestion = CJMSyntax.NameSuggestion
/// `--direction` (re-exported so the CLI needs only CJMKit).
public typealias MapDirection = CJMModel.MapDirection
/// `--legend` (re-exported so the CLI needs only CJMKit).
public typealias LegendPlacement = CJMModel.LegendPlacement
