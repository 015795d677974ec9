#pragma once

#include "error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace fs::sync {

// One portal field fed by one source of one survey entity (SyncSources names the sources).
struct MappedField
{
    QString code;
    QString entity; // survey, hospital, or the subtable's entity
    QString source;
    QString label;
    QString type = QStringLiteral("SINGLE_LINE_TEXT"); // or MULTI_LINE_TEXT
    bool unique = false;
    bool required = false;
};

// A SUBTABLE of the survey record: one row per row of an entity, found again by its key field
// (the row's UUID), with an optional FILE field for the row's stored file (photos, floor plans).
struct MappedTable
{
    QString code;
    QString label;
    QString entity;
    QString keyCode; // the field whose source is "uuid"
    QString fileCode;
    QString fileLabel;
    QList<MappedField> fields;

    [[nodiscard]] const MappedField *field(const QString &code) const;
};

// The hospital list app: one record per hospital, with the submitted workbook (別紙2-1).
struct HospitalAppMapping
{
    int app = 0;
    QString codeField;
    QString nameField;
    QString prefectureField;
    QString fiscalYearField;
    QString workbookField; // FILE
};

// How FieldSurvey's survey maps onto the portal's kintone apps: configuration (a JSON file), not
// code. The built-in mapping matches the reference portal app that `fieldsurvey-cli portal schema`
// prints.
class FieldMapping
{
public:
    [[nodiscard]] static Result<FieldMapping> builtIn();
    [[nodiscard]] static Result<FieldMapping> load(const QString &path);
    // Checks every code (unique in the app, a valid kintone field code) and every source against
    // SyncSources; errors name the file and the JSON path ("survey.subtables[2].fields[4].source").
    [[nodiscard]] static Result<FieldMapping> fromJson(const QByteArray &json, const QString &sourceName);

    [[nodiscard]] int surveyApp() const { return m_surveyApp; }
    [[nodiscard]] const QString &updateKey() const { return m_updateKey; }
    [[nodiscard]] const QString &dataFileCode() const { return m_dataFileCode; }
    [[nodiscard]] const QList<MappedField> &fields() const { return m_fields; }
    [[nodiscard]] const QList<MappedTable> &tables() const { return m_tables; }
    [[nodiscard]] const HospitalAppMapping &hospitals() const { return m_hospitals; }
    [[nodiscard]] bool comments() const { return m_comments; }
    [[nodiscard]] const MappedField *field(const QString &code) const;

    // The apps' form fields as kintone's form-fields API takes them
    // (POST /k/v1/preview/app/form/fields.json {app, properties}).
    [[nodiscard]] QJsonObject surveyFormFields() const;
    [[nodiscard]] QJsonObject hospitalFormFields() const;

private:
    int m_surveyApp = 0;
    QString m_updateKey;
    QString m_dataFileCode;
    QString m_dataFileLabel;
    QList<MappedField> m_fields;
    QList<MappedTable> m_tables;
    HospitalAppMapping m_hospitals;
    bool m_comments = true;
};

} // namespace fs::sync
