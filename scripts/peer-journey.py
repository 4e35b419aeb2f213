#!/usr/bin/env python3
"""Writes a journey as the peers of the benchmark would draw it: naive hand-written DOT for
Graphviz's `dot`, or D2 for `d2 --layout elk`. For comparisons only; cjm does not use it.

    scripts/peer-journey.py journey.cjm --to dot > journey.dot
    scripts/peer-journey.py journey.cjm --to d2 > journey.d2

"Naive" means what a person would write by hand: one cluster (container) per block, one box
per element with the same text as cjm's map, every flow of SPEC §2 as an edge with its
label, and no layout hints. It reads the one-statement-per-line files that
scripts/generate-journey.py writes (and the templates' simple lines); it is not a cjm parser.
"""

import argparse
import re
import sys

TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|(->)|([{}])|([^\s{}",]+:)|([^\s{}",]+)|,')


def tokens(line):
    out = []
    for match in TOKEN.finditer(line):
        quoted, arrow, brace, key, word = match.groups()
        if quoted is not None:
            out.append(("str", quoted.replace('\\"', '"').replace("\\\\", "\\")))
        elif arrow:
            out.append(("arrow", arrow))
        elif brace:
            out.append(("brace", brace))
        elif key:
            out.append(("key", key[:-1]))
        elif word:
            out.append(("word", word))
    return out


def without_comment(line):
    """The line up to a `#` outside quotes."""
    quoted = False
    for index, char in enumerate(line):
        if char == '"' and (index == 0 or line[index - 1] != "\\"):
            quoted = not quoted
        elif char == "#" and not quoted:
            return line[:index]
    return line


class Element:
    def __init__(self, keyword, ident, label, attrs, flags, parent):
        self.keyword, self.ident, self.label, self.attrs, self.flags = keyword, ident, label, attrs, flags
        self.parent, self.children = parent, []

    def path(self):
        parts, node = [], self
        while node is not None and node.keyword != "journey":
            if node.ident:
                parts.append(node.ident)
            node = node.parent
        return ".".join(reversed(parts))


def parse(text):
    root = Element("journey", None, "", {}, set(), None)
    stack = [root]
    edges = []
    counters = {}
    for raw in text.splitlines():
        line = without_comment(raw).strip()
        if not line:
            continue
        parts = tokens(line)
        while parts:
            kind, value = parts[0]
            if kind == "brace" and value == "}":
                stack.pop()
                parts = parts[1:]
                continue
            if len(parts) > 1 and parts[1][0] == "arrow" and stack[-1].keyword == "journey":
                label = parts[3][1] if len(parts) > 3 and parts[3][0] == "str" else ""
                edges.append((parts[0][1], parts[2][1], label))
                break
            if value == "convert":
                stack[-1].attrs["convert"] = [v for k, v in parts[2:] if k == "word"]
                break
            if value == "cross_sell":
                stack[-1].attrs.setdefault("cross_sell", []).append(parts[1][1])
                break
            keyword = value
            rest = parts[1:]
            ident = label = None
            if rest and rest[0][0] == "word" and keyword not in ("journey", "query"):
                ident = rest[0][1]
                rest = rest[1:]
            if rest and rest[0][0] == "str":
                label = rest[0][1]
                rest = rest[1:]
            attrs, flags, opens = {}, set(), False
            i = 0
            while i < len(rest):
                k, v = rest[i]
                if k == "key" and i + 1 < len(rest):
                    attrs[v] = rest[i + 1][1]
                    i += 2
                    continue
                if k == "brace" and v == "{":
                    opens = True
                    i += 1
                    break
                if k == "word":
                    flags.add(v)
                i += 1
            if keyword == "journey":
                root.label = label or ""
                parts = []
                continue
            if ident is None and keyword in ("auto", "campaign", "group", "ad", "leads", "site", "crm"):
                counters[keyword] = counters.get(keyword, 0) + 1
                ident = f"{keyword}{counters[keyword]}"
            element = Element(keyword, ident, label if label is not None else (ident or ""), attrs, flags, stack[-1])
            stack[-1].children.append(element)
            parts = rest[i:] if opens else []
            if opens:
                stack.append(element)
    return root, edges


def count_line(element):
    return [f"{int(element.attrs['count']):,}".replace(",", " ")] if "count" in element.attrs else []


