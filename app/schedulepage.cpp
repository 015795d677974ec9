#include "schedulepage.h"

#include "clock.h"
#include "missingitemtext.h"
#include "modellabels.h"
#include "scheduletablemodel.h"
#include "surveyeditor.h"
#include "timetext.h"
#include "ui_schedulepage.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QTimer>

#include <utility>

namespace fs::app {

namespace {

using fs::model::Entity;
using fs::model::FieldChange;
using fs::model::FieldRef;
using fs::model::StepKind;

const QDate kNoDate(2000, 1, 1); // shown as "not planned" in the date field

} // namespace

SchedulePage::SchedulePage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SchedulePage>())
    , m_model(new fs::model::ScheduleTableModel(this))
{
    m_ui->setupUi(this);
    m_model->setHeaderLabels(ModelLabels::scheduleHeaders());
    m_model->setValueLabels(ModelLabels::valueLabels());
    m_ui->stepView->setModel(m_model);
    m_ui->stepView->verticalHeader()->setVisible(false);
    m_ui->stepView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->stepView->horizontalHeader()->setSectionResizeMode(fs::model::ScheduleTableModel::Step,
                                                             QHeaderView::Stretch);
    m_ui->stepView->setWordWrap(false);
    m_ui->dayDateEdit->setMinimumDate(kNoDate);
    m_ui->dayDateEdit->setSpecialValueText(tr("not planned"));
    QFont title = m_ui->stepTitleLabel->font();
    title.setBold(true);
    title.setPointSizeF(title.pointSizeF() * 1.15);
    m_ui->stepTitleLabel->setFont(title);
    m_ui->lateLabel->hide();
    const auto *validator = new QRegularExpressionValidator(TimeText::inputPattern(), this);
    m_ui->actualStartEdit->setValidator(validator);
    m_ui->actualEndEdit->setValidator(validator);

    connect(m_ui->dayCombo, &QComboBox::activated, this, [this](int index) {
        showDay(index);
        selectStepRow(m_progress.value(index).currentStep);
        emit dayChanged();
    });
    connect(m_ui->dayDateEdit, &QDateEdit::editingFinished, this, &SchedulePage::commitDate);
    connect(m_ui->dayDateEdit, &QDateEdit::dateChanged, this, [this] { m_dateTouched = true; });
    m_ui->dayDateEdit->installEventFilter(this);
    m_ui->plannedStartEdit->installEventFilter(this);
    m_ui->plannedEndEdit->installEventFilter(this);
    connect(m_ui->attendeesEdit, &QLineEdit::editingFinished, this, &SchedulePage::commitAttendees);
    connect(m_ui->stepView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SchedulePage::showSelectedStep);
    connect(m_ui->stepView, &QAbstractItemView::activated, this, [this] {
        if (const auto *step = selectedStep())
            emit openStepRequested(step->step.kind);
    });
    connect(m_ui->openStepButton, &QPushButton::clicked, this, [this] {
        if (const auto *step = selectedStep())
            emit openStepRequested(step->step.kind);
    });
    connect(m_ui->plannedStartEdit, &QTimeEdit::editingFinished, this,
            [this] { commitPlanned(QStringLiteral("planned_start")); });
    connect(m_ui->plannedEndEdit, &QTimeEdit::editingFinished, this,
            [this] { commitPlanned(QStringLiteral("planned_end")); });
    connect(m_ui->actualStartEdit, &QLineEdit::editingFinished, this,
            [this] { commitActual(QStringLiteral("actual_start")); });
    connect(m_ui->actualEndEdit, &QLineEdit::editingFinished, this,
            [this] { commitActual(QStringLiteral("actual_end")); });
    connect(m_ui->stepNoteEdit, &QLineEdit::editingFinished, this, &SchedulePage::commitStepNote);
    connect(m_ui->recordTimeButton, &QPushButton::clicked, this, &SchedulePage::recordTimeNow);
    connect(m_ui->addDayButton, &QPushButton::clicked, this, &SchedulePage::addVisitDay);
    setEditor(nullptr, nullptr);
}

SchedulePage::~SchedulePage() = default;

void SchedulePage::setEditor(fs::model::SurveyEditor *editor, const fs::model::Clock *clock)
{
    m_editor = editor;
    m_clock = clock ? clock : &fs::model::Clock::system();
    const bool editable = editor != nullptr;
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_ui->dayDateEdit, m_ui->attendeesEdit, m_ui->plannedStartEdit,
                                          m_ui->plannedEndEdit, m_ui->actualStartEdit, m_ui->actualEndEdit,
                                          m_ui->stepNoteEdit, m_ui->recordTimeButton, m_ui->addDayButton})
        w->setEnabled(editable);
}

