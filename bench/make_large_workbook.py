#!/usr/bin/env python3
"""Build a large 別紙2-1 for the intake benchmark.

    python3 make_large_workbook.py OUT.xlsx [--reference PATH/reference.xlsx]

From the structure of ../shared/corpus/intake/reference.xlsx (its header rows, styles,
validations and basic-information sheet are kept): 300 lines of two device rows each (a router
and a UTM with distinct hostnames and management IPs), 50 terminals, four floor-plan pictures
of ~5.4 MB each (noise PNGs written with zlib, so they do not compress) stacked on
設置場所記入シート, and one callout per line (75 on each plan) whose tail lies inside its plan.
About 22 MB in all; prints the file size. Standard library only, deterministic.
"""

import argparse
import os
import random
import re
import struct
import sys
import time
import zipfile
import zlib
from xml.sax.saxutils import escape

LINES = 300
TERMINALS = 50
PLANS = 4
PNG_W, PNG_H = 1500, 1200  # RGB noise: 1500*1200*3 bytes + filter bytes = ~5.4 MB each
SHOW_W, SHOW_H = 750, 600  # displayed size in px (same aspect)
EMU_PER_PX = 9525
ROW_EMU = 190500  # default row height 15 pt
PLAN_ROWS = 34  # rows between the tops of consecutive plans (600 px = 30 rows)
CALLOUT_EXT = (2095500, 571500)
CALLOUT_ADJ = (-77272, 133333)  # tail below-left of the box, as in the reference

NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def col_letters(n):
    s = ""
    while n:
        n, rem = divmod(n - 1, 26)
        s = chr(65 + rem) + s
    return s


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def row_xml(r, values):
    """values: {column letters: str | int}; empty strings are left out."""
    cells = []
    for col in sorted(values, key=col_index):
        v = values[col]
        if v is None or v == "":
            continue
        ref = f"{col}{r}"
        if isinstance(v, int):
            cells.append(f'<c r="{ref}" t="n"><v>{v}</v></c>')
        else:
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>')
    return f'<row r="{r}">' + "".join(cells) + "</row>"


def replace_data(sheet_xml, first_data_row, rows, last_col, last_row):
    """Keep the sheet's rows above first_data_row, put `rows` after them, fix dimension and validations."""
    head, rest = sheet_xml.split("<sheetData>", 1)
    data, tail = rest.split("</sheetData>", 1)
    keep = data[: data.index(f'<row r="{first_data_row}"')]
    head = re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="A1:{last_col}{last_row}"/>', head)
    tail = re.sub(r'sqref="([A-Z]+)(\d+):([A-Z]+)\d+"',
                  lambda m: f'sqref="{m.group(1)}{m.group(2)}:{m.group(3)}{max(last_row, 60)}"', tail)
    return head + "<sheetData>" + keep + "".join(rows) + "</sheetData>" + tail


GLOBAL_POOL = [f"203.0.113.{i}" for i in range(1, 255)] + [f"198.51.100.{i}" for i in range(1, 255)] + \
              [f"192.0.2.{i}" for i in range(1, 255)]


