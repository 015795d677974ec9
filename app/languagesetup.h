#pragma once

#include <QString>

class QCoreApplication;

namespace fs::app {

// The UI language. Japanese is the primary language: the app starts in Japanese whatever the
// system locale; `--lang en` shows the English source strings.
class LanguageSetup
{
public:
    static constexpr char kJapanese[] = "ja";
    static constexpr char kEnglish[] = "en";

    // Installs FieldSurvey's and Qt's translators for language ("ja" or "en") and sets the default
    // QLocale, so dates read 2026年12月3日(木). Returns false for an unknown language or a missing
    // translation.
    [[nodiscard]] static bool install(QCoreApplication &app, const QString &language);
};

} // namespace fs::app
