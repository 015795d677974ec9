#pragma once

#include "enumkeys.h"

namespace fs::model {

// The kinds of survey rows an edit, an audit row or the outbox can name. The key is the table.
enum class Entity
{
    Survey,
    Hospital,
    Investigator,
    Contact,
    VisitDay,
    ScheduleStep,
    ConnectionPoint,
    Device,
    Terminal,
    Photo,
    BackupQuestionnaire,
    BackupCopy,
    BackupChecklist,
    FloorPlan,
    Pin,
    ReviewComment,
};

inline constexpr EnumKeys<Entity, 16> kEntityKeys({{
    {Entity::Survey, u"survey"},
    {Entity::Hospital, u"hospital"},
    {Entity::Investigator, u"investigator"},
    {Entity::Contact, u"contact"},
    {Entity::VisitDay, u"visit_day"},
    {Entity::ScheduleStep, u"schedule_step"},
    {Entity::ConnectionPoint, u"connection_point"},
    {Entity::Device, u"device"},
    {Entity::Terminal, u"terminal"},
    {Entity::Photo, u"photo"},
    {Entity::BackupQuestionnaire, u"backup_questionnaire"},
    {Entity::BackupCopy, u"backup_copy"},
    {Entity::BackupChecklist, u"backup_checklist"},
    {Entity::FloorPlan, u"floor_plan"},
    {Entity::Pin, u"pin"},
    {Entity::ReviewComment, u"review_comment"},
}});

} // namespace fs::model
