#include "connectionpointtablemodel.h"
#include "demosurvey.h"
#include "scheduletablemodel.h"
#include "terminaltablemodel.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QTest>

using namespace fs::model;

class TestTableModels : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        auto demo = DemoSurvey::data(QDate(2026, 12, 3));
        QVERIFY(demo.has_value());
        m_data = *demo;
        for (qsizetype i = 0; i < m_data.connectionPoints.size(); ++i)
            m_data.connectionPoints[i].cafId = QStringLiteral("CAF%1").arg(i + 1, 4, 10, QLatin1Char('0'));
    }

    void connectionPoints()
    {
        ConnectionPointTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHeaderLabels({QStringLiteral("ID")});
        model.setValueLabels({{QStringLiteral("origin/declared"), QStringLiteral("申告")}});
        model.setConnectionPoints(m_data.connectionPoints);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(ConnectionPointTableModel::ColumnCount));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("ID"));
        QCOMPARE(model.index(0, ConnectionPointTableModel::CafId).data().toString(),
                 QStringLiteral("CAF0001"));
        QCOMPARE(model.index(3, ConnectionPointTableModel::Devices).data().toString(),
                 QStringLiteral("Fortinet FortiGate-60F / ヤマハ RTX830"));
        QCOMPARE(model.index(0, ConnectionPointTableModel::OriginColumn).data().toString(),
                 QStringLiteral("申告"));
        QCOMPARE(model.index(0, ConnectionPointTableModel::OriginColumn)
                     .data(LabelledTableModel::KeyRole)
                     .toString(),
                 QStringLiteral("declared"));

        // A corrected ONU location replaces the declared one in the table.
        m_data.connectionPoints[1].onuLocationFound = QStringLiteral("本館 3F サーバー室 3番ラック");
        model.setConnectionPoints(m_data.connectionPoints);
        QCOMPARE(model.index(1, ConnectionPointTableModel::OnuLocation).data().toString(),
                 QStringLiteral("本館 3F サーバー室 3番ラック"));
        model.setConnectionPoints({});
        QCOMPARE(model.rowCount(), 0);
    }

    void terminals()
    {
        TerminalTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTerminals(m_data.terminals);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(4, TerminalTableModel::Hostname).data().toString(),
                 QStringLiteral("TCPHA01 (VDI-PHA01)"));
        // Without a label a key shows as itself.
        QCOMPARE(model.index(0, TerminalTableModel::CheckState).data().toString(),
                 QStringLiteral("not_started"));
    }

    void schedule()
    {
        ScheduleTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setValueLabels({{QStringLiteral("step/arrival"), QStringLiteral("入館")},
                              {QStringLiteral("status/done"), QStringLiteral("完了")},
                              {QStringLiteral("status/in_progress"), QStringLiteral("実施中")},
                              {QStringLiteral("status/current"), QStringLiteral("▶ %1")}});
        VisitDay &day = m_data.days.first();
        day.date = QDate(2026, 12, 3);
        day.attendees = QStringLiteral("情報システム課 佐藤");
        day.steps[0].actualStart = QDateTime(day.date, QTime(9, 2));
        day.steps[1].actualStart = QDateTime(day.date, QTime(9, 5));
        // At 10:00 on the day: arrival is done, the briefing is running and not finished.
        const DayProgress progress =
            SurveyProgress::forDay(m_data, {}, day, QDateTime(day.date, QTime(10, 0)));
        model.setDay(progress);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.index(0, ScheduleTableModel::Step).data().toString(), QStringLiteral("入館"));
        QCOMPARE(model.index(0, ScheduleTableModel::Planned).data().toString(), QStringLiteral("09:00"));
        QCOMPARE(model.index(0, ScheduleTableModel::Actual).data().toString(), QStringLiteral("09:02–"));
        QCOMPARE(model.index(0, ScheduleTableModel::Progress).data().toString(), QStringLiteral("2 / 2"));
        QCOMPARE(model.index(0, ScheduleTableModel::Status).data().toString(), QStringLiteral("完了"));
        QCOMPARE(model.index(1, ScheduleTableModel::Status).data().toString(), QStringLiteral("▶ 実施中"));
        QVERIFY(model.index(1, ScheduleTableModel::Step).data(Qt::FontRole).value<QFont>().bold());
        QCOMPARE(model.index(2, ScheduleTableModel::Planned).data().toString(),
                 QStringLiteral("09:30–12:00"));
        QCOMPARE(model.index(2, ScheduleTableModel::Status).data(LabelledTableModel::KeyRole).toString(),
                 QStringLiteral("not_started"));
        // The briefing should have ended at 09:30: it is the late step.
        QCOMPARE(progress.minutesLate, 30);
        QCOMPARE(progress.lateStep, 1);
        QVERIFY(model.index(1, ScheduleTableModel::Planned).data(Qt::ForegroundRole).isValid());
    }

private:
    SurveyData m_data;
};

QTEST_GUILESS_MAIN(TestTableModels)
#include "tst_tablemodels.moc"
