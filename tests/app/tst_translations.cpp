#include "testpaths.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString type;             // translation type: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one, or the numerus forms
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read ") + path;
        return {};
    }
    QList<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QStringLiteral("context")) {
                context.clear();
            } else if (name == QStringLiteral("name")) {
                context = xml.readElementText();
            } else if (name == QStringLiteral("message")) {
                current =
                    TsMessage{context,
                              {},
                              xml.attributes().value(QStringLiteral("numerus")) == QStringLiteral("yes"),
                              {},
                              {}};
            } else if (name == QStringLiteral("source")) {
                current.source = xml.readElementText();
            } else if (name == QStringLiteral("translation")) {
                current.type = xml.attributes().value(QStringLiteral("type")).toString();
                // A plural message's forms are <numerusform> children, read below.
                if (!current.numerus)
                    current.translations.append(xml.readElementText());
            } else if (name == QStringLiteral("numerusform")) {
                current.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == QStringLiteral("message")) {
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

// "context: source" of every message that is not fully translated.
QStringList unfinished(const QList<TsMessage> &messages)
{
    QStringList problems;
    for (const TsMessage &m : messages) {
        if (m.type == QStringLiteral("vanished") || m.type == QStringLiteral("obsolete"))
            continue;
        bool empty = m.translations.isEmpty();
        for (const QString &t : m.translations)
            empty = empty || t.trimmed().isEmpty();
        if (m.type == QStringLiteral("unfinished") || empty)
            problems << m.context + QStringLiteral(": ") + m.source;
    }
    return problems;
}

QString runLupdate(const QStringList &sourceDirs, const QString &ts, const QStringList &options = {})
{
    QProcess lupdate;
    lupdate.setWorkingDirectory(fs::test::sourceDir());
    lupdate.setProcessChannelMode(QProcess::MergedChannels);
    lupdate.start(QStringLiteral(FS_LUPDATE),
                  QStringList{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                              QStringLiteral("none"), QStringLiteral("-silent")} +
                      options + sourceDirs + QStringList{QStringLiteral("-ts"), ts});
    if (!lupdate.waitForFinished(120000) || lupdate.exitCode() != 0)
        return QStringLiteral("lupdate failed: ") + QString::fromUtf8(lupdate.readAll());
    return {};
}

const QString kTs = QStringLiteral("resources/translations/fieldsurvey_ja.ts");
// English is the source language; its file carries only plural forms.
const QString kTsEnglish = QStringLiteral("resources/translations/fieldsurvey_en.ts");

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void committedJapaneseIsComplete()
    {
        QString error;
        const auto messages = readTs(QDir(fs::test::sourceDir()).filePath(kTs), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(messages.size() > 50, "the Japanese translation is (nearly) empty");
        const QStringList problems = unfinished(messages);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("untranslated:\n") + problems.join(QLatin1Char('\n'))));
    }

    // lupdate over today's sources adds every new tr() string as unfinished: there must be none.
    void everySourceStringIsTranslated()
    {
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("fieldsurvey_ja.ts"));
        QVERIFY(QFile::copy(QDir(fs::test::sourceDir()).filePath(kTs), ts));
        QVERIFY(QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner));
        const QString failed = runLupdate({QStringLiteral("app"), QStringLiteral("forms")}, ts);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QString error;
        const auto messages = readTs(ts, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList problems = unfinished(messages);
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QStringLiteral("strings in the sources without a Japanese translation (run `make "
                                           "translations`, then translate):\n") +
                            problems.join(QLatin1Char('\n'))));
    }

    void englishPluralsAreComplete()
    {
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("fieldsurvey_en.ts"));
        QVERIFY(QFile::copy(QDir(fs::test::sourceDir()).filePath(kTsEnglish), ts));
        QVERIFY(QFile::setPermissions(ts, QFile::ReadOwner | QFile::WriteOwner));
        const QString failed =
            runLupdate({QStringLiteral("app"), QStringLiteral("forms")}, ts, {QStringLiteral("-pluralonly")});
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QString error;
        const auto messages = readTs(ts, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!messages.isEmpty());
        for (const TsMessage &m : messages)
            QVERIFY2(m.translations.size() == 2,
                     qPrintable(m.source + QStringLiteral(": English needs two plural forms")));
        const QStringList problems = unfinished(messages);
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("English plural forms missing:\n") +
                                                problems.join(QLatin1Char('\n'))));
    }

    // Libraries report error codes; only the app translates (STYLE.md, Errors).
    void librariesDoNotTranslate()
    {
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("libraries.ts"));
        const QString failed = runLupdate({QStringLiteral("survey_model"), QStringLiteral("sync"),
                                           QStringLiteral("app/collect"), QStringLiteral("app/cli")},
                                          ts);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        QString error;
        const auto messages = readTs(ts, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList found;
        for (const TsMessage &m : messages)
            found << m.context + QStringLiteral(": ") + m.source;
        QVERIFY2(found.isEmpty(),
                 qPrintable(QStringLiteral("tr() in a library:\n") + found.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