void SchedulePage::setSurvey(const QList<fs::model::VisitDay> &days,
                             const QList<fs::model::DayProgress> &progress, bool reset)
{
    const QString dayUuid = m_days.value(m_dayIndex).uuid;
    const auto *selected = selectedStep();
    const QString stepUuid = selected ? selected->step.uuid : QString();
    m_days = days;
    m_progress = progress;

    const QLocale locale;
    {
        const QSignalBlocker blocker(m_ui->dayCombo);
        m_ui->dayCombo->clear();
        for (const auto &day : days) {
            QString text = tr("Day %1").arg(day.dayNo);
            if (day.date.isValid())
                text += QStringLiteral("　") +
                        locale.toString(day.date, tr("yyyy-MM-dd (ddd)", "visit date format"));
            m_ui->dayCombo->addItem(text, day.uuid);
        }
    }
    int index = -1;
    if (!reset) {
        for (int i = 0; i < days.size(); ++i) {
            if (days[i].uuid == dayUuid)
                index = i;
        }
    }
    if (index < 0)
        index = fs::model::SurveyProgress::todayIndex(progress, m_clock->now().toLocalTime().date());
    showDay(index);

    int row = -1;
    if (!reset && !stepUuid.isEmpty()) {
        const auto &steps = m_progress.value(index).steps;
        for (int i = 0; i < steps.size(); ++i) {
            if (steps[i].step.uuid == stepUuid)
                row = i;
        }
    }
    selectStepRow(row >= 0 ? row : m_progress.value(index).currentStep);
}

int SchedulePage::currentDayIndex() const
{
    return m_dayIndex;
}

const fs::model::StepProgress *SchedulePage::selectedStep() const
{
    const QModelIndex current = m_ui->stepView->currentIndex();
    if (!current.isValid() || m_dayIndex < 0 || m_dayIndex >= m_progress.size())
        return nullptr;
    const auto &steps = m_progress[m_dayIndex].steps;
    return current.row() < steps.size() ? &steps[current.row()] : nullptr;
}

void SchedulePage::showDay(int index)
{
    if (index < 0 || index >= m_days.size()) {
        m_dayIndex = -1;
        m_model->setDay({});
        m_ui->attendeesEdit->clear();
        m_ui->lateLabel->hide();
        showSelectedStep();
        return;
    }
    m_dayIndex = index;
    {
        const QSignalBlocker blocker(m_ui->dayCombo);
        m_ui->dayCombo->setCurrentIndex(index);
    }
    const auto &day = m_days[index];
    {
        const QSignalBlocker blocker(m_ui->dayDateEdit);
        m_ui->dayDateEdit->setDate(day.date.isValid() ? day.date : kNoDate);
    }
    if (m_ui->attendeesEdit->text() != day.attendees)
        m_ui->attendeesEdit->setText(day.attendees);
    m_model->setDay(m_progress.value(index));
    updateLateLabel();
}

void SchedulePage::selectStepRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        row = m_model->rowCount() > 0 ? 0 : -1;
    if (row >= 0)
        m_ui->stepView->setCurrentIndex(m_model->index(row, fs::model::ScheduleTableModel::Step));
    showSelectedStep();
}

void SchedulePage::showSelectedStep()
{
    const auto *progress = selectedStep();
    m_ui->stepGroup->setEnabled(progress != nullptr);
    if (!progress) {
        m_ui->stepTitleLabel->clear();
        return;
    }
    const auto &step = progress->step;
    m_ui->stepTitleLabel->setText(MissingItemText::stepName(step));
    const QSignalBlocker b1(m_ui->plannedStartEdit);
    const QSignalBlocker b2(m_ui->plannedEndEdit);
    m_ui->plannedStartEdit->setTime(step.plannedStart.isValid() ? step.plannedStart : QTime(0, 0));
    m_ui->plannedEndEdit->setTime(step.plannedEnd.isValid() ? step.plannedEnd : QTime(0, 0));
    const auto setIfChanged = [](QLineEdit *edit, const QString &text) {
        if (edit->text() != text)
            edit->setText(text);
    };
    setIfChanged(m_ui->actualStartEdit, TimeText::clock(step.actualStart));
    setIfChanged(m_ui->actualEndEdit, TimeText::clock(step.actualEnd));
    setIfChanged(m_ui->stepNoteEdit, step.note);
    const bool arrival = step.kind == StepKind::Arrival;
    if (!step.actualStart.isValid())
        m_ui->recordTimeButton->setText(arrival ? tr("Record arrival now") : tr("Record the start now"));
    else if (!step.actualEnd.isValid())
        m_ui->recordTimeButton->setText(step.kind == StepKind::Departure ? tr("Record departure now")
                                                                         : tr("Record the end now"));
    else
        m_ui->recordTimeButton->setText(tr("Times recorded"));
    m_ui->recordTimeButton->setEnabled(m_editor && !(step.actualStart.isValid() && step.actualEnd.isValid()));
    const bool hasWork = step.kind == StepKind::ConnectionPoints || step.kind == StepKind::Terminals ||
                         step.kind == StepKind::Arrival;
    m_ui->openStepButton->setEnabled(hasWork);
}

