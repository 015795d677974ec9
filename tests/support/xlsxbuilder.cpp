#include "xlsxbuilder.h"

#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

namespace fs::test {

XlsxBuilder &XlsxBuilder::add(const QString &part, const QByteArray &content)
{
    m_parts.append({part, content});
    return *this;
}

XlsxBuilder XlsxBuilder::workbook(const QList<std::pair<QString, QByteArray>> &sheets, bool date1904,
                                  const QByteArray &sharedStrings, const QByteArray &styles)
{
    XlsxBuilder b;
    QByteArray types = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types "
                       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                       "<Default Extension=\"rels\" "
                       "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                       "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
    b.add(QStringLiteral("[Content_Types].xml"), types);
    b.add(QStringLiteral("_rels/.rels"),
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          "<Relationship Id=\"rId1\" "
          "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
          "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    QByteArray workbook = "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                          "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">";
    workbook += date1904 ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>";
    workbook += "<sheets>";
    QByteArray rels =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (qsizetype i = 0; i < sheets.size(); ++i) {
        const QByteArray n = QByteArray::number(i + 1);
        workbook +=
            "<sheet name=\"" + sheets[i].first.toUtf8() + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
        rels += "<Relationship Id=\"rId" + n +
                "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                "Target=\"worksheets/sheet" +
                n + ".xml\"/>";
        b.add(QStringLiteral("xl/worksheets/sheet%1.xml").arg(i + 1), sheets[i].second);
    }
    if (!sharedStrings.isEmpty()) {
        rels += "<Relationship Id=\"rIdS\" "
                "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                "sharedStrings\" Target=\"sharedStrings.xml\"/>";
        b.add(QStringLiteral("xl/sharedStrings.xml"), sharedStrings);
    }
    if (!styles.isEmpty()) {
        rels += "<Relationship Id=\"rIdT\" "
                "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                "styles\" Target=\"styles.xml\"/>";
        b.add(QStringLiteral("xl/styles.xml"), styles);
    }
    workbook += "</sheets></workbook>";
    rels += "</Relationships>";
    b.add(QStringLiteral("xl/workbook.xml"), workbook);
    b.add(QStringLiteral("xl/_rels/workbook.xml.rels"), rels);
    return b;
}

bool XlsxBuilder::write(const QString &path) const
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate))
        return false;
    for (const auto &[name, content] : m_parts) {
        QuaZipFile file(&zip);
        if (!file.open(QIODevice::WriteOnly, QuaZipNewInfo(name)))
            return false;
        if (file.write(content) != content.size())
            return false;
        file.close();
        if (file.getZipError() != UNZ_OK)
            return false;
    }
    zip.close();
    return zip.getZipError() == UNZ_OK;
}

} // namespace fs::test
