import CJMSyntax
import CJMModel
import CJMViewGraph
import CJMMaps
import CJMGraphviz
