import CJMGraphviz
import CJMModel

/// The file formats `cjm render` writes (re-exported so the CLI needs only CJMKit).
public typealias OutputFormat = CJMGraphviz.OutputFormat
/// The built-in themes (re-exported so the CLI needs only CJMKit).
public typealias ThemeName = CJMModel.ThemeName
