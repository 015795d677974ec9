#pragma once

#include "surveyprogress.h"

#include <QWidget>

#include <memory>

namespace Ui {
class SchedulePage;
}

namespace fs::model {
class Clock;
class ScheduleTableModel;
class SurveyEditor;
} // namespace fs::model

namespace fs::app {

// The day schedule (当日スケジュール) of one visit day: its steps with planned and actual times,
// what each has captured, the current step and whether the day is running late. Times are
// recorded with one key (Ctrl+T): the start of the selected step, then its end.
class SchedulePage : public QWidget
{
    Q_OBJECT

public:
    explicit SchedulePage(QWidget *parent = nullptr);
    ~SchedulePage() override;

    // editor is null for a read-only survey or none; clock stamps the recorded times.
    void setEditor(fs::model::SurveyEditor *editor, const fs::model::Clock *clock);
    // Shows the days; the selected day and step stay selected by their identity. A new survey
    // (reset) starts on the day dated today and its current step.
    void setSurvey(const QList<fs::model::VisitDay> &days, const QList<fs::model::DayProgress> &progress,
                   bool reset);

    [[nodiscard]] int currentDayIndex() const;
    // The selected step, or null.
    [[nodiscard]] const fs::model::StepProgress *selectedStep() const;

    // Records now as the start of the selected step, or as its end when it has started. Starting
    // a step ends an earlier one still running; ending one moves on to the next step.
    void recordTimeNow();
    void addVisitDay();
    // Selects the step or the day and puts the focus where field is entered.
    void showField(fs::model::Entity entity, const QString &uuid, const QString &field);
    void selectNext(int delta);
    void focusList();

signals:
    void dayChanged();
    void openStepRequested(fs::model::StepKind kind);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showDay(int index);
    void showSelectedStep();
    void commitDate();
    void commitAttendees();
    void commitPlanned(const QString &field);
    void commitActual(const QString &field);
    void commitStepNote();
    void selectStepRow(int row);
    void updateLateLabel();
    [[nodiscard]] QDate dayDate() const;

    std::unique_ptr<Ui::SchedulePage> m_ui;
    fs::model::ScheduleTableModel *m_model;
    fs::model::SurveyEditor *m_editor = nullptr;
    const fs::model::Clock *m_clock = nullptr;
    QList<fs::model::VisitDay> m_days;
    QList<fs::model::DayProgress> m_progress;
    int m_dayIndex = -1;
    // An unplanned date field proposes today when it gets the focus; the proposal is saved only
    // when the user takes it (Enter) or changes it, not when the focus merely passes through.
    bool m_dateProposed = false;
    bool m_dateTouched = false;
};

} // namespace fs::app
