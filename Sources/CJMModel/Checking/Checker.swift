import CJMSyntax