def line_rows():
    purposes = ["電子カルテ", "医事", "リモート保守(放射線)", "地域医療連携", "PACS", "検査システム保守"]
    vendors = ["A社", "B社", "C社", "D社", "E社"]
    rows, onu = [], {}
    r = 6
    gi = 0
    for i in range(1, LINES + 1):
        kind = i % 5  # 0: closed network, 1: mobile with dynamic IP, else fixed global IP
        loc = f"本館 {1 + i % 8}F サーバー室 {1 + i % 20}番ラック {1 + i % 40}U"
        onu[i] = loc
        line = {
            "A": f"回線{i}", "B": "調査希望あり", "C": "調査希望なし" if kind == 0 or i % 7 == 0 else "調査希望あり",
            "D": "あり" if i % 2 else "なし", "E": purposes[i % len(purposes)], "L": loc,
            "T": "ルータ", "U": "ヤマハ", "V": "RTX1220", "W": f"rt{i:03d}-edge", "X": f"10.{i // 250}.{i % 250}.1",
            "Y": "SSH", "Z": 22, "AA": vendors[i % len(vendors)],
        }
        if kind == 0:
            line.update({"F": "閉域網(IP-VPN)", "G": "NTT西日本", "H": "フレッツ・VPN ワイド", "I": f"CAV{i:010d}",
                         "M": "閉域網", "N": "なし"})
        elif kind == 1:
            line.update({"F": "モバイル", "G": "NTTドコモ", "H": "LTE データ通信", "J": "mopera U",
                         "M": "インターネットVPN", "N": "あり", "O": "動的IP"})
        else:
            line.update({"F": "光回線", "G": "NTT西日本", "H": "フレッツ 光クロス", "I": f"CAF{i:010d}", "J": "OCN",
                         "K": "OCN 光 IPoE 固定IP", "M": "インターネットVPN" if i % 2 else "インターネット", "N": "あり",
                         "O": "固定IP", "P": GLOBAL_POOL[gi], "Q": f"line{i}.sanuki-chuo.example.jp", "R": "入力不要"})
            gi += 1
        rows.append(row_xml(r, line))
        utm = {"A": f"回線{i}", "T": "UTM", "U": "Fortinet", "V": "FortiGate-60F", "W": f"utm{i:03d}-edge",
               "X": f"10.{i // 250}.{i % 250}.2", "Y": "SSH", "Z": 22, "AA": vendors[i % len(vendors)]}
        rows.append(row_xml(r + 1, utm))
        r += 2
    return rows, r - 1, onu


def terminal_rows():
    systems = ["電子カルテ", "医事会計", "放射線(RIS)", "検査", "薬剤", "リハビリ", "給食"]
    products = ["Trend Micro Apex One", "ESET Endpoint Security", "Microsoft Defender"]
    rows = []
    for n in range(1, TERMINALS + 1):
        vdi = n % 5 == 0
        t = {"A": f"No.{n}", "B": systems[n % len(systems)], "C": "仮想デスクトップ" if vdi else "単体",
             "D": f"PC{n:03d}", "E": f"192.168.10.{20 + n}/24", "F": f"本館 {1 + n % 6}F 病棟{n}",
             "I": products[n % len(products)], "J": "端末操作可能時間：12:00-13:00" if n % 4 == 0 else ""}
        if vdi:
            t.update({"G": f"VDI-{n:03d}", "H": f"172.16.1.{100 + n}/24"})
        rows.append(row_xml(5 + n, t))
    return rows, 5 + TERMINALS


def noise_png(seed):
    rnd = random.Random(seed)
    raw = b"".join(b"\x00" + rnd.randbytes(PNG_W * 3) for _ in range(PNG_H))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", PNG_W, PNG_H, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b"")


