#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace fs::model {
enum class SurveyState;
enum class InvestigatorRole;
class LabelledTableModel;
} // namespace fs::model

namespace fs::app {

// The translated column headers and value labels the survey_model table models display.
class ModelLabels
{
    Q_DECLARE_TR_FUNCTIONS(fs::app::ModelLabels)

public:
    [[nodiscard]] static QStringList connectionPointHeaders();
    [[nodiscard]] static QStringList terminalHeaders();
    [[nodiscard]] static QStringList scheduleHeaders();
    // Labels of stable keys, "group/key" → text, for every model.
    [[nodiscard]] static QHash<QString, QString> valueLabels();
    // One of them: value("protection", "ssl_vpn") → "SSL-VPN"; the key itself when unknown.
    [[nodiscard]] static QString value(const QString &group, const QString &key);

    [[nodiscard]] static QString surveyState(fs::model::SurveyState state);
    [[nodiscard]] static QString investigatorRole(fs::model::InvestigatorRole role);
};

} // namespace fs::app
