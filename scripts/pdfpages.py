#!/usr/bin/env python3
"""Typesets the articles of a gold set as real multi-column PDF pages and extracts them with
pdftotext, giving gold dumps with the artifacts of a real PDF extraction.

usage: scripts/pdfpages.py SRC_DIR DST_DIR [--seed N] [--gutters MIN MAX] [--indent N]
                           [--mode default|raw]

For every NAME.txt + NAME.labels in SRC_DIR (a set of one paragraph per block, such as the
`clean` dev set), the page's articles are set in boxes of two to six columns of a six-column
page: kicker, headline (wrapped to the box, in a larger size), subtitle and author lines
across the box, then the body, its bylines, subheads, captions and credits flowed through the
box's columns, justified (so that pdftotext prints some lines with spaces between
characters), paragraphs indented by two characters (`--indent N`). Boxes are set side by
side in rows, and
the page's furniture lines go at the top. `pdftotext -enc UTF-8` (its reading-order mode by
default, the content stream order with `--mode raw`) gives DST_DIR/NAME.txt; each of its
lines is matched back to the drawn line it prints, which gives DST_DIR/NAME.labels (article,
role and reading-order rank of every line). A dump with a line that matches no drawn line is
left out and counted.

Needs Python's `reportlab`, poppler's `pdftotext` and a CJK TrueType font (Debian:
`apt-get install poppler-utils fonts-wqy-microhei`; `pip install reportlab`). See
docs/METRICS.md, "Robustness".
"""
import argparse
import collections
import os
import random
import subprocess
import sys
import tempfile

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_PATHS = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
]
FONT = "cjk"
PAGE_COLUMNS = 6
# Gutters between columns, in points, by default: from one and a half body characters to
# about two and a half. pdftotext often prints the lines of neighbouring columns as one line
# across such gutters, and rarely across gutters of three characters or more (27 to 36).
GUTTERS = (13.5, 22.0)
MARGIN = 36.0
# Sizes in points by role; the body's size sets the column width.
SIZES = {"kicker": 11, "headline": 20, "subtitle": 12, "author": 9.5, "subhead": 10.5,
         "caption": 8.5, "credit": 8.5, "byline": 9, "body": 9, "noise": 9}
HEAD_ROLES = ("kicker", "headline", "subtitle", "author")
LEADING = 1.45
# The body's baseline grid: every line under a box's head sits on it, as in print, so the
# lines of neighbouring columns share baselines.
GRID = SIZES["body"] * LEADING


def register_font():
    for path in FONT_PATHS:
        if os.path.exists(path):
            pdfmetrics.registerFont(TTFont(FONT, path))
            return
    sys.exit("no CJK font found: apt-get install fonts-wqy-microhei")


def width(text, size):
    return pdfmetrics.stringWidth(text, FONT, size)


def wrap(text, size, line_width, indent):
    """Greedy line breaking, character by character (Chinese breaks anywhere), keeping
    closing punctuation off a line's start as typesetters do."""
    lines, current = [], "\u3000" * indent
    for c in text:
        if current and width(current + c, size) > line_width and c not in "，。、；：！？”’）》":
            lines.append(current)
            current = ""
        current += c
    if current.strip():
        lines.append(current)
    return lines


class Line:
    """A drawn line: its text, label and size, and how it is set (justified, centred)."""

    def __init__(self, text, article, role, size, justify=False, centre=False):
        self.text, self.article, self.role, self.size = text, article, role, size
        self.justify, self.centre = justify, centre
        self.rank = None


def articles_of(src):
    """The page's articles as lists of (role, text) in reading order, and its furniture."""
    text = open(src + ".txt", encoding="utf-8").read().split("\n")
    labels = open(src + ".labels", encoding="utf-8").read().split("\n")
    units = collections.defaultdict(list)
    furniture = []
    for line, label in zip(text, labels):
        parts = label.split()
        if not parts:
            continue
        if parts[0] == "-":
            furniture.append(line.strip())
        elif parts[1] != "dup":
            rank = int(parts[2]) if len(parts) > 2 else len(units[parts[0]])
            units[parts[0]].append((rank, parts[1], line.strip()))
    return [(a, [(r, t) for _, r, t in sorted(u)]) for a, u in units.items()], furniture


