#!/usr/bin/env python3
"""Generate the intake test corpus: variants of the hospital's workbook 別紙2-1.

    python3 make_workbooks.py OUTDIR [--reference PATH/reference.xlsx]

Every variant is derived from the reference workbook (../shared/corpus/intake/reference.xlsx)
by editing its XML parts; everything else of the reference stays byte-identical. Beside each
variant goes its expected import (the format of reference.expected.json, which is read from
beside the reference), and OUTDIR/manifest.json lists them:

    {"variants": [{"name", "file", "expected", "description"}],
     "hostile":  [{"name", "file", "mentions", "description"}],
     "secrets":  [strings that must never be stored]}

"warnings" in an expected file lists only what MUST be raised ("where": "" = any location);
an import may raise more. Hostile files must be refused with an error containing "mentions".

Standard library only; deterministic output (fixed timestamps, seeded randomness); the
bombs are written as raw zip entries whose deflate stream repeats one flushed block, so the
generator neither inflates nor holds them in memory.
"""

import argparse
import copy
import datetime
import json
import os
import random
import re
import struct
import sys
import time
import unicodedata
import zipfile
import zlib
from xml.sax.saxutils import escape

# ---------------------------------------------------------------------------------------------
# Sheet names, geometry

S_BASIC = "基本情報記入シート"
S_LINES = "回線・機器情報記入シート"
S_TERMS = "調査端末情報記入シート"
S_PLAN = "設置場所記入シート"
S_PASSWORDS = "アカウント(ログインID)・パスワードリスト"

EMU_PER_PX = 9525
COL_EMU = 609600  # default column width, 64 px
ROW_EMU = 190500  # default row height, 15 pt

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
REL_SHEET = NS_R + "/worksheet"
REL_SST = NS_R + "/sharedStrings"


def where(sheet, cell=None):
    return sheet if cell is None else f"{sheet}!{cell}"


# ---------------------------------------------------------------------------------------------
# Cell references


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def col_letters(n):
    s = ""
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return s


def split_ref(ref):
    m = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    if not m:
        raise ValueError(ref)
    return col_index(m.group(1)), int(m.group(2))


def make_ref(col, row):
    return f"{col_letters(col)}{row}"


# ---------------------------------------------------------------------------------------------
# A worksheet part as rows of cells; cell XML is kept verbatim apart from its r="" attribute.

