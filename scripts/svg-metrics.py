#!/usr/bin/env python3
"""Measures a drawn map from its SVG, the same way for Graphviz's and D2's SVG:

    scripts/svg-metrics.py map.svg            # one line of JSON
    scripts/svg-metrics.py --table a.svg b.svg

- crossings: every edge's path is taken as its control polygon (the points of its M/L/C/S
  commands); each pair of segments of two different edges that properly intersect counts
  once. Edges that share an end node are not compared (lines meeting at a node are not
  crossings), nor are parts of one edge.
- overlaps: pairs of node boxes whose interiors meet (a D2 container and what it contains
  do not count), and edge labels (each text of an edge, its box estimated from its font
  size and length) meeting a node box or another edge label.
- size, aspect (width / height) and the smallest font size, and what that font becomes when
  the whole map is scaled to fit A1 or A0 in its better orientation.

Standard library only, so the benchmark needs nothing but Python 3.
"""

import base64
import json
import math
import re
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
SHEETS = {"A1": (841 / 25.4 * 72, 594 / 25.4 * 72), "A0": (1189 / 25.4 * 72, 841 / 25.4 * 72)}
NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


def path_points(d):
    """The vertices of a path's control polygon: every coordinate pair, subpaths split at M."""
    polygons, current = [], []
    for command, args in re.findall(r"([MLCSQTHVZmlcsqthvz])([^MLCSQTHVZmlcsqthvz]*)", d):
        numbers = [float(n) for n in NUMBER.findall(args)]
        if command == "M":
            if len(current) > 1:
                polygons.append(current)
            current = []
        if command in "MLCSQT":
            current += [(numbers[i], numbers[i + 1]) for i in range(0, len(numbers) - 1, 2)]
        elif command == "H" and current:
            current += [(x, current[-1][1]) for x in numbers]
        elif command == "V" and current:
            current += [(current[-1][0], y) for y in numbers]
    if len(current) > 1:
        polygons.append(current)
    return polygons


def box_of(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def text_style(element, name, default):
    """An attribute of a <text>, or the same property in its style (D2 writes it there)."""
    if element.get(name):
        return element.get(name)
    match = re.search(name + r"\s*:\s*([^;]+)", element.get("style", ""))
    return match.group(1).strip() if match else default


def font_size(element):
    value = text_style(element, "font-size", "")
    return float(NUMBER.search(value).group()) if NUMBER.search(value) else 0.0


def text_box(element):
    """An estimated box for a <text>: DejaVu Sans averages about 0.6 em per character."""
    size = font_size(element) or 14.0
    text = "".join(element.itertext())
    width = 0.6 * size * len(text)
    x, y = float(element.get("x", "0")), float(element.get("y", "0"))
    anchor = text_style(element, "text-anchor", "start")
    left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    return (left, y - 0.8 * size, left + width, y + 0.2 * size), size


def overlap(a, b, slack=0.5):
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


def shapes_of(group):
    points = []
    for element in group.iter():
        tag = element.tag.replace(SVG, "")
        if tag == "path" and element.get("d"):
            for polygon in path_points(element.get("d")):
                points += polygon
        elif tag in ("polygon", "polyline") and element.get("points"):
            numbers = [float(n) for n in NUMBER.findall(element.get("points"))]
            points += [(numbers[i], numbers[i + 1]) for i in range(0, len(numbers) - 1, 2)]
        elif tag == "rect":
            x, y = float(element.get("x", "0")), float(element.get("y", "0"))
            points += [(x, y), (x + float(element.get("width", "0")), y + float(element.get("height", "0")))]
        elif tag == "ellipse":
            cx, cy = float(element.get("cx", "0")), float(element.get("cy", "0"))
            rx, ry = float(element.get("rx", "0")), float(element.get("ry", "0"))
            points += [(cx - rx, cy - ry), (cx + rx, cy + ry)]
    return points


def graphviz_names(root):
    """Each node's and edge's Graphviz name, from the comment Graphviz writes before its group
    (`<!-- n1&#45;&gt;n11 -->`): the <title> may say what the object is instead (cjm's does)."""
    names = {}
    for parent in root.iter():
        previous = None
        for child in parent:
            if child.tag is ET.Comment:
                previous = (child.text or "").strip()
            else:
                if child.tag == SVG + "g" and previous is not None:
                    names[child] = previous.replace("&#45;", "-").replace("&gt;", ">")
                previous = None
    return names


def read_graphviz(root):
    nodes, edges, labels = {}, [], []
    names = graphviz_names(root)
    for group in root.iter(SVG + "g"):
        classes = (group.get("class") or "").split()
        title = group.find(SVG + "title")
        if not classes or title is None:
            continue
        name = names.get(group, title.text or "")
        if classes[0] == "node" and "legend" not in classes:
            points = shapes_of(group)
            if points:
                nodes[name] = box_of(points)
        elif classes[0] == "edge" and "legend" not in classes:
            ends = tuple(name.replace("&#45;", "-").split("->"))
            path = group.find(".//" + SVG + "path")
            if path is None:
                continue
            edges.append((ends, path_points(path.get("d", ""))))
            for text in group.iter(SVG + "text"):
                labels.append(text_box(text)[0])
    return nodes, edges, labels


def read_d2(root):
    nodes, edges, labels = {}, [], []
    for group in root.iter(SVG + "g"):
        name = group.get("class") or ""
        if name in ("shape", "") or " " in name:
            continue
        try:
            key = base64.b64decode(name).decode("utf-8")
        except Exception:
            continue
        connection = re.match(r"\((.*) -&gt; (.*)\)\[\d+\]$", key) or re.match(r"\((.*) -> (.*)\)\[\d+\]$", key)
        if connection:
            path = group.find(".//" + SVG + "path")
            if path is None:
                continue
            edges.append(((connection.group(1), connection.group(2)), path_points(path.get("d", ""))))
            for text in group.iter(SVG + "text"):
                labels.append(text_box(text)[0])
            continue
        shape = group.find(SVG + "g")
        if shape is not None and shape.get("class") == "shape":
            points = shapes_of(shape)
            if points:
                nodes[key] = box_of(points)
    return nodes, edges, labels


def segments_intersect(p1, p2, p3, p4):
    def cross(o, a, b):
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
    d1, d2 = cross(p3, p4, p1), cross(p3, p4, p2)
    d3, d4 = cross(p1, p2, p3), cross(p1, p2, p4)
    return ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4))