def set_box(article, units, columns, column_width, gutter, indent):
    """The head lines across the box and the body lines column by column (`None` for an
    empty line of the grid)."""
    box_width = columns * column_width + (columns - 1) * gutter
    head, body = [], []
    for role, text in units:
        size = SIZES.get(role, 9)
        if role in HEAD_ROLES and not body:
            for piece in wrap(text, size, box_width, 0):
                head.append(Line(piece, article, role, size, centre=role == "headline"))
        else:
            if role == "subhead" and body:
                body.append(None)
            pieces = wrap(text, size, column_width, indent if role in ("body", "byline") else 0)
            for k, piece in enumerate(pieces):
                last = k == len(pieces) - 1
                body.append(Line(piece, article, role, size, justify=not last and role != "subhead",
                                 centre=role == "subhead"))
    per_column = -(-len(body) // columns) if body else 0
    return head, [body[i * per_column:(i + 1) * per_column] for i in range(columns)], box_width


def rows_of(articles, rng):
    """Articles in rows of boxes whose column counts fill the page's six columns."""
    rows, i = [], 0
    while i < len(articles):
        # Two boxes side by side are the commonest row.
        widths = rng.choice([[6], [4, 2], [2, 4], [3, 3], [2, 2, 2], [3, 3], [4, 2]])
        row = []
        for w in widths:
            if i < len(articles):
                row.append((articles[i], w))
                i += 1
        rows.append(row)
    return rows


def draw_line(c, line, x, y, line_width):
    c.setFont(FONT, line.size)
    if line.justify and len(line.text) > 1:
        slack = line_width - width(line.text, line.size)
        text = c.beginText(x, y)
        text.setFont(FONT, line.size)
        text.setCharSpace(max(slack, 0) / (len(line.text) - 1))
        text.textLine(line.text)
        c.drawText(text)
    elif line.centre:
        c.drawCentredString(x + line_width / 2, y, line.text)
    else:
        c.drawString(x, y, line.text)


def typeset(articles, furniture, pdf_path, rng, gutters, indent):
    """Draws the page; returns every drawn line in drawing order, ranks set."""
    column_width = rng.randint(11, 14) * SIZES["body"] + 0.5
    gutter = rng.uniform(*gutters)
    page_width = 2 * MARGIN + PAGE_COLUMNS * column_width + (PAGE_COLUMNS - 1) * gutter
    placed = []  # (line, x, y, line width)
    y = 0.0
    for text in furniture:
        y += SIZES["noise"] * LEADING
        placed.append((Line(text, "-", "noise", SIZES["noise"]), MARGIN, y, page_width - 2 * MARGIN))
    y += 12
    for row in rows_of(articles, rng):
        x, row_bottom = MARGIN, y
        for (article, units), columns in row:
            head, body, box_width = set_box(article, units, columns, column_width, gutter, indent)
            by = y
            for line in head:
                by += line.size * LEADING
                placed.append((line, x, by, box_width))
            by = y + GRID * -(-(by - y + 4) // GRID)
            for k, column in enumerate(body):
                cy = by
                for line in column:
                    cy += GRID
                    if line:
                        placed.append((line, x + k * (column_width + gutter), cy, column_width))
                row_bottom = max(row_bottom, cy)
            row_bottom = max(row_bottom, by)
            x += box_width + gutter
        y = row_bottom + 18
    page_height = y + MARGIN
    c = canvas.Canvas(pdf_path, pagesize=(page_width, page_height))
    for line, lx, ly, lw in placed:
        draw_line(c, line, lx, page_height - MARGIN - ly, lw)
    c.save()
    ranks = collections.Counter()
    # Reading order: an article's head, then its columns left to right (drawing order).
    for line, *_ in placed:
        if line.article != "-":
            line.rank = ranks[line.article]
            ranks[line.article] += 1
    return [line for line, *_ in placed]


def squeezed(text):
    return "".join(text.split())


def matched(text, pool):
    """The drawn lines one extracted line prints, with the text of each: one line, or the
    lines of neighbouring columns that pdftotext printed as one (with or without a space
    between them); None when no such split exists."""
    # Where each non-space character of `text` is.
    at = [i for i, c in enumerate(text) if not c.isspace()]
    key = "".join(text[i] for i in at)

    def split(start):
        if start == len(key):
            return []
        for end in range(len(key), start, -1):
            lines = pool.get(key[start:end])
            if lines:
                line = lines.popleft()
                rest = split(end)
                if rest is not None:
                    piece = text[at[start]:at[end - 1] + 1]
                    return [(piece, line)] + rest
                lines.appendleft(line)
        return None

    found = split(0)
    if found and len(found) == 1:
        return [(text, found[0][1])]
    return found


def labelled(extracted, drawn):
    """The extracted lines, a line that prints several drawn lines split into them (counted),
    each with its label; None when a line matches no drawn line."""
    pool = collections.defaultdict(collections.deque)
    for line in drawn:
        pool[squeezed(line.text)].append(line)
    out, splits = [], 0
    for text in extracted:
        if not text.strip():
            out.append((text, ""))
            continue
        lines = matched(text, pool)
        if lines is None:
            return None, 0
        splits += len(lines) - 1
        for piece, line in lines:
            label = "- noise" if line.article == "-" else f"{line.article} {line.role} {line.rank}"
            out.append((piece if len(lines) > 1 else text, label))
    return out, splits


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("src")
    parser.add_argument("dst")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--gutters", type=float, nargs=2, default=GUTTERS, metavar=("MIN", "MAX"),
                        help="range of the gutters between columns, in points")
    parser.add_argument("--indent", type=int, default=2,
                        help="characters a paragraph's first line is indented by")
    parser.add_argument("--mode", choices=["default", "raw"], default="default")
    args = parser.parse_args()
    register_font()
    os.makedirs(args.dst, exist_ok=True)
    written = skipped = split_lines = 0
    names = sorted(n[:-4] for n in os.listdir(args.src) if n.endswith(".txt"))
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            rng = random.Random(f"{args.seed}/{name}")
            articles, furniture = articles_of(os.path.join(args.src, name))
            pdf = os.path.join(tmp, name + ".pdf")
            drawn = typeset(articles, furniture, pdf, rng, args.gutters, args.indent)
            command = ["pdftotext", "-enc", "UTF-8", "-nopgbrk"]
            if args.mode == "raw":
                command.append("-raw")
            text = subprocess.run(command + [pdf, "-"], capture_output=True, check=True,
                                  text=True).stdout
            extracted = text.rstrip("\n").split("\n")
            lines, splits = labelled(extracted, drawn)
            if lines is None:
                skipped += 1
                continue
            split_lines += splits
            stem = os.path.join(args.dst, "pdf-" + name)
            with open(stem + ".txt", "w", encoding="utf-8") as f:
                f.write("".join(text + "\n" for text, _ in lines))
            with open(stem + ".labels", "w", encoding="utf-8") as f:
                f.write("".join(label + "\n" for _, label in lines))
            written += 1
    print(f"{written} dumps under {args.dst}; {skipped} left out (a line matched no drawn "
          f"line); {split_lines} lines that printed neighbouring columns' lines as one were split")


if __name__ == "__main__":
    main()