def node_text(element):
    lines = [element.label] + count_line(element)
    if element.keyword == "ad":
        lines += ["• " + q.label + (f" — {q.attrs['count']}" if "count" in q.attrs else "") for q in element.children if q.keyword == "query"]
    if element.keyword == "page" and "url" in element.attrs:
        lines.insert(1, element.attrs["url"])
    return lines


class Journey:
    """The elements by path, the flows of SPEC §2 between them, and the blocks."""

    def __init__(self, root, written):
        self.root = root
        self.by_path, self.nodes, self.flows = {}, [], []
        self.blocks = [c for c in root.children if c.keyword in ("crm", "channel", "leads", "pipeline", "site", "ads", "touchpoint")]
        for element in self.walk(root):
            if element.keyword in ("crm", "channel", "stage", "auto", "page", "ad", "touchpoint"):
                self.by_path[element.path()] = element
                self.nodes.append(element)
        self.implied()
        for a, b, label in written:
            source, target = self.resolve(a), self.resolve(b)
            if source is not None and target is not None:
                self.flows.append((source, target, label))

    def walk(self, element):
        for child in element.children:
            yield child
            yield from self.walk(child)

    def resolve(self, reference):
        if reference in self.by_path:
            return self.by_path[reference]
        matches = [e for p, e in self.by_path.items() if p == reference or p.endswith("." + reference)]
        return matches[0] if len(matches) == 1 else None

    def implied(self):
        top = self.root.children
        crm = next((c for c in top if c.keyword == "crm"), None)
        leads = next((c for c in top if c.keyword == "leads"), None)
        pipelines = [c for c in top if c.keyword == "pipeline"]
        lead_stages = [s for s in leads.children if s.keyword == "stage"] if leads else []
        for channel in (c for c in top if c.keyword == "channel"):
            mode = channel.attrs.get("crm", "auto")
            target = crm or (lead_stages[0] if lead_stages else None)
            if mode != "none" and target is not None:
                self.flows.append((channel, target, "вручную" if mode == "manual" else ""))
        if crm and lead_stages:
            self.flows.append((crm, lead_stages[0], ""))
        for block in ([leads] if leads else []) + pipelines:
            last_open = None
            stages = [s for s in block.children if s.keyword == "stage"]
            for stage in stages:
                terminal = "won" in stage.flags or "lost" in stage.flags
                if terminal:
                    origin = next((s for s in stages if s.ident == stage.attrs.get("from")), last_open)
                    if origin is not None:
                        self.flows.append((origin, stage, ""))
                else:
                    if last_open is not None:
                        self.flows.append((last_open, stage, ""))
                    last_open = stage
                for auto in (a for a in stage.children if a.keyword == "auto"):
                    self.flows.append((stage, auto, ""))
            block.last_open = last_open
            block.first = stages[0] if stages else None
        if leads and leads.last_open:
            names = leads.attrs.get("convert") or [p.ident for p in pipelines]
            for pipeline in pipelines:
                if pipeline.ident in names and pipeline.first:
                    self.flows.append((leads.last_open, pipeline.first, ""))
        for pipeline in pipelines:
            for other in pipeline.attrs.get("cross_sell", []):
                target = next((p for p in pipelines if p.ident == other), None)
                if target and pipeline.last_open and target.first:
                    self.flows.append((pipeline.last_open, target.first, "кросс-продажа"))
        for element in self.nodes:
            if element.keyword == "ad" and "landing" in element.attrs:
                page = self.resolve(element.attrs["landing"])
                if page:
                    self.flows.append((element, page, ""))
            if element.keyword == "touchpoint" and "channel" in element.attrs:
                channel = self.resolve(element.attrs["channel"])
                if channel:
                    self.flows.append((channel, element, ""))