QDate SchedulePage::dayDate() const
{
    const QDate date = m_days.value(m_dayIndex).date;
    return date.isValid() ? date : m_clock->now().toLocalTime().date();
}

void SchedulePage::recordTimeNow()
{
    const auto *progress = selectedStep();
    if (!m_editor || !progress)
        return;
    const auto &step = progress->step;
    const QDateTime now = m_clock->now();
    const auto change = [](const QString &uuid, const char *field, const QVariant &value) {
        return FieldChange{FieldRef{Entity::ScheduleStep, uuid, QString::fromLatin1(field)}, value};
    };
    QList<FieldChange> changes;
    QString text;
    bool advance = false;
    const int row = m_ui->stepView->currentIndex().row();
    if (!step.actualStart.isValid()) {
        changes << change(step.uuid, "actual_start", now);
        // Arrival is a moment; any step still running ends when the next one starts.
        if (step.kind == StepKind::Arrival)
            changes << change(step.uuid, "actual_end", now);
        const auto &steps = m_progress[m_dayIndex].steps;
        for (int i = 0; i < row; ++i) {
            if (steps[i].step.actualStart.isValid() && !steps[i].step.actualEnd.isValid())
                changes << change(steps[i].step.uuid, "actual_end", now);
        }
        text = tr("Record the start of %1").arg(MissingItemText::stepName(step));
        advance = step.kind == StepKind::Arrival;
    } else if (!step.actualEnd.isValid()) {
        changes << change(step.uuid, "actual_end", now);
        text = tr("Record the end of %1").arg(MissingItemText::stepName(step));
        advance = true;
    } else {
        return;
    }
    if (m_editor->setFields(changes, text) && advance)
        selectStepRow(std::min(row + 1, m_model->rowCount() - 1));
}

void SchedulePage::addVisitDay()
{
    if (!m_editor)
        return;
    if (const auto day = m_editor->addVisitDay(tr("Add visit day"))) {
        for (int i = 0; i < m_days.size(); ++i) {
            if (m_days[i].uuid == day->uuid) {
                showDay(i);
                selectStepRow(0);
                emit dayChanged();
            }
        }
    }
}