ROW_RE = re.compile(r"<row\b([^>]*?)(?:/>|>(.*?)</row>)", re.S)
CELL_RE = re.compile(r"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)


def _map_range(token, col_fn, row_fn, strict):
    parts = token.split(":")
    cells = [split_ref(p) for p in parts]
    if len(cells) == 1:
        c, r = cells[0]
        return make_ref(col_fn(c), row_fn(r))
    (c1, r1), (c2, r2) = cells
    cols = sorted(col_fn(c) for c in range(c1, c2 + 1))
    rows = sorted(row_fn(r) for r in range(r1, min(r2, r1 + 10000) + 1))
    if strict and (cols != list(range(cols[0], cols[-1] + 1))):
        raise ValueError(f"range {token} is split by the column move")
    new_r2 = row_fn(r2)
    return f"{make_ref(cols[0], rows[0])}:{make_ref(cols[-1], max(rows[-1], new_r2))}"


class Sheet:
    def __init__(self, xml):
        m = re.search(r"<sheetData\s*/>|<sheetData>(.*?)</sheetData>", xml, re.S)
        self.head = xml[: m.start()]
        tail = xml[m.end():]
        self.rows = {}  # row number -> [row attributes without r, {col: (cell attrs without r, inner or None)}]
        for rm in ROW_RE.finditer(m.group(1) or ""):
            attrs = rm.group(1)
            r = int(re.search(r'\br="(\d+)"', attrs).group(1))
            attrs = re.sub(r'\s*\br="\d+"', "", attrs)
            cells = {}
            for cm in CELL_RE.finditer(rm.group(2) or ""):
                ca = cm.group(1)
                col = col_index(re.search(r'\br="([A-Z]+)\d+"', ca).group(1))
                cells[col] = (re.sub(r'\s*\br="[A-Z]+\d+"', "", ca), cm.group(2))
            self.rows[r] = [attrs, cells]
        self.merges = re.findall(r'<mergeCell ref="([^"]+)"\s*/>', tail)
        self.tail = re.sub(r"<mergeCells\b.*?</mergeCells>", "", tail, flags=re.S)

    # -- values
    def get(self, ref):
        col, row = split_ref(ref)
        cell = self.rows.get(row, ["", {}])[1].get(col)
        if not cell or cell[1] is None:
            return None
        ts = re.findall(r"<t\b[^>]*>(.*?)</t>", cell[1], re.S)
        if ts:
            return "".join(unescape(t) for t in ts)
        v = re.search(r"<v>(.*?)</v>", cell[1], re.S)
        return unescape(v.group(1)) if v else None

    def style(self, ref):
        col, row = split_ref(ref)
        cell = self.rows.get(row, ["", {}])[1].get(col)
        m = re.search(r'\bs="(\d+)"', cell[0]) if cell else None
        return m.group(1) if m else None

    def set(self, ref, value, style=None):
        """Text -> inline string, int/float -> number, None -> cell removed, "" with style -> empty styled cell."""
        col, row = split_ref(ref)
        if style is None:
            style = self.style(ref)
        cells = self.rows.setdefault(row, ["", {}])[1]
        sattr = f' s="{style}"' if style is not None else ""
        if value is None:
            cells.pop(col, None)
        elif isinstance(value, bool):
            raise TypeError(value)
        elif isinstance(value, (int, float)):
            cells[col] = (f'{sattr} t="n"', f"<v>{value}</v>")
        elif value == "" and style is not None:
            cells[col] = (sattr, None)
        else:
            keep = ' xml:space="preserve"' if value != value.strip() or value == "" else ""
            cells[col] = (f'{sattr} t="inlineStr"', f"<is><t{keep}>{escape(value)}</t></is>")

    def clear(self, ref):
        """Keep the cell (and its style) but drop its value."""
        col, row = split_ref(ref)
        cells = self.rows.get(row, ["", {}])[1]
        if col in cells:
            s = self.style(ref)
            cells[col] = ((f' s="{s}"' if s else ""), None)

    def row_values(self, row):
        return {col: self.get(make_ref(col, row)) for col in self.rows.get(row, ["", {}])[1]}

    # -- structure
    def remap(self, col_fn=lambda c: c, row_fn=lambda r: r, strict=True):
        new_rows = {}
        for r, (attrs, cells) in self.rows.items():
            nr = row_fn(r)
            if nr in new_rows:
                raise ValueError(f"two rows map to {nr}")
            new_cells = {}
            for c, cell in cells.items():
                nc = col_fn(c)
                if nc in new_cells:
                    raise ValueError(f"two cells map to column {nc} in row {nr}")
                new_cells[nc] = cell
            new_rows[nr] = [attrs, new_cells]
        self.rows = new_rows
        self.merges = [_map_range(m, col_fn, row_fn, strict) for m in self.merges]

        def fix_sqref(m):
            return 'sqref="' + " ".join(_map_range(t, col_fn, row_fn, strict) for t in m.group(1).split()) + '"'

        self.tail = re.sub(r'sqref="([^"]+)"', fix_sqref, self.tail)

    def delete_row(self, row):
        self.rows.pop(row, None)
        self.remap(row_fn=lambda r: r - 1 if r > row else r)

    def insert_col(self, col):
        self.remap(col_fn=lambda c: c + 1 if c >= col else c, strict=False)

    def permute_cols(self, new_order):
        """new_order: old column letters in their new order, starting at column A."""
        mapping = {col_index(old): i + 1 for i, old in enumerate(new_order)}
        if sorted(mapping) != list(range(1, len(new_order) + 1)):
            raise ValueError("permutation must name every column once")
        self.remap(col_fn=lambda c: mapping.get(c, c))

    def xml(self):
        out = []
        refs = []
        for r in sorted(self.rows):
            attrs, cells = self.rows[r]
            if not cells:
                out.append(f'<row r="{r}"{attrs}/>')
                continue
            out.append(f'<row r="{r}"{attrs}>')
            for c in sorted(cells):
                ca, inner = cells[c]
                ref = make_ref(c, r)
                refs.append((c, r))
                out.append(f'<c r="{ref}"{ca}/>' if inner is None else f'<c r="{ref}"{ca}>{inner}</c>')
            out.append("</row>")
        head = self.head
        if refs:
            dim = f"{make_ref(min(c for c, _ in refs), min(r for _, r in refs))}:" \
                  f"{make_ref(max(c for c, _ in refs), max(r for _, r in refs))}"
            head = re.sub(r'<dimension ref="[^"]*"\s*/>', f'<dimension ref="{dim}"/>', head)
        merges = ""
        if self.merges:
            merges = f'<mergeCells count="{len(self.merges)}">' + \
                     "".join(f'<mergeCell ref="{m}"/>' for m in self.merges) + "</mergeCells>"
        data = "<sheetData>" + "".join(out) + "</sheetData>" if out else "<sheetData/>"
        return head + data + merges + self.tail


def unescape(s):
    s = re.sub(r"&#x([0-9a-fA-F]+);", lambda m: chr(int(m.group(1), 16)), s)
    s = re.sub(r"&#(\d+);", lambda m: chr(int(m.group(1))), s)
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


NEW_SHEET = (
    f'<worksheet xmlns="{NS_MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr>'
    '<dimension ref="A1:A1"/><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1"/>'
    '</sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15"/><sheetData/>'
    '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/></worksheet>'
)


# ---------------------------------------------------------------------------------------------
# The package: the reference's entries in order, written back with its timestamps.


class Package:
    def __init__(self, path):
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            self.data = {i.filename: z.read(i) for i in infos}
        self.order = [i.filename for i in infos]
        self.date_time = infos[0].date_time

    def copy(self):
        p = Package.__new__(Package)
        p.data = dict(self.data)
        p.order = list(self.order)
        p.date_time = self.date_time
        return p

    def text(self, name):
        return self.data[name].decode("utf-8")

    def put(self, name, content):
        if isinstance(content, str):
            content = content.encode("utf-8")
        if name not in self.data:
            self.order.append(name)
        self.data[name] = content

    def remove(self, name):
        del self.data[name]
        self.order.remove(name)

    def save(self, path):
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            for name in self.order:
                zi = zipfile.ZipInfo(name, self.date_time)
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o600 << 16
                z.writestr(zi, self.data[name])

    # -- workbook structure
    def sheet_names(self):
        return [unescape(n) for n in re.findall(r'<sheet\b[^>]*\bname="([^"]*)"', self.text("xl/workbook.xml"))]

    def sheet_part(self, name):
        wb = self.text("xl/workbook.xml")
        for m in re.finditer(r"<sheet\b[^>]*/>", wb):
            if unescape(re.search(r'\bname="([^"]*)"', m.group(0)).group(1)) == name:
                rid = re.search(r'\br:id="([^"]*)"', m.group(0)).group(1)
                break
        else:
            raise KeyError(name)
        rels = self.text("xl/_rels/workbook.xml.rels")
        rel = re.search(rf'<Relationship\b[^>]*\bId="{rid}"[^>]*/>', rels).group(0)
        target = re.search(r'\bTarget="([^"]*)"', rel).group(1)
        return target.lstrip("/") if target.startswith("/") else "xl/" + target

    def sheet(self, name):
        return Sheet(self.text(self.sheet_part(name)))

    def put_sheet(self, name, sheet):
        self.put(self.sheet_part(name), sheet.xml())

    def add_content_type(self, part, ctype):
        ct = self.text("[Content_Types].xml")
        ct = ct.replace("</Types>", f'<Override PartName="/{part}" ContentType="{ctype}"/></Types>')
        self.put("[Content_Types].xml", ct)

    def add_workbook_rel(self, rtype, target):
        rels = self.text("xl/_rels/workbook.xml.rels")
        rid = "rId%d" % (max(int(i) for i in re.findall(r'\bId="rId(\d+)"', rels)) + 1)
        rels = rels.replace("</Relationships>",
                            f'<Relationship Type="{rtype}" Target="{target}" Id="{rid}"/></Relationships>')
        self.put("xl/_rels/workbook.xml.rels", rels)
        return rid

    def add_sheet(self, name, sheet):
        n = 1
        while f"xl/worksheets/sheet{n}.xml" in self.data:
            n += 1
        part = f"xl/worksheets/sheet{n}.xml"
        self.put(part, sheet.xml())
        self.add_content_type(part, CT_SHEET)
        rid = self.add_workbook_rel(REL_SHEET, "/" + part)
        wb = self.text("xl/workbook.xml")
        sid = max(int(i) for i in re.findall(r'<sheet\b[^>]*\bsheetId="(\d+)"', wb)) + 1
        wb = wb.replace("</sheets>", f'<sheet xmlns:r="{NS_R}" name="{escape(name)}" sheetId="{sid}" '
                                     f'state="visible" r:id="{rid}"/></sheets>')
        self.put("xl/workbook.xml", wb)
        return part


# ---------------------------------------------------------------------------------------------
# Drawings: callouts and pictures


def tail_point(pos, ext, adj):
    """The tail of a wedgeRectCallout: shape centre + (adj1/100000·width, adj2/100000·height)."""
    return (pos[0] + ext[0] / 2 + adj[0] * ext[0] / 100000.0,
            pos[1] + ext[1] / 2 + adj[1] * ext[1] / 100000.0)


def pin_xy(tail, rect):
    x = (tail[0] - rect[0]) / rect[2]
    y = (tail[1] - rect[1]) / rect[3]
    assert 0.0 <= x <= 1.0 and 0.0 <= y <= 1.0, (tail, rect)
    return round(x, 4), round(y, 4)


def callout_sp(shape_id, name, adj, paragraphs, xfrm=None):
    xf = ""
    if xfrm:
        (ox, oy), (cx, cy) = xfrm
        xf = f'<a:xfrm><a:off x="{ox}" y="{oy}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    paras = "".join(f'<a:p><a:r><a:rPr lang="ja-JP" sz="1000"/><a:t>{escape(p)}</a:t></a:r></a:p>' for p in paragraphs)
    return (f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{shape_id}" name="{escape(name)}"/><xdr:cNvSpPr/></xdr:nvSpPr>\n'
            f'<xdr:spPr>{xf}<a:prstGeom prst="wedgeRectCallout"><a:avLst><a:gd name="adj1" fmla="val {adj[0]}"/>'
            f'<a:gd name="adj2" fmla="val {adj[1]}"/></a:avLst></a:prstGeom>\n'
            '<a:solidFill><a:srgbClr val="FFFFCC"/></a:solidFill><a:ln><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></a:ln></xdr:spPr>\n'
            f'<xdr:txBody><a:bodyPr/><a:lstStyle/>{paras}</xdr:txBody></xdr:sp>')


def callout_anchor(shape_id, name, pos, ext, adj, paragraphs):
    return (f'<xdr:absoluteAnchor><xdr:pos x="{pos[0]}" y="{pos[1]}"/><xdr:ext cx="{ext[0]}" cy="{ext[1]}"/>\n'
            + callout_sp(shape_id, name, adj, paragraphs) + "<xdr:clientData/></xdr:absoluteAnchor>")


def picture_anchor(pic_id, rid, col, row, ext):
    return (f'<oneCellAnchor><from><col>{col}</col><colOff>0</colOff><row>{row}</row><rowOff>0</rowOff></from>'
            f'<ext cx="{ext[0]}" cy="{ext[1]}"/><pic><nvPicPr><cNvPr id="{pic_id}" name="Image {pic_id}" descr="Picture"/>'
            f'<cNvPicPr/></nvPicPr><blipFill><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            f'xmlns:r="{NS_R}" cstate="print" r:embed="{rid}"/><a:stretch xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            '<a:fillRect/></a:stretch></blipFill><spPr><a:prstGeom xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'prst="rect"/></spPr></pic><clientData/></oneCellAnchor>')


ABS_ANCHOR_RE = re.compile(r"<xdr:absoluteAnchor>.*?</xdr:absoluteAnchor>", re.S)


def parse_callout_anchor(xml):
    pos = tuple(int(v) for v in re.search(r'<xdr:pos x="(-?\d+)" y="(-?\d+)"', xml).groups())
    ext = tuple(int(v) for v in re.search(r'<xdr:ext cx="(\d+)" cy="(\d+)"', xml).groups())
    adj = tuple(int(re.search(rf'name="{n}" fmla="val (-?\d+)"', xml).group(1)) for n in ("adj1", "adj2"))
    paras = [unescape("".join(re.findall(r"<a:t>(.*?)</a:t>", p))) for p in re.findall(r"<a:p>(.*?)</a:p>", xml, re.S)]
    sp = re.search(r"<xdr:sp\b.*?</xdr:sp>", xml, re.S).group(0)
    return {"pos": pos, "ext": ext, "adj": adj, "text": "\n".join(paras), "sp": sp}


def png(width, height, raw, color_type=2, level=9):
    """A PNG from raw scanlines (each starting with its filter byte)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, level)) + chunk(b"IEND", b"")


def floor_plan_png(width, height):
    """A second floor plan: white, a light grid, thick walls (RGB, compresses well)."""
    white, grid, wall = b"\xff\xff\xff", b"\xd0\xd0\xd0", b"\x20\x20\x20"
    plain = bytearray(white * width)
    for x in range(0, width, 60):
        plain[3 * x:3 * x + 3] = grid
    for x in list(range(40, 52)) + list(range(width - 52, width - 40)) + list(range(width // 2, width // 2 + 8)):
        plain[3 * x:3 * x + 3] = wall
    grid_row = bytearray(grid * width)
    wall_row = b"\x00" + wall * width
    plain_row, grid_row = b"\x00" + bytes(plain), b"\x00" + bytes(grid_row)
    rows = []
    for y in range(height):
        if 40 <= y < 52 or height - 52 <= y < height - 40 or height // 2 <= y < height // 2 + 8:
            rows.append(wall_row)
        elif y % 60 == 0:
            rows.append(grid_row)
        else:
            rows.append(plain_row)
    return png(width, height, b"".join(rows))


# ---------------------------------------------------------------------------------------------
# Raw zip writer (for the hostile files: exact entry names, precompressed repeating streams)


class RawZip:
    def __init__(self, path, date_time=(2026, 11, 23, 22, 40, 18)):
        self.f = open(path, "wb")
        self.central = []
        y, mo, d, h, mi, s = date_time
        self.dostime = (h << 11) | (mi << 5) | (s // 2)
        self.dosdate = ((y - 1980) << 9) | (mo << 5) | d

    def add_stream(self, name, chunks, crc, usize, csize, method=8):
        nb = name.encode("utf-8")
        flags = 0 if nb.isascii() else 0x800
        offset = self.f.tell()
        self.f.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, self.dostime, self.dosdate,
                                 crc, csize, usize, len(nb), 0) + nb)
        written = 0
        for c in chunks:
            self.f.write(c)
            written += len(c)
        assert written == csize, (name, written, csize)
        self.central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | 20, 20, flags, method,
                                        self.dostime, self.dosdate, crc, csize, usize, len(nb), 0, 0, 0, 0,
                                        0o100644 << 16, offset) + nb)

    def add(self, name, data):
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        comp = c.compress(data) + c.flush()
        self.add_stream(name, [comp], zlib.crc32(data), len(data), len(comp))

    def add_repeating(self, name, prefix, chunk, count, suffix):
        """prefix + chunk*count + suffix, deflated once per distinct piece (full flushes make the
        chunk's compressed form self-contained, so it can be repeated byte for byte)."""
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        a = c.compress(prefix) + c.flush(zlib.Z_FULL_FLUSH)
        b = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
        b2 = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
        assert b == b2, "deflate output of a flushed chunk is not repeatable"
        z = c.compress(suffix) + c.flush()
        crc = zlib.crc32(prefix)
        for _ in range(count):
            crc = zlib.crc32(chunk, crc)
        crc = zlib.crc32(suffix, crc)
        usize = len(prefix) + count * len(chunk) + len(suffix)
        csize = len(a) + count * len(b) + len(z)
        assert usize < 0xFFFFFFFF and csize < 0xFFFFFFFF

        def chunks():
            yield a
            for _ in range(count):
                yield b
            yield z
        self.add_stream(name, chunks(), crc, usize, csize)

    def add_precompressed(self, name, comp, crc, usize):
        self.add_stream(name, [comp], crc, usize, len(comp))

    def close(self):
        cd_offset = self.f.tell()
        cd = b"".join(self.central)
        self.f.write(cd)
        n = len(self.central)
        assert n < 0xFFFF
        self.f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(cd), cd_offset, 0))
        self.f.close()


def raw_copy(pkg, path, replace=None, skip=(), extra_before=()):
    """Write pkg through RawZip; replace maps part -> bytes (or a callable(zip) that adds it)."""
    replace = replace or {}
    rz = RawZip(path, pkg.date_time)
    for name, data in extra_before:
        rz.add(name, data)
    for name in pkg.order:
        if name in skip:
            continue
        r = replace.get(name, pkg.data[name])
        if callable(r):
            r(rz)
        else:
            rz.add(name, r if isinstance(r, bytes) else r.encode("utf-8"))
    return rz


# ---------------------------------------------------------------------------------------------
# The variants


def nfkc_check(written, expected, ip=False):
    got = unicodedata.normalize("NFKC", written).strip()
    if ip:
        got = re.sub(r"\s+", "", got)
    assert got == str(expected), (written, got, expected)


class Corpus:
    def __init__(self, ref_path, outdir):
        self.ref_path = ref_path
        self.ref = Package(ref_path)
        exp_path = re.sub(r"\.xlsx$", "", ref_path) + ".expected.json"
        with open(exp_path, encoding="utf-8") as f:
            self.ref_expected = json.load(f)
        self.outdir = outdir
        self.manifest = {"variants": [], "hostile": [], "secrets": []}
        self.check_reference_pins()

    def expected(self):
        return copy.deepcopy(self.ref_expected)

    def variant(self, name, pkg, expected, description):
        fname = f"{name}.xlsx"
        ename = f"{name}.expected.json"
        pkg.save(os.path.join(self.outdir, fname))
        with open(os.path.join(self.outdir, ename), "w", encoding="utf-8") as f:
            json.dump(expected, f, ensure_ascii=False, indent=1)
            f.write("\n")
        self.manifest["variants"].append({"name": name, "file": fname, "expected": ename, "description": description})

    def hostile(self, name, mentions, description):
        fname = f"{name}.xlsx"
        self.manifest["hostile"].append({"name": name, "file": fname, "mentions": mentions, "description": description})
        return os.path.join(self.outdir, fname)

    # -- reference geometry
    def plan_rect(self, xml=None):
        xml = xml or self.ref.text("xl/drawings/drawing1.xml")
        m = re.search(r"<oneCellAnchor><from><col>(\d+)</col><colOff>(\d+)</colOff><row>(\d+)</row><rowOff>(\d+)</rowOff>"
                      r'</from><ext cx="(\d+)" cy="(\d+)"/>', xml)
        col, coff, row, roff, cx, cy = (int(v) for v in m.groups())
        return (col * COL_EMU + coff, row * ROW_EMU + roff, cx, cy)

    def ref_callouts(self):
        return [parse_callout_anchor(a) for a in ABS_ANCHOR_RE.findall(self.ref.text("xl/drawings/drawing1.xml"))]

    def check_reference_pins(self):
        """Our geometry must reproduce the reference's expected pins, or every variant is wrong."""
        rect = self.plan_rect()
        pins = self.ref_expected["floorplans"][0]["pins"]
        callouts = self.ref_callouts()
        assert len(pins) == len(callouts)
        for co, pin in zip(callouts, pins):
            x, y = pin_xy(tail_point(co["pos"], co["ext"], co["adj"]), rect)
            assert abs(x - pin["x"]) < 0.002 and abs(y - pin["y"]) < 0.002, (co, pin)
            assert co["text"] == pin["text"], (co["text"], pin["text"])

    # 1 ---------------------------------------------------------------------------------------
    def moved_columns(self):
        p = self.ref.copy()
        lines = p.sheet(S_LINES)
        # 備考 first, 用途 before 調査希望, the device group (メーカー/機種名 swapped) before the line group.
        lines.permute_cols(["AB", "A", "E", "B", "C", "D", "T", "V", "U", "W", "X", "Y", "Z", "AA",
                            "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S"])
        assert lines.get("G3") == "機器情報" and "G3:N3" in lines.merges
        assert lines.get("H4").startswith("機種名") and lines.get("I4").startswith("メーカー")
        p.put_sheet(S_LINES, lines)
        terms = p.sheet(S_TERMS)
        # 備考 first, 利用形態 before システム種別, the VDI group (仮想デスクトップ) before the FAT group.
        terms.permute_cols(["J", "A", "C", "B", "G", "H", "D", "E", "F", "I"])
        assert terms.get("E3") == "仮想デスクトップ" and "E3:F3" in terms.merges and "G3:I3" in terms.merges
        p.put_sheet(S_TERMS, terms)
        self.variant("moved-columns", p, self.expected(),
                     "columns permuted: 備考 first, 用途 before 調査希望, 機器情報 group before 回線情報 with メーカー/機種名 "
                     "swapped; terminals: 備考 first, 利用形態 before システム種別, VDI group before the FAT group")

    # 2 ---------------------------------------------------------------------------------------
    def inserted_columns(self):
        p = self.ref.copy()
        lines = p.sheet(S_LINES)
        lines.insert_col(col_index("L"))  # between プロバイダ情報 (J:K) and 回線終端装置 (L)
        lines.set("L4", "担当部署", style="1")
        for r, v in zip(range(5, 11), ["情報システム課", "情報システム課", "医事課", "放射線科", "地域連携室", "地域連携室"]):
            lines.set(f"L{r}", v)
        assert lines.get("M4").startswith("回線終端装置設置場所") and "J3:K3" in lines.merges and "N3:R3" in lines.merges
        p.put_sheet(S_LINES, lines)
        terms = p.sheet(S_TERMS)
        terms.insert_col(col_index("G"))  # between シンクライアント/FAT端末 (D:F) and 仮想デスクトップ (G:H)
        terms.set("G4", "OS", style="1")
        for r, v in zip(range(5, 11), ["Windows 11 Pro", "Windows 11 Pro", "Windows 10 Pro", "Windows 10 IoT",
                                       "Windows 11 Pro", "Windows 11 Enterprise"]):
            terms.set(f"G{r}", v)
        assert terms.get("H3") == "仮想デスクトップ" and "H3:I3" in terms.merges and "D3:F3" in terms.merges
        p.put_sheet(S_TERMS, terms)
        exp = self.expected()
        exp["warnings"] = [{"code": "unknown_column", "where": where(S_LINES, "L4")},
                           {"code": "unknown_column", "where": where(S_TERMS, "G4")}]
        self.variant("inserted-columns", p, exp,
                     "an unrelated column 担当部署 inserted at L of the line sheet and OS at G of the terminal sheet, "
                     "with values in every row; the rest shifts right")

    # 3 ---------------------------------------------------------------------------------------
    def fullwidth(self):
        p = self.ref.copy()
        exp = self.ref_expected
        h, L, T = exp["hospital"], exp["lines"], exp["terminals"]

        def put(sheet, ref, written, expected, ip=False):
            if expected is not None:
                nfkc_check(written, expected, ip)
            sheet.set(ref, written)

        b = p.sheet(S_BASIC)
        put(b, "A6", "医療機関コード　", None)
        put(b, "B6", "３７１００００００１", h["code"])
        put(b, "B7", "　さぬき中央病院　", h["name"])
        put(b, "C8", "７６０－００００", h["postal"])
        put(b, "B11", "３２０", h["beds"])  # a string, not a number
        put(b, "E14", "Ｍａｉｌアドレス", None)
        put(b, "D15", "０８７－０００－０００１", exp["contacts"][0]["phone"])
        put(b, "E15", "ｔ．ｔａｋａｍａｔｓｕ＠ｅｘａｍｐｌｅ．ｊｐ", exp["contacts"][0]["mail"])
        put(b, "D16", " 087-000-0002 ", exp["contacts"][1]["phone"])
        p.put_sheet(S_BASIC, b)

        s = p.sheet(S_LINES)
        put(s, "A4", "回線Ｎｏ", None)
        put(s, "P4", "グローバルＩＰアドレス　（＊）", None)
        put(s, "X4", "管理ＩＰアドレス（＊）", None)
        put(s, "Z4", "ポート番号", None)
        for r, no in ((6, "回線１"), (7, "回線２"), (8, "回線３"), (9, "回線４"), (10, "回線４")):
            put(s, f"A{r}", no, None)
        put(s, "I6", "ＣＡＦ１２３４５６７８９０", L[0]["line_id"])
        put(s, "K6", "ＯＣＮ 光 ＩＰｏＥ 固定ＩＰ", L[0]["provider_product"])
        put(s, "L6", "本館　３Ｆ　サーバー室 １番ラック ３Ｕ", L[0]["onu_location"])
        put(s, "P6", " 203.0.113.10 ", L[0]["global_ip"], ip=True)
        put(s, "T6", "ﾙｰﾀ", L[0]["devices"][0]["device_type"])  # half-width katakana
        put(s, "W6", "ｒｔｘ－ｅｍｒ", L[0]["devices"][0]["hostname"])
        put(s, "X6", "１９２．１６８．１．１", L[0]["devices"][0]["management_ip"], ip=True)
        put(s, "Y6", "ＳＳＨ", L[0]["devices"][0]["access_method"])
        put(s, "Z6", "２２", L[0]["devices"][0]["access_port"])
        put(s, "F7", "閉域網（ＩＰ－ＶＰＮ）", L[1]["line_type"])
        put(s, "X7", "192. 168. 2. 1", L[1]["devices"][0]["management_ip"], ip=True)
        put(s, "Z7", "２３", L[1]["devices"][0]["access_port"])
        put(s, "E8", "リモート保守（放射線）", L[2]["purpose"])
        put(s, "O8", "動的ＩＰ", L[2]["ip_assignment"])
        put(s, "P9", "１９８．５１．１００．２５", L[3]["global_ip"], ip=True)
        put(s, "X10", "１９２．１６８．４．２５４", L[3]["devices"][1]["management_ip"], ip=True)
        put(s, "Y10", "ｺﾝｿｰﾙ", L[3]["devices"][1]["access_method"])
        p.put_sheet(S_LINES, s)

        t = p.sheet(S_TERMS)
        put(t, "E4", "ＩＰアドレス (*)", None)
        put(t, "H4", "ＩＰアドレス", None)
        for r in range(6, 11):
            put(t, f"A{r}", "Ｎｏ．" + chr(ord("０") + r - 5), None)
        put(t, "D6", "ＰＣＥＭＲ０１", T[0]["hostname"])
        put(t, "E6", "１９２．１６８．１０．２１／２４", T[0]["ip"], ip=True)
        put(t, "E7", " 192.168.10.41 / 24 ", T[1]["ip"], ip=True)
        put(t, "E8", "１０．２０．１．１５／２４", T[2]["ip"], ip=True)
        put(t, "H10", "１７２．１６．１．１３１／２４", T[4]["vdi_ip"], ip=True)
        p.put_sheet(S_TERMS, t)
        self.variant("fullwidth", p, self.expected(),
                     "labels and values typed full-width (ＩＰアドレス, １９２．１６８．１．１, 回線１, Ｎｏ．１, ﾙｰﾀ, 病床数 \"３２０\" "
                     "as text, ポート番号 \"２２\"), padded with spaces/U+3000 (\" 203.0.113.10 \"); imports as the reference")

    # 4 ---------------------------------------------------------------------------------------
    def merged_cells(self):
        p = self.ref.copy()
        s = p.sheet(S_LINES)
        s.clear("A4")  # 回線No: group header cell A3 merged down over the field header row
        s.set("E3", s.get("E4"))  # 用途・システム名 (*) written once, merged over rows 3-4
        s.clear("E4")
        s.clear("AB4")  # 備考 merged over rows 3-4
        s.set("A10", None)  # line 4's 回線No only in the top cell of A9:A10
        s.merges += ["A3:A4", "E3:E4", "AB3:AB4", "A9:A10", "C9:C10", "L9:L10", "P9:P10"]
        p.put_sheet(S_LINES, s)
        t = p.sheet(S_TERMS)
        for col in "ABCIJ":
            t.clear(f"{col}4")
            t.merges.append(f"{col}3:{col}4")
        p.put_sheet(S_TERMS, t)
        self.variant("merged-cells", p, self.expected(),
                     "回線No/用途・システム名/備考 header cells merged over rows 3-4 (text only in row 3); line 4's 回線No, "
                     "脆弱性診断, 設置場所 and グローバルIP merged over its two device rows; terminal No/システム種別/利用形態/"
                     "セキュリティ対策製品/備考 headers merged over rows 3-4")

    # 5 ---------------------------------------------------------------------------------------
    def blank_rows(self):
        p = self.ref.copy()
        ncols = 28
        s = p.sheet(S_LINES)
        example = s.row_values(5)
        line_map = {1: 1, 3: 3, 4: 4, 5: 5, 6: 8, 7: 10, 8: 11, 9: 13, 10: 14}
        s.remap(row_fn=lambda r: line_map[r] if r in line_map else r + line_map[max(k for k in line_map if k <= r)] - max(k for k in line_map if k <= r))
        for col, v in example.items():  # a second example row, written （記入例）
            s.set(make_ref(col, 6), v)
        s.set("A6", "（記入例）")
        s.set("T6", "UTM")
        s.set("W6", "utm-example")
        s.rows[7] = ["", {}]  # <row r="7"/>
        for col in range(1, ncols + 1):  # a blank row of styled empty cells
            s.set(make_ref(col, 9), "", style="1")
        s.set("A12", " ")  # whitespace only
        s.set("E12", "　")
        for r in range(15, 41):  # trailing styled-but-empty rows
            for col in range(1, ncols + 1):
                s.set(make_ref(col, r), "", style="1")
        assert s.get("A8") == "回線1" and s.get("W14") == "rtx-renkei" and 'sqref="B8:B64"' in s.tail
        p.put_sheet(S_LINES, s)

        t = p.sheet(S_TERMS)
        example = t.row_values(5)
        term_map = {1: 1, 3: 3, 4: 4, 5: 5, 6: 8, 7: 9, 8: 11, 9: 12, 10: 14}
        t.remap(row_fn=lambda r: term_map[r])
        for col, v in example.items():
            t.set(make_ref(col, 6), v)
        t.set("A6", "（記入例）")
        t.set("C6", "シンクライアント")
        t.set("D6", "TCXXXX")
        t.rows[7] = ["", {}]
        t.rows[10] = [' spans="1:10"', {}]
        for col in range(1, 11):
            t.set(make_ref(col, 13), "", style="1")
        for r in range(15, 31):
            for col in range(1, 11):
                t.set(make_ref(col, r), "", style="1")
        assert t.get("A14") == "No.5"
        p.put_sheet(S_TERMS, t)
        self.variant("blank-rows", p, self.expected(),
                     "a second example row （記入例） and an empty row before the data, empty rows (<row/>, styled empty "
                     "cells, whitespace-only cells) between data rows, and 26/16 trailing styled-but-empty rows")

    # 6 ---------------------------------------------------------------------------------------
    def password_sheet(self):
        p = self.ref.copy()
        sh = Sheet(NEW_SHEET)
        rows = [
            ["区分", "機器名・サービス名", "ログインID", "パスワード", "特権(enable)パスワード"],
            ["機器", "rtx-emr", "sanuki-rtx-admin", "Rtx#Emr-7731!", "En@ble-RTX-4402"],
            ["機器", "ix-iji", "ixadmin-iji", "Ix2215$iji-9087", "IxPriv!3356-iji"],
            ["機器", "rad-maint", "cisco-radmaint", "C1sco%Rad-6610", "Rad3nable#7721"],
            ["機器", "fg-renkei", "fgadmin-renkei", "F0rti!Renkei-5520", ""],
            ["ポータル", "医療機関ポータル", "sanuki-portal-user", "P0rtal&Sanuki-8841", ""],
        ]
        sh.set("A1", S_PASSWORDS)
        for i, row in enumerate(rows):
            for j, v in enumerate(row):
                if v:
                    sh.set(make_ref(j + 1, i + 3), v, style="1" if i == 0 else None)
        p.add_sheet(S_PASSWORDS, sh)
        assert p.sheet_names()[-1] == S_PASSWORDS
        secrets = [v for row in rows[1:] for v in (row[2], row[3], row[4]) if v]
        self.manifest["secrets"].extend(secrets)
        exp = self.expected()
        exp["warnings"] = [{"code": "password_sheet_ignored", "where": where(S_PASSWORDS)}]
        exp["passwords_imported"] = False
        self.variant("password-sheet", p, exp,
                     "a fifth sheet アカウント(ログインID)・パスワードリスト with device and portal logins and passwords; "
                     "none of them may be stored (manifest secrets)")

    # 7 ---------------------------------------------------------------------------------------
    def two_floorplans(self):
        p = self.ref.copy()
        drawing = p.text("xl/drawings/drawing1.xml")
        rect1 = self.plan_rect(drawing)
        width_px, height_px = 1200, 900
        ext2 = (800 * EMU_PER_PX, 600 * EMU_PER_PX)  # shown at 800x600 px, same aspect as the PNG
        row2 = 30  # below the first plan (rows 2..27)
        rect2 = (0, row2 * ROW_EMU, ext2[0], ext2[1])
        assert rect2[1] > rect1[1] + rect1[3]
        box = (2095500, 571500)
        line3 = {"pos": (2114550, 7715250), "adj": (-60000, 150000),
                 "paras": ["回線3 ONU", "別館 1F 放射線科 操作室"], "target": "line:3"}
        term3 = {"pos": (3238500, 8458200), "adj": (50000, -180000),
                 "paras": ["端末 PCRAD01", "別館 1F 放射線科"], "target": "terminal:3"}
        anchors = picture_anchor(2, "rId2", 0, row2, ext2)
        pins = []
        for i, co in enumerate((line3, term3)):
            # the whole callout box lies inside the second plan, as does its tail
            assert rect2[1] <= co["pos"][1] and co["pos"][1] + box[1] <= rect2[1] + rect2[3]
            anchors += callout_anchor(110 + i, f"吹き出し {5 + i}", co["pos"], box, co["adj"], co["paras"])
            x, y = pin_xy(tail_point(co["pos"], box, co["adj"]), rect2)
            pins.append({"target": co["target"], "x": x, "y": y, "text": "\n".join(co["paras"])})
        p.put("xl/drawings/drawing1.xml", drawing.replace("</wsDr>", anchors + "</wsDr>"))
        rels = p.text("xl/drawings/_rels/drawing1.xml.rels")
        p.put("xl/drawings/_rels/drawing1.xml.rels", rels.replace(
            "</Relationships>", f'<Relationship Type="{NS_R}/image" Target="/xl/media/image2.png" Id="rId2"/></Relationships>'))
        p.put("xl/media/image2.png", floor_plan_png(width_px, height_px))
        exp = self.expected()
        exp["floorplans"].append({"index": 1, "pins": pins})
        self.variant("two-floorplans", p, exp,
                     "a second floor plan (1200x900 PNG shown at 800x600 px, oneCellAnchor at A31) with callouts for "
                     "回線3 and 端末 PCRAD01 whose tails point into it")

    # 8 ---------------------------------------------------------------------------------------
    def date1904(self):
        p = self.ref.copy()
        wb = p.text("xl/workbook.xml")
        assert "<workbookPr/>" in wb
        p.put("xl/workbook.xml", wb.replace("<workbookPr/>", '<workbookPr date1904="1"/>'))
        st = p.text("xl/styles.xml")
        st = st.replace('<numFmts count="0"/>', '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts>')
        st = st.replace('<cellXfs count="2">', '<cellXfs count="3">').replace(
            "</cellXfs>", '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1" pivotButton="0" '
                          'quotePrefix="0" xfId="0"/></cellXfs>')
        assert 'numFmtId="164"' in st and '<cellXfs count="3">' in st
        p.put("xl/styles.xml", st)
        b = p.sheet(S_BASIC)
        serial = (datetime.date(2024, 6, 3) - datetime.date(1904, 1, 1)).days
        b.set("A23", "記入日")
        b.set("B23", serial, style="2")
        p.put_sheet(S_BASIC, b)
        self.variant("date1904", p, self.expected(),
                     f"workbookPr date1904=\"1\" and 記入日 in A23 with a date (2024-06-03 = 1904 serial {serial}, "
                     "format yyyy/m/d) in B23; not a mapped field")

    # 9 ---------------------------------------------------------------------------------------
    def unknown_sheet(self):
        p = self.ref.copy()
        sh = Sheet(NEW_SHEET)
        sh.set("A1", "備考メモ")
        sh.set("A3", "回線2は来年度に廃止予定です。")
        sh.set("A4", "当日は正面玄関ではなく通用口からお入りください。")
        p.add_sheet("備考メモ", sh)
        exp = self.expected()
        exp["warnings"] = [{"code": "unknown_sheet", "where": where("備考メモ")}]
        self.variant("unknown-sheet", p, exp, "an extra fifth sheet 備考メモ with free text")

    # 10 --------------------------------------------------------------------------------------
    def validation(self):
        p = self.ref.copy()
        exp = self.expected()
        warnings = []
        b = p.sheet(S_BASIC)
        b.set("F3", "同意しない")
        exp["hospital"]["consent"] = "同意しない"
        warnings.append({"code": "consent_missing", "where": where(S_BASIC, "F3")})
        p.put_sheet(S_BASIC, b)

        s = p.sheet(S_LINES)
        s.set("E6", None)  # required 用途・システム名 of line 1
        exp["lines"][0]["purpose"] = ""
        warnings.append({"code": "required_missing", "where": where(S_LINES, "E6")})
        s.set("P6", "192.168.0.10")  # a private "global" IP
        exp["lines"][0]["global_ip"] = "192.168.0.10"
        warnings.append({"code": "global_ip_not_public", "where": where(S_LINES, "P6")})
        s.set("C7", "調査希望あり")  # line 2: scan wanted, no global IP, not 動的IP
        exp["lines"][1]["wants_vulnerability_scan"] = "調査希望あり"
        warnings.append({"code": "scan_without_ip", "where": ""})
        s.set("X9", "192.168.4.300")  # line 4, first device
        exp["lines"][3]["devices"][0]["management_ip"] = "192.168.4.300"
        warnings.append({"code": "invalid_ip", "where": where(S_LINES, "X9")})
        p.put_sheet(S_LINES, s)

        t = p.sheet(S_TERMS)
        t.delete_row(10)  # terminal No.5
        del exp["terminals"][4]
        warnings.append({"code": "terminal_count", "where": where(S_TERMS)})
        t.set("D9", t.get("D7"))  # terminal 4 hostname = terminal 2's
        exp["terminals"][3]["hostname"] = exp["terminals"][1]["hostname"]
        warnings.append({"code": "duplicate_host", "where": where(S_TERMS, "D9")})
        t.set("E9", t.get("E6"))  # terminal 4 IP = terminal 1's
        exp["terminals"][3]["ip"] = exp["terminals"][0]["ip"]
        warnings.append({"code": "duplicate_ip", "where": where(S_TERMS, "E9")})
        assert t.get("D9") == "PCIJI01" and t.get("E9") == "192.168.10.21/24" and 10 not in t.rows
        p.put_sheet(S_TERMS, t)
        exp["warnings"] = warnings
        self.variant("validation", p, exp,
                     "同意しない; line 1 用途 empty and global IP 192.168.0.10; line 2 asks for 脆弱性診断 without a global IP; "
                     "line 4 管理IP 192.168.4.300; terminal No.5 removed; terminal 4 repeats terminal 2's hostname and "
                     "terminal 1's IP")

    # 11 --------------------------------------------------------------------------------------
    def lo_callout_groups(self):
        p = self.ref.copy()
        drawing = p.text("xl/drawings/drawing1.xml")
        anchors = ABS_ANCHOR_RE.findall(drawing)
        callouts = [parse_callout_anchor(a) for a in anchors]
        x0 = min(c["pos"][0] for c in callouts)
        y0 = min(c["pos"][1] for c in callouts)
        x1 = max(c["pos"][0] + c["ext"][0] for c in callouts)
        y1 = max(c["pos"][1] + c["ext"][1] for c in callouts)
        ch_off = (1000000, 500000)  # child space: scaled by 2, with an offset of its own

        def child(pt):
            return (ch_off[0] + 2 * (pt[0] - x0), ch_off[1] + 2 * (pt[1] - y0))

        children = []
        for c in callouts:
            off = child(c["pos"])
            ext = (2 * c["ext"][0], 2 * c["ext"][1])
            children.append(c["sp"].replace("<xdr:spPr>", f'<xdr:spPr><a:xfrm><a:off x="{off[0]}" y="{off[1]}"/>'
                                                          f'<a:ext cx="{ext[0]}" cy="{ext[1]}"/></a:xfrm>', 1))

        def cell(v, size):
            return divmod(v, size)

        (fc, fco), (fr, fro) = cell(x0, COL_EMU), cell(y0, ROW_EMU)
        (tc, tco), (tr, tro) = cell(x1, COL_EMU), cell(y1, ROW_EMU)
        group = (
            '<xdr:twoCellAnchor editAs="absolute">'
            f"<xdr:from><xdr:col>{fc}</xdr:col><xdr:colOff>{fco}</xdr:colOff><xdr:row>{fr}</xdr:row><xdr:rowOff>{fro}</xdr:rowOff></xdr:from>"
            f"<xdr:to><xdr:col>{tc}</xdr:col><xdr:colOff>{tco}</xdr:colOff><xdr:row>{tr}</xdr:row><xdr:rowOff>{tro}</xdr:rowOff></xdr:to>"
            '<xdr:grpSp><xdr:nvGrpSpPr><xdr:cNvPr id="200" name="グループ化 1"/><xdr:cNvGrpSpPr/></xdr:nvGrpSpPr>'
            f'<xdr:grpSpPr><a:xfrm><a:off x="{x0}" y="{y0}"/><a:ext cx="{x1 - x0}" cy="{y1 - y0}"/>'
            f'<a:chOff x="{ch_off[0]}" y="{ch_off[1]}"/><a:chExt cx="{2 * (x1 - x0)}" cy="{2 * (y1 - y0)}"/></a:xfrm></xdr:grpSpPr>'
            + "\n".join(children) + "</xdr:grpSp><xdr:clientData/></xdr:twoCellAnchor>")
        start = drawing.index(anchors[0])
        end = drawing.index(anchors[-1]) + len(anchors[-1])
        p.put("xl/drawings/drawing1.xml", drawing[:start] + group + drawing[end:])

        # self-check: map each child's tail back through the group transform
        rect = self.plan_rect(drawing)
        for c, pin in zip(callouts, self.ref_expected["floorplans"][0]["pins"]):
            coff, cext = child(c["pos"]), (2 * c["ext"][0], 2 * c["ext"][1])
            tx, ty = tail_point(coff, cext, c["adj"])
            sx = x0 + (tx - ch_off[0]) * (x1 - x0) / (2 * (x1 - x0))
            sy = y0 + (ty - ch_off[1]) * (y1 - y0) / (2 * (y1 - y0))
            x, y = pin_xy((sx, sy), rect)
            assert abs(x - pin["x"]) < 0.002 and abs(y - pin["y"]) < 0.002
        self.variant("lo-callout-groups", p, self.expected(),
                     "the four callouts wrapped in one group shape (twoCellAnchor > xdr:grpSp, a:xfrm with chOff/chExt: "
                     "child coordinates = 2 x sheet + offset); pins as in the reference")

    # 12 --------------------------------------------------------------------------------------
    def callout_unmatched(self):
        p = self.ref.copy()
        drawing = p.text("xl/drawings/drawing1.xml")
        extra = callout_anchor(120, "吹き出し 5", (4953000, 1524000), (2095500, 571500), (-40000, 120000),
                               ["受付カウンター", "(調査対象外)"])
        p.put("xl/drawings/drawing1.xml", drawing.replace("</wsDr>", extra + "</wsDr>"))
        exp = self.expected()
        exp["warnings"] = [{"code": "callout_unmatched", "where": ""}]
        self.variant("callout-unmatched", p, exp,
                     "a fifth callout 受付カウンター (調査対象外) that names no line or terminal: warned, not a pin")

    # -- hostile ------------------------------------------------------------------------------
    def hostiles(self):
        ref_bytes = open(self.ref_path, "rb").read()
        rnd = random.Random(20261123)

        path = self.hostile("not-a-zip", "zip", "a text file named .xlsx")
        with open(path, "w", encoding="utf-8") as f:
            f.write("医療機関記入依頼書\nThis is not a spreadsheet, just text with an .xlsx name.\n")

        path = self.hostile("truncated", "zip", "the reference workbook cut to half its bytes (no central directory)")
        with open(path, "wb") as f:
            f.write(ref_bytes[: len(ref_bytes) // 2])

        sheet1 = self.ref.sheet_part(S_BASIC)
        s1 = self.ref.data[sheet1]
        i = s1.index(b"<sheetData>") + len(b"<sheetData>")
        count = 1100  # MiB of whitespace: > 1 GiB inflated
        path = self.hostile("zip-bomb", "too large",
                            f"a valid workbook whose {sheet1} inflates to {count} MiB (spaces inside <sheetData>)")
        rz = raw_copy(self.ref, path, replace={
            sheet1: lambda z: z.add_repeating(sheet1, s1[:i], b" " * (1 << 20), count, s1[i:])})
        rz.close()

        path = self.hostile("many-parts-bomb", "too large",
                            "the reference plus 2000 extra entries of 1 MiB zeros each (2 GiB inflated in all)")
        zeros = b"\0" * (1 << 20)
        co = zlib.compressobj(9, zlib.DEFLATED, -15)
        zcomp = co.compress(zeros) + co.flush()
        zcrc = zlib.crc32(zeros)
        rz = raw_copy(self.ref, path)
        for n in range(2000):
            rz.add_precompressed(f"xl/media/filler{n:04d}.bin", zcomp, zcrc, len(zeros))
        rz.close()

        wb = self.ref.text("xl/workbook.xml")
        lol = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{k} "{("&lol%d;" % (k - 1)) * 10}">' for k in range(1, 10)]
        bomb_wb = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE workbook [\n' + "\n".join(lol) + "\n]>\n"
                   + wb.replace("<definedNames/>", '<definedNames><definedName name="lol">&lol9;</definedName></definedNames>'))
        assert "&lol9;" in bomb_wb
        path = self.hostile("dtd-billion-laughs", "dtd",
                            "xl/workbook.xml with a DOCTYPE of ten nested entity levels (10^9 x 'lol') used in a definedName")
        self.save_modified(path, {"xl/workbook.xml": bomb_wb})

        b = self.ref.sheet(S_BASIC)
        b.rows[7][1][col_index("B")] = (' t="inlineStr"', "<is><t>&xxe;</t></is>")
        xxe = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
               + b.xml())
        path = self.hostile("xxe", "dtd", "基本情報記入シート with an external entity (file:///etc/passwd) used as 医療機関名 in B7")
        self.save_modified(path, {sheet1: xxe})

        path = self.hostile("traversal-entry", "unsafe", "the reference plus a zip entry named ../../evil.txt")
        rz = raw_copy(self.ref, path)
        rz.add("../../evil.txt", b"written outside the extraction directory\n")
        rz.close()

        path = self.hostile("absolute-entry", "unsafe", "the reference plus a zip entry named /etc/evil.txt")
        rz = raw_copy(self.ref, path)
        rz.add("/etc/evil.txt", b"written to an absolute path\n")
        rz.close()

        path = self.hostile("missing-workbook", "workbook", "xl/workbook.xml removed (its relationship and content type stay)")
        p = self.ref.copy()
        p.remove("xl/workbook.xml")
        p.save(path)

        sheet2 = self.ref.sheet_part(S_LINES)
        path = self.hostile("wrong-content", "xml", f"{sheet2} ({S_LINES}) replaced by 4096 random bytes")
        self.save_modified(path, {sheet2: bytes(rnd.getrandbits(8) for _ in range(4096))})

        rels = self.ref.text("xl/_rels/workbook.xml.rels")
        esc = re.sub(r'Target="/xl/worksheets/sheet2.xml"', 'Target="../../../../etc/passwd"', rels)
        assert esc != rels
        path = self.hostile("rels-escape", "unsafe",
                            f"the relationship of {S_LINES} (rId2) points at Target=\"../../../../etc/passwd\", outside the package")
        self.save_modified(path, {"xl/_rels/workbook.xml.rels": esc})

        depth = 200000
        b = self.ref.sheet(S_BASIC)
        b.rows[7][1][col_index("B")] = ("", "<x>" * depth + "deep" + "</x>" * depth)
        path = self.hostile("deep-nesting", "nest", f"基本情報記入シート cell B7 contains {depth} nested elements")
        self.save_modified(path, {sheet1: b.xml()})

        # huge shared strings: ~300 MB of <si> items (a few real ones first), referenced from A1 of sheet 1
        path = self.hostile("huge-shared-strings", "too large",
                            "xl/sharedStrings.xml of ~300 MiB (count=\"2000000000\", millions of <si> items) referenced from 基本情報記入シート!A1")
        p = self.ref.copy()
        p.add_content_type("xl/sharedStrings.xml", CT_SST)
        p.add_workbook_rel(REL_SST, "sharedStrings.xml")
        b = p.sheet(S_BASIC)
        b.rows[1][1][1] = (' t="s"', "<v>0</v>")
        p.put_sheet(S_BASIC, b)
        p.put("xl/sharedStrings.xml", b"")  # placeholder, streamed below
        item = b"<si><t>filler</t></si>"
        chunk = item * ((1 << 20) // len(item))
        prefix = (f'<sst xmlns="{NS_MAIN}" count="2000000000" uniqueCount="2000000000">'
                  "<si><t>医療機関記入依頼書（回線・機器情報等記入） 基本情報記入シート</t></si>"
                  "<si><t>同意する</t></si><si><t>さぬき中央病院</t></si>").encode("utf-8")
        rz = raw_copy(p, path, replace={"xl/sharedStrings.xml": lambda z: z.add_repeating(
            "xl/sharedStrings.xml", prefix, chunk, 300, b"</sst>")})
        rz.close()

    def save_modified(self, path, parts):
        p = self.ref.copy()
        for k, v in parts.items():
            p.put(k, v)
        p.save(path)

    def run(self):
        for step in (self.moved_columns, self.inserted_columns, self.fullwidth, self.merged_cells, self.blank_rows,
                     self.password_sheet, self.two_floorplans, self.date1904, self.unknown_sheet, self.validation,
                     self.lo_callout_groups, self.callout_unmatched, self.hostiles):
            step()
        files = [v["file"] for v in self.manifest["variants"]] + [v["expected"] for v in self.manifest["variants"]] + \
                [h["file"] for h in self.manifest["hostile"]]
        for f in files:
            size = os.path.getsize(os.path.join(self.outdir, f))
            assert size < 8 * 1024 * 1024, (f, size)
        with open(os.path.join(self.outdir, "manifest.json"), "w", encoding="utf-8") as f:
            json.dump(self.manifest, f, ensure_ascii=False, indent=1)
            f.write("\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--reference", default=os.path.join(here, "../../../../shared/corpus/intake/reference.xlsx"),
                    help="reference.xlsx (its .expected.json is read from beside it)")
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    t0 = time.monotonic()
    corpus = Corpus(os.path.normpath(args.reference), args.outdir)
    corpus.run()
    m = corpus.manifest
    print(f"{len(m['variants'])} variants, {len(m['hostile'])} hostile files in {args.outdir} "
          f"({time.monotonic() - t0:.1f} s)")


if __name__ == "__main__":
    sys.exit(main())
