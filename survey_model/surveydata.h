#pragma once

#include "connectionpoint.h"
#include "contact.h"
#include "floorplan.h"
#include "hospital.h"
#include "importwarning.h"
#include "investigator.h"
#include "surveyinfo.h"
#include "terminal.h"
#include "visitday.h"

#include <QList>

namespace fs::model {

// A whole survey as plain values: what an import produces and what SurveyStore::load() returns.
struct SurveyData
{
    SurveyInfo survey;
    Hospital hospital;
    QList<Investigator> investigators;
    QList<Contact> contacts;
    QList<VisitDay> days;
    QList<ConnectionPoint> connectionPoints; // ordered by line number
    QList<Terminal> terminals;               // ordered by terminal number
    QList<FloorPlan> floorPlans;             // in the order of the workbook
    QList<ImportWarning> importWarnings;     // what the workbook import noticed

    friend bool operator==(const SurveyData &, const SurveyData &) = default;
};

} // namespace fs::model
