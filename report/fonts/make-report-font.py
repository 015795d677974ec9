#!/usr/bin/python3
"""Derives the report's font from Noto Sans CJK JP (fonts-noto-cjk, SIL Open Font Licence 1.1).

Qt's PDF writer maps each embedded glyph back to text (the ToUnicode table) through the font's
character map, taking the lowest code point that reaches the glyph. Two properties of Noto Sans CJK
then make copied or searched report text wrong:

* several code points share one glyph: the Kangxi radicals (U+2F00-U+2FDF) and the CJK radicals
  supplement share the unified ideographs' glyphs, so 見 comes out as U+2F92 and 人 as U+2F08; the
  katakana middle dot ・ comes out as U+2027;
* in Latin runs the shaper substitutes digits and punctuation (GSUB) with glyphs no code point
  reaches, so "0.1.0" or "PC-EMR" lose characters.

The derived font keeps, for every glyph, only the code point a report writes (Latin, kana and CJK
punctuation, unified ideographs, fullwidth forms first), drops GSUB (the report sets horizontal
text only), and is renamed so that it never stands in for the system font.

usage: make-report-font.py SOURCE.ttc FACE_NAME STYLE OUT.otf
       (FACE_NAME: the family of the collection's face to take, e.g. "Noto Sans CJK JP")
"""
import sys

from fontTools.ttLib import TTCollection

FAMILY = "FieldSurvey Report Sans JP"
PREFERRED = [range(0x0000, 0x0250), range(0x3000, 0x3100), range(0x4E00, 0xA000), range(0x3400, 0x4DC0),
             range(0xFF00, 0xFFF0)]


def preference(code):
    for rank, block in enumerate(PREFERRED):
        if code in block:
            return (rank, code)
    return (len(PREFERRED), code)


def main():
    source, face_name, style, out = sys.argv[1:5]
    collection = TTCollection(source, lazy=True)
    font = next((f for f in collection.fonts if f["name"].getDebugName(1) == face_name), None)
    if font is None:
        sys.exit(f"make-report-font: no face named {face_name!r} in {source}")
    cmap = font["cmap"]
    best = {}
    for code, glyph in cmap.getBestCmap().items():
        if glyph not in best or preference(code) < preference(best[glyph]):
            best[glyph] = code
    keep = set(best.values())
    for table in cmap.tables:
        if table.isUnicode() and getattr(table, "cmap", None):
            for code in [c for c in table.cmap if c not in keep]:
                del table.cmap[code]
    if "GSUB" in font:
        del font["GSUB"]
    name = font["name"]
    postscript = FAMILY.replace(" ", "") + "-" + style
    name.names = [n for n in name.names if n.nameID not in (1, 2, 3, 4, 6, 16, 17, 21, 22)]
    for name_id, value in ((1, FAMILY), (2, style), (3, postscript), (4, f"{FAMILY} {style}"),
                           (6, postscript)):
        name.setName(value, name_id, 3, 1, 0x409)
        name.setName(value, name_id, 1, 0, 0)
    font.save(out)


if __name__ == "__main__":
    main()