bool SchedulePage::eventFilter(QObject *watched, QEvent *event)
{
    // Tab leaves a date or time field as it leaves every other field (Qt's default steps through
    // the year, month and day first); ← and → move between those parts.
    if (event->type() == QEvent::KeyPress &&
        (watched == m_ui->dayDateEdit || watched == m_ui->plannedStartEdit ||
         watched == m_ui->plannedEndEdit)) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab) &&
            !(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
            focusNextPrevChild(key->key() == Qt::Key_Tab && !(key->modifiers() & Qt::ShiftModifier));
            return true;
        }
    }
    if (watched == m_ui->dayDateEdit) {
        if (event->type() == QEvent::FocusIn && m_editor && m_ui->dayDateEdit->date() == kNoDate) {
            const QSignalBlocker blocker(m_ui->dayDateEdit);
            m_ui->dayDateEdit->setDate(m_clock->now().toLocalTime().date());
            m_dateProposed = true;
            m_dateTouched = false;
        } else if (event->type() == QEvent::KeyPress) {
            const int key = static_cast<QKeyEvent *>(event)->key();
            if (key == Qt::Key_Return || key == Qt::Key_Enter)
                m_dateTouched = true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void SchedulePage::commitDate()
{
    if (!m_editor || m_dayIndex < 0)
        return;
    if (std::exchange(m_dateProposed, false) && !m_dateTouched) {
        // Back to "not planned" once the field has finished losing the focus.
        QTimer::singleShot(0, this, [this] {
            if (!m_ui->dayDateEdit->hasFocus() && !m_days.value(m_dayIndex).date.isValid()) {
                const QSignalBlocker blocker(m_ui->dayDateEdit);
                m_ui->dayDateEdit->setDate(kNoDate);
            }
        });
        return;
    }
    const QDate date = m_ui->dayDateEdit->date();
    m_editor->setField(FieldRef{Entity::VisitDay, m_days[m_dayIndex].uuid, QStringLiteral("date")},
                       date == kNoDate ? QString() : date.toString(Qt::ISODate), tr("Change the visit date"));
}

void SchedulePage::commitAttendees()
{
    if (!m_editor || m_dayIndex < 0)
        return;
    m_editor->setField(FieldRef{Entity::VisitDay, m_days[m_dayIndex].uuid, QStringLiteral("attendees")},
                       m_ui->attendeesEdit->text().trimmed(), tr("Edit who attends"));
}

void SchedulePage::commitPlanned(const QString &field)
{
    const auto *progress = selectedStep();
    if (!m_editor || !progress)
        return;
    const QTimeEdit *edit =
        field == QStringLiteral("planned_start") ? m_ui->plannedStartEdit : m_ui->plannedEndEdit;
    m_editor->setField(FieldRef{Entity::ScheduleStep, progress->step.uuid, field},
                       edit->time().toString(QStringLiteral("HH:mm")), tr("Change the planned time"));
}

void SchedulePage::commitActual(const QString &field)
{
    const auto *progress = selectedStep();
    if (!m_editor || !progress)
        return;
    QLineEdit *edit = field == QStringLiteral("actual_start") ? m_ui->actualStartEdit : m_ui->actualEndEdit;
    const QString text = edit->text().trimmed();
    QVariant value;
    if (!text.isEmpty()) {
        const QTime time = TimeText::parse(text);
        if (!time.isValid())
            return; // the validator keeps this from happening
        value = QDateTime(dayDate(), time).toUTC();
    }
    m_editor->setField(FieldRef{Entity::ScheduleStep, progress->step.uuid, field}, value,
                       tr("Correct the recorded time"));
}

void SchedulePage::commitStepNote()
{
    const auto *progress = selectedStep();
    if (!m_editor || !progress)
        return;
    m_editor->setField(FieldRef{Entity::ScheduleStep, progress->step.uuid, QStringLiteral("note")},
                       m_ui->stepNoteEdit->text(), tr("Edit the step note"));
}

void SchedulePage::updateLateLabel()
{
    const auto &day = m_progress.value(m_dayIndex);
    const bool today = day.date.isValid() && day.date == m_clock->now().toLocalTime().date();
    if (day.minutesLate > 0 && day.lateStep >= 0) {
        const auto &late = day.steps[day.lateStep].step;
        m_ui->lateLabel->setText(
            tr("Running %1 behind the plan: %2 was planned to end at %3 and is not done yet.")
                .arg(TimeText::duration(day.minutesLate), MissingItemText::stepName(late),
                     late.plannedEnd.toString(QStringLiteral("HH:mm"))));
        m_ui->lateLabel->setStyleSheet(
            QStringLiteral("QLabel { background: #f8d7da; color: #58151c; border: 1px solid "
                           "#f1aeb5; border-radius: 4px; padding: 4px 8px; }"));
        m_ui->lateLabel->show();
    } else if (today && day.currentStep >= 0) {
        const auto &current = day.steps[day.currentStep].step;
        m_ui->lateLabel->setText(
            tr("On schedule. Now: %1 (planned %2).")
                .arg(MissingItemText::stepName(current),
                     fs::model::ScheduleTableModel::timeSpan(current.plannedStart, current.plannedEnd)));
        m_ui->lateLabel->setStyleSheet(
            QStringLiteral("QLabel { background: #d1e7dd; color: #0a3622; border: 1px solid "
                           "#a3cfbb; border-radius: 4px; padding: 4px 8px; }"));
        m_ui->lateLabel->show();
    } else {
        m_ui->lateLabel->hide();
    }
}

void SchedulePage::showField(fs::model::Entity entity, const QString &uuid, const QString &field)
{
    for (int d = 0; d < m_days.size(); ++d) {
        if (entity == Entity::VisitDay && m_days[d].uuid == uuid) {
            showDay(d);
            emit dayChanged();
            if (field == QStringLiteral("attendees"))
                m_ui->attendeesEdit->setFocus();
            else
                m_ui->dayDateEdit->setFocus();
            return;
        }
        const auto &steps = m_days[d].steps;
        for (int s = 0; s < steps.size(); ++s) {
            if (entity != Entity::ScheduleStep || steps[s].uuid != uuid)
                continue;
            if (d != m_dayIndex) {
                showDay(d);
                emit dayChanged();
            }
            selectStepRow(s);
            if (field == QStringLiteral("actual_start"))
                m_ui->actualStartEdit->setFocus();
            else if (field == QStringLiteral("actual_end"))
                m_ui->actualEndEdit->setFocus();
            else if (field == QStringLiteral("note"))
                m_ui->stepNoteEdit->setFocus();
            else
                m_ui->stepView->setFocus();
            return;
        }
    }
}

void SchedulePage::selectNext(int delta)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int row = m_ui->stepView->currentIndex().row();
    selectStepRow(std::clamp(row + delta, 0, rows - 1));
    m_ui->stepView->setFocus();
}

void SchedulePage::focusList()
{
    m_ui->stepView->setFocus();
}

} // namespace fs::app
