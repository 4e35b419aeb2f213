import CJMModel
import CJMViewGraph