def drawing(onu):
    ext = (SHOW_W * EMU_PER_PX, SHOW_H * EMU_PER_PX)
    parts = [f'<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
             f'xmlns:a="{A_NS}" xmlns:r="{NS_R}">']
    per_plan = (LINES + PLANS - 1) // PLANS
    shape_id = 100
    for k in range(PLANS):
        row = 2 + k * PLAN_ROWS
        parts.append(
            f'<xdr:oneCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>{row}</xdr:row>'
            f'<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="{ext[0]}" cy="{ext[1]}"/><xdr:pic><xdr:nvPicPr>'
            f'<xdr:cNvPr id="{k + 1}" name="Image {k + 1}" descr="{k + 1}F 平面図"/><xdr:cNvPicPr/></xdr:nvPicPr>'
            f'<xdr:blipFill><a:blip r:embed="rId{k + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>'
            '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>')
        rx, ry = 0, row * ROW_EMU
        w, h = CALLOUT_EXT
        for i in range(k * per_plan + 1, min(LINES, (k + 1) * per_plan) + 1):
            j = (i - 1) % per_plan
            gx, gy = j % 15, j // 15
            tx = rx + ext[0] * (0.05 + 0.85 * gx / 14)
            ty = ry + ext[1] * (0.30 + 0.65 * gy / 4)
            px = round(tx - (w / 2 + CALLOUT_ADJ[0] * w / 100000))
            py = round(ty - (h / 2 + CALLOUT_ADJ[1] * h / 100000))
            assert px >= 0 and py >= ry
            paras = "".join(f'<a:p><a:r><a:rPr lang="ja-JP" sz="1000"/><a:t>{escape(t)}</a:t></a:r></a:p>'
                            for t in (f"回線{i} ONU", onu[i]))
            parts.append(
                f'<xdr:absoluteAnchor><xdr:pos x="{px}" y="{py}"/><xdr:ext cx="{w}" cy="{h}"/>'
                f'<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="{shape_id}" name="吹き出し {i}"/><xdr:cNvSpPr/></xdr:nvSpPr>'
                f'<xdr:spPr><a:prstGeom prst="wedgeRectCallout"><a:avLst><a:gd name="adj1" fmla="val {CALLOUT_ADJ[0]}"/>'
                f'<a:gd name="adj2" fmla="val {CALLOUT_ADJ[1]}"/></a:avLst></a:prstGeom><a:solidFill><a:srgbClr val="FFFFCC"/>'
                '</a:solidFill><a:ln><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></a:ln></xdr:spPr>'
                f'<xdr:txBody><a:bodyPr/><a:lstStyle/>{paras}</xdr:txBody></xdr:sp><xdr:clientData/></xdr:absoluteAnchor>')
            shape_id += 1
    parts.append("</xdr:wsDr>")
    return "".join(parts)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--reference", default=os.path.join(here, "../../shared/corpus/intake/reference.xlsx"))
    args = ap.parse_args()
    t0 = time.monotonic()

    with zipfile.ZipFile(args.reference) as z:
        infos = z.infolist()
        parts = {i.filename: z.read(i) for i in infos}
    order = [i.filename for i in infos]
    date_time = infos[0].date_time

    line_data, last_line_row, onu = line_rows()
    parts["xl/worksheets/sheet2.xml"] = replace_data(
        parts["xl/worksheets/sheet2.xml"].decode("utf-8"), 6, line_data, "AB", last_line_row).encode("utf-8")
    term_data, last_term_row = terminal_rows()
    parts["xl/worksheets/sheet3.xml"] = replace_data(
        parts["xl/worksheets/sheet3.xml"].decode("utf-8"), 6, term_data, "J", last_term_row).encode("utf-8")
    parts["xl/drawings/drawing1.xml"] = drawing(onu).encode("utf-8")
    parts["xl/drawings/_rels/drawing1.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(f'<Relationship Type="{NS_R}/image" Target="/xl/media/image{k + 1}.png" Id="rId{k + 1}"/>'
                  for k in range(PLANS)) + "</Relationships>").encode("utf-8")
    media_at = order.index("xl/media/image1.png")
    for k in range(PLANS):
        name = f"xl/media/image{k + 1}.png"
        parts[name] = noise_png(1000 + k)
        if name not in order:
            order.insert(media_at + k, name)

    with zipfile.ZipFile(args.out, "w") as z:
        for name in order:
            zi = zipfile.ZipInfo(name, date_time)
            zi.compress_type = zipfile.ZIP_STORED if name.endswith(".png") else zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, parts[name])

    size = os.path.getsize(args.out)
    print(f"{args.out}: {size} bytes ({size / 1e6:.1f} MB): {LINES} lines x 2 devices, {TERMINALS} terminals, "
          f"{PLANS} floor plans of {len(parts['xl/media/image1.png'])} bytes, {LINES} callouts "
          f"({time.monotonic() - t0:.1f} s)")


if __name__ == "__main__":
    sys.exit(main())
