#include "languagesetup.h"

#include "logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace fs::app {

namespace {

bool installTranslator(QCoreApplication &app, const QLocale &locale, const QString &name,
                       const QString &directory)
{
    auto *translator = new QTranslator(&app);
    if (!translator->load(locale, name, QStringLiteral("_"), directory)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

bool LanguageSetup::install(QCoreApplication &app, const QString &language)
{
    const QString resources = QStringLiteral(":/fieldsurvey/i18n");
    QLocale locale;
    if (language == QLatin1StringView(kJapanese)) {
        locale = QLocale(QLocale::Japanese, QLocale::Japan);
    } else if (language == QLatin1StringView(kEnglish)) {
        locale = QLocale(QLocale::English, QLocale::UnitedKingdom);
    } else {
        qCWarning(lcUi) << "unknown UI language" << language;
        return false;
    }
    QLocale::setDefault(locale);

    // English is the source language; its file holds only the plural forms.
    if (!installTranslator(app, locale, QStringLiteral("fieldsurvey"), resources)) {
        qCWarning(lcUi) << "the" << language << "translation is missing from the resources";
        return false;
    }
    // Qt's own dialogs and buttons (OK / キャンセル); optional.
    if (language == QLatin1StringView(kJapanese))
        installTranslator(app, locale, QStringLiteral("qtbase"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return true;
}

} // namespace fs::app
