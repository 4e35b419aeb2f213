"""Tokenizes files with a TextMate grammar through textmate-grammar-python (a port of
vscode-textmate on the Oniguruma engine) and prints one JSON line per token:
[file, line, column, text, [scopes below the grammar's own]]."""
import json
import logging
import sys

logging.disable(logging.WARNING)  # it logs every unmatched run of text inside strings
from textmate_grammar.parsers.base import LanguageParser

grammar = json.load(open(sys.argv[1], encoding="utf-8"))
parser = LanguageParser(grammar)
for path in sys.argv[2:]:
    element = parser.parse_string(open(path, encoding="utf-8").read())
    for (line, column), text, scopes in element.flatten():
        print(json.dumps([path, line, column, text, scopes[1:]], ensure_ascii=False))