def crossings(edges, cell=200.0):
    """Proper intersections between segments of edges that share no end, via a grid."""
    segments = []
    for index, (ends, polygons) in enumerate(edges):
        for polygon in polygons:
            for a, b in zip(polygon, polygon[1:]):
                if a != b:
                    segments.append((index, a, b))
    grid = {}
    for number, (_, a, b) in enumerate(segments):
        x0, x1 = sorted((a[0], b[0]))
        y0, y1 = sorted((a[1], b[1]))
        for gx in range(int(math.floor(x0 / cell)), int(math.floor(x1 / cell)) + 1):
            for gy in range(int(math.floor(y0 / cell)), int(math.floor(y1 / cell)) + 1):
                grid.setdefault((gx, gy), []).append(number)
    ends = [set(e[0]) for e in edges]
    seen = set()
    count = 0
    for members in grid.values():
        for i in range(len(members)):
            si = segments[members[i]]
            for j in range(i + 1, len(members)):
                sj = segments[members[j]]
                if si[0] == sj[0] or ends[si[0]] & ends[sj[0]]:
                    continue
                pair = (members[i], members[j])
                if pair in seen:
                    continue
                seen.add(pair)
                if segments_intersect(si[1], si[2], sj[1], sj[2]):
                    count += 1
    return count


def overlaps(nodes, labels, d2):
    names = list(nodes)
    boxes = [nodes[n] for n in names]
    count = 0
    # Sweep by left edge so only neighbours in x are compared.
    order = sorted(range(len(boxes)), key=lambda i: boxes[i][0])
    active = []
    for i in order:
        box = boxes[i]
        active = [j for j in active if boxes[j][2] > box[0]]
        for j in active:
            if d2 and (names[i].startswith(names[j] + ".") or names[j].startswith(names[i] + ".")):
                continue
            if overlap(box, boxes[j]):
                count += 1
        active.append(i)
    label_count = 0
    items = [(b, True) for b in labels] + [(b, False) for b in boxes]
    order = sorted(range(len(items)), key=lambda i: items[i][0][0])
    active = []
    for i in order:
        box, is_label = items[i]
        active = [j for j in active if items[j][0][2] > box[0]]
        for j in active:
            if (is_label or items[j][1]) and overlap(box, items[j][0], slack=1.0):
                label_count += 1
        active.append(i)
    return count, label_count


def measure(path):
    root = ET.parse(path, parser=ET.XMLParser(target=ET.TreeBuilder(insert_comments=True))).getroot()
    d2 = root.get("data-d2-version") is not None
    nodes, edges, labels = (read_d2 if d2 else read_graphviz)(root)
    width = height = None
    for svg in root.iter(SVG + "svg"):
        if svg.get("width"):
            width, height = svg.get("width"), svg.get("height")
            break
    if width is None:
        width, height = root.get("width"), root.get("height")
    width, height = float(NUMBER.search(width).group()), float(NUMBER.search(height).group())
    fonts = [font_size(t) for t in root.iter(SVG + "text") if "".join(t.itertext()).strip()]
    smallest = min([f for f in fonts if f > 0], default=0)
    on = {}
    for sheet, (long_side, short_side) in SHEETS.items():
        scale = max(min(long_side / width, short_side / height), min(short_side / width, long_side / height))
        on[sheet] = round(smallest * min(scale, 1e9), 2)
    node_overlaps, label_overlaps = overlaps(nodes, labels, d2)
    return {
        "file": path, "tool": "d2" if d2 else "graphviz", "nodes": len(nodes), "edges": len(edges),
        "crossings": crossings(edges), "node_overlaps": node_overlaps, "label_overlaps": label_overlaps,
        "width": round(width), "height": round(height), "aspect": round(width / height, 2),
        "smallest_font": smallest, "smallest_on_A1": on["A1"], "smallest_on_A0": on["A0"],
    }


def main():
    args = sys.argv[1:]
    table = args[:1] == ["--table"]
    files = args[1:] if table else args
    if not files:
        sys.exit(__doc__)
    results = [measure(f) for f in files]
    if table:
        print("| file | crossings | overlaps (nodes / labels) | width × height | aspect | smallest text on A1 / A0, pt |")
        print("| --- | ---: | ---: | ---: | ---: | ---: |")
        for r in results:
            print(f"| {r['file']} | {r['crossings']:,} | {r['node_overlaps']} / {r['label_overlaps']} | "
                  f"{r['width']:,} × {r['height']:,} | {r['aspect']} | {r['smallest_on_A1']} / {r['smallest_on_A0']} |")
    else:
        for r in results:
            print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main()