def quote(text):
    """A double-quoted string for DOT and D2, line breaks as `\\n`."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def write_dot(journey, out):
    names = {id(e): f"n{i + 1}" for i, e in enumerate(journey.nodes)}
    out.write(f"digraph journey {{\n  rankdir=LR;\n  label={quote(journey.root.label)}; labelloc=t;\n")
    out.write('  node [shape=box, style="rounded,filled", fillcolor=white, fontname="DejaVu Sans"];\n')
    out.write('  edge [fontname="DejaVu Sans"];\n')
    cluster = [0]

    def block(element, title, members, depth=1):
        cluster[0] += 1
        pad = "  " * depth
        out.write(f"{pad}subgraph cluster_{cluster[0]} {{\n{pad}  label={quote(title)};\n")
        for member in members:
            if isinstance(member, tuple):
                block(*member, depth=depth + 1)
            else:
                out.write(f"{pad}  {names[id(member)]} [label={quote(chr(10).join(node_text(member)))}];\n")
        out.write(f"{pad}}}\n")

    channels = [b for b in journey.blocks if b.keyword == "channel"]
    if channels:
        block(None, "Каналы", channels)
    for b in journey.blocks:
        if b.keyword == "crm":
            block(b, "CRM", [b])
        elif b.keyword == "leads":
            block(b, b.label or "Лиды", [e for e in journey.walk(b) if e.keyword in ("stage", "auto")])
        elif b.keyword == "pipeline":
            block(b, b.label, [e for e in journey.walk(b) if e.keyword in ("stage", "auto")])
        elif b.keyword == "site":
            block(b, b.label or "Сайт", [e for e in b.children if e.keyword == "page"])
        elif b.keyword == "ads":
            def tree(element):
                return [(c, c.label, tree(c)) if c.keyword in ("campaign", "group") else c for c in element.children if c.keyword in ("campaign", "group", "ad")]
            block(b, b.label, tree(b))
    touchpoints = [b for b in journey.blocks if b.keyword == "touchpoint"]
    if touchpoints:
        block(None, "Точки контакта", touchpoints)
    for source, target, label in journey.flows:
        attrs = f" [label={quote(label)}]" if label else ""
        out.write(f"  {names[id(source)]} -> {names[id(target)]}{attrs};\n")
    out.write("}\n")


def write_d2(journey, out):
    out.write("vars: {\n  d2-config: {\n    layout-engine: elk\n  }\n}\ndirection: right\n")
    paths = {}
    counter = [0]

    def name():
        counter[0] += 1
        return f"n{counter[0]}"

    def container(title, members, prefix, depth=0):
        key = name()
        pad = "  " * depth
        out.write(f"{pad}{key}: {quote(title)} {{\n")
        for member in members:
            if isinstance(member, tuple):
                container(member[1], member[2], prefix + [key], depth + 1)
            else:
                node = name()
                paths[id(member)] = ".".join(prefix + [key, node])
                out.write(f"{pad}  {node}: {quote(chr(10).join(node_text(member)))}\n")
        out.write(f"{pad}}}\n")

    channels = [b for b in journey.blocks if b.keyword == "channel"]
    if channels:
        container("Каналы", channels, [])
    for b in journey.blocks:
        if b.keyword == "crm":
            container("CRM", [b], [])
        elif b.keyword == "leads":
            container(b.label or "Лиды", [e for e in journey.walk(b) if e.keyword in ("stage", "auto")], [])
        elif b.keyword == "pipeline":
            container(b.label, [e for e in journey.walk(b) if e.keyword in ("stage", "auto")], [])
        elif b.keyword == "site":
            container(b.label or "Сайт", [e for e in b.children if e.keyword == "page"], [])
        elif b.keyword == "ads":
            def tree(element):
                return [(c, c.label, tree(c)) if c.keyword in ("campaign", "group") else c for c in element.children if c.keyword in ("campaign", "group", "ad")]
            container(b.label, tree(b), [])
    touchpoints = [b for b in journey.blocks if b.keyword == "touchpoint"]
    if touchpoints:
        container("Точки контакта", touchpoints, [])
    for source, target, label in journey.flows:
        out.write(f"{paths[id(source)]} -> {paths[id(target)]}" + (f": {quote(label)}" if label else "") + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("journey")
    parser.add_argument("--to", choices=["dot", "d2"], required=True)
    args = parser.parse_args()
    with open(args.journey, encoding="utf-8") as f:
        root, written = parse(f.read())
    journey = Journey(root, written)
    out = sys.stdout
    (write_dot if args.to == "dot" else write_d2)(journey, out)
    print(f"peer-journey: {len(journey.nodes)} nodes, {len(journey.flows)} edges", file=sys.stderr)


if __name__ == "__main__":
    main()
