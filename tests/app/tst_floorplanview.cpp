// The floor-plan view: pins stay on their spot of the plan across zoom and rotation, and move
// with the mouse and the keyboard as the investigator sees them on screen.
#include "floorplanview.h"
#include "guitest.h"
#include "planrenderer.h"
#include "plansource.h"
#include "resultcheck.h"

#include <QBuffer>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

using fs::app::FloorPlanView;
using fs::app::PinMarker;
using fs::app::PinState;
using fs::model::PinKind;

namespace {

const QPointF kMarker(0.3, 0.7); // normalised
const QColor kMarkerColour(230, 0, 230);

// A 1200 × 900 plan: walls, and a magenta disc at kMarker.
std::shared_ptr<fs::plans::PlanSource> markedPlan()
{
    QImage plan(1200, 900, QImage::Format_RGB32);
    plan.fill(Qt::white);
    {
        QPainter painter(&plan);
        painter.setPen(QPen(Qt::black, 8));
        painter.drawRect(20, 20, 1160, 860);
        painter.drawLine(600, 20, 600, 880);
        painter.drawLine(20, 450, 1180, 450);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(kMarkerColour);
        painter.drawEllipse(QPointF(kMarker.x() * 1200, kMarker.y() * 900), 24, 24);
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    plan.save(&buffer, "PNG");
    auto source = fs::plans::PlanSource::openImage(bytes, QStringLiteral("plan.png"));
    return source ? *source : nullptr;
}

QList<PinMarker> pins()
{
    return {
        {QStringLiteral("onu"), PinKind::Onu, kMarker, QStringLiteral("ONU 1F"), PinState::Done},
        {QStringLiteral("router"), PinKind::Router, QPointF(0.6, 0.3), QStringLiteral("UTM"),
         PinState::Finding},
        {QStringLiteral("terminal"), PinKind::Terminal, QPointF(0.8, 0.6), QStringLiteral("PC-12"),
         PinState::Missing},
        {QStringLiteral("other"), PinKind::Other, QPointF(0.15, 0.2), QStringLiteral("Hub"),
         PinState::Missing},
    };
}

bool isMarker(QRgb pixel)
{
    return qRed(pixel) > 170 && qGreen(pixel) < 90 && qBlue(pixel) > 170;
}

} // namespace

class TestFloorPlanView : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void pinsStayOnTheirSpot_data();
    void pinsStayOnTheirSpot();
    void draggingAPinMovesIt();
    void arrowKeysMoveInScreenDirection();
    void clicksSelectActivateAndPlace();

private:
    // Paints, waits for the renderer, and returns what the viewport then shows.
    QImage settled();

    std::unique_ptr<FloorPlanView> m_view;
};

void TestFloorPlanView::init()
{
    m_view = std::make_unique<FloorPlanView>();
    m_view->resize(640, 480);
    m_view->setSource(markedPlan());
    QVERIFY(m_view->renderer()->source());
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestFloorPlanView::cleanup()
{
    m_view.reset();
}

QImage TestFloorPlanView::settled()
{
    (void)m_view->viewport()->grab(); // asks for the tiles
    if (!m_view->renderer()->waitForIdle(20'000))
        qWarning("the renderer did not finish");
    QCoreApplication::processEvents();
    return m_view->viewport()->grab().toImage();
}

void TestFloorPlanView::pinsStayOnTheirSpot_data()
{
    QTest::addColumn<double>("zoom"); // 0: fit to window
    QTest::addColumn<int>("rotation");
    for (const double zoom : {0.0, 1.0, 2.5, 6.0}) {
        for (const int rotation : {0, 90, 180, 270})
            QTest::addRow("zoom %s, %d°", zoom == 0 ? "fit" : qPrintable(QString::number(zoom)), rotation)
                << zoom << rotation;
    }
}

void TestFloorPlanView::pinsStayOnTheirSpot()
{
    QFETCH(double, zoom);
    QFETCH(int, rotation);
    m_view->setRotation(rotation);
    QCOMPARE(m_view->rotation(), rotation);
    if (zoom == 0)
        m_view->fitToWindow();
    else
        m_view->setZoom(zoom);
    if (zoom != 0)
        QCOMPARE(m_view->zoom(), zoom);
    m_view->setPins(pins());
    m_view->setSelectedPin(QStringLiteral("onu")); // scrolls it into view
    QCOMPARE(m_view->selectedPin(), QStringLiteral("onu"));
    (void)settled();
    if (rotation == 90 && (zoom == 0 || zoom == 2.5))
        QVERIFY(fs::test::saveScreenshot(*m_view,
                                         QStringLiteral("floorplanview-%1-%2.png")
                                             .arg(zoom == 0 ? QStringLiteral("fit") : QStringLiteral("zoom"))
                                             .arg(rotation)));
    else if (rotation == 0 && zoom == 0)
        QVERIFY(fs::test::saveScreenshot(*m_view, QStringLiteral("floorplanview-fit-0.png")));

    // The plan alone: the pin's spot is on the marker's pixels.
    m_view->setPins({});
    const QImage shown = settled();
    const QPointF at = m_view->planToViewport(kMarker);
    QVERIFY2(shown.rect().contains(at.toPoint()),
             qPrintable(QStringLiteral("the marker is off screen at %1, %2").arg(at.x()).arg(at.y())));
    const QRgb pixel = shown.pixel(at.toPoint());
    QVERIFY2(isMarker(pixel),
             qPrintable(QStringLiteral("under the pin at %1, %2: rgb(%3, %4, %5), not the marker")
                            .arg(at.x())
                            .arg(at.y())
                            .arg(qRed(pixel))
                            .arg(qGreen(pixel))
                            .arg(qBlue(pixel))));

    for (const QPointF point : {kMarker, QPointF(0, 0), QPointF(1, 1), QPointF(0.123, 0.987)}) {
        const QPointF back = m_view->viewportToPlan(m_view->planToViewport(point));
        QVERIFY2(std::abs(back.x() - point.x()) < 1e-6 && std::abs(back.y() - point.y()) < 1e-6,
                 qPrintable(QStringLiteral("(%1, %2) came back as (%3, %4)")
                                .arg(point.x())
                                .arg(point.y())
                                .arg(back.x())
                                .arg(back.y())));
    }
}

void TestFloorPlanView::draggingAPinMovesIt()
{
    m_view->setZoom(1);
    m_view->setEditable(true);
    m_view->setPins(pins());
    m_view->setSelectedPin(QStringLiteral("router"));
    QSignalSpy moved(m_view.get(), &FloorPlanView::pinMoved);
    const QPointF pinAt = m_view->planToViewport(QPointF(0.6, 0.3));
    const QPoint start = pinAt.toPoint();
    const QPoint end = start + QPoint(30, 20);
    const QPointF expected = m_view->viewportToPlan(pinAt + QPointF(30, 20));
    QWidget *viewport = m_view->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, {}, start);
    QTest::mouseMove(viewport, start + QPoint(10, 5));
    QTest::mouseMove(viewport, end);
    QCOMPARE(moved.count(), 0); // only at release
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, end);
    QCOMPARE(moved.count(), 1);
    QCOMPARE(moved.at(0).at(0).toString(), QStringLiteral("router"));
    const QPointF got = moved.at(0).at(1).toPointF();
    QVERIFY2(std::abs(got.x() - expected.x()) < 1e-6 && std::abs(got.y() - expected.y()) < 1e-6,
             qPrintable(QStringLiteral("expected (%1, %2), got (%3, %4)")
                            .arg(expected.x())
                            .arg(expected.y())
                            .arg(got.x())
                            .arg(got.y())));
    (void)settled();
    QVERIFY(fs::test::saveScreenshot(*m_view, QStringLiteral("floorplanview-dragged.png")));

    // Dragged past the edge: clamped to the plan.
    const QPoint from = m_view->planToViewport(got).toPoint();
    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    QTest::mouseMove(viewport, from + QPoint(-20, 0));
    QTest::mouseMove(viewport, QPoint(-500, -500));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, QPoint(-500, -500));
    QCOMPARE(moved.count(), 2);
    const QPointF clamped = moved.at(1).at(1).toPointF();
    QVERIFY(clamped.x() >= 0 && clamped.y() >= 0 && clamped.x() < got.x() && clamped.y() < got.y());

    // Not editable: a drag on a pin selects it and moves nothing.
    m_view->setEditable(false);
    const QPoint onu = m_view->planToViewport(kMarker).toPoint();
    QTest::mousePress(viewport, Qt::LeftButton, {}, onu);
    QTest::mouseMove(viewport, onu + QPoint(40, 0));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, onu + QPoint(40, 0));
    QCOMPARE(moved.count(), 2);
    QCOMPARE(m_view->selectedPin(), QStringLiteral("onu"));
}

void TestFloorPlanView::arrowKeysMoveInScreenDirection()
{
    m_view->setRotation(90);
    m_view->setZoom(2.5);
    m_view->setEditable(true);
    m_view->setPins(pins());
    m_view->setSelectedPin(QStringLiteral("terminal"));
    m_view->setFocus();
    QSignalSpy moved(m_view.get(), &FloorPlanView::pinMoved);
    const QPointF start(0.8, 0.6);
    const QPointF before = m_view->planToViewport(start);

    QTest::keyClick(m_view.get(), Qt::Key_Right);
    QCOMPARE(moved.count(), 1);
    const QPointF afterRight = moved.at(0).at(1).toPointF();
    const QPointF stepRight = m_view->planToViewport(afterRight) - before;
    QVERIFY2(std::abs(stepRight.x() - 1) < 1e-6 && std::abs(stepRight.y()) < 1e-6,
             qPrintable(QStringLiteral("Right moved the pin by (%1, %2) on screen")
                            .arg(stepRight.x())
                            .arg(stepRight.y())));
    // At 90° clockwise, screen right is up the plan.
    QVERIFY(afterRight.y() < start.y());
    QVERIFY(std::abs(afterRight.x() - start.x()) < 1e-9);

    QTest::keyClick(m_view.get(), Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(moved.count(), 2);
    const QPointF stepDown =
        m_view->planToViewport(moved.at(1).at(1).toPointF()) - m_view->planToViewport(afterRight);
    QVERIFY2(std::abs(stepDown.x()) < 1e-6 && std::abs(stepDown.y() - 10) < 1e-6,
             qPrintable(QStringLiteral("Shift+Down moved the pin by (%1, %2) on screen")
                            .arg(stepDown.x())
                            .arg(stepDown.y())));

    // Not editable: the arrows scroll instead.
    m_view->setEditable(false);
    QTest::keyClick(m_view.get(), Qt::Key_Left);
    QCOMPARE(moved.count(), 2);
}

void TestFloorPlanView::clicksSelectActivateAndPlace()
{
    m_view->setZoom(1);
    m_view->setEditable(true);
    m_view->setPins(pins());
    QSignalSpy selected(m_view.get(), &FloorPlanView::pinSelected);
    QSignalSpy activated(m_view.get(), &FloorPlanView::pinActivated);
    QSignalSpy added(m_view.get(), &FloorPlanView::addPinRequested);
    QSignalSpy deleted(m_view.get(), &FloorPlanView::deletePinRequested);
    QWidget *viewport = m_view->viewport();
    m_view->setSelectedPin(QStringLiteral("onu"));
    const QPoint onu = m_view->planToViewport(kMarker).toPoint();
    QTest::mouseClick(viewport, Qt::LeftButton, {}, onu);
    QTest::mouseDClick(viewport, Qt::LeftButton, {}, onu);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(m_view->selectedPin(), QStringLiteral("onu"));
    m_view->setFocus();
    QTest::keyClick(m_view.get(), Qt::Key_Return);
    QCOMPARE(activated.count(), 2);
    QTest::keyClick(m_view.get(), Qt::Key_Delete);
    QCOMPARE(deleted.count(), 1);
    QCOMPARE(deleted.at(0).at(0).toString(), QStringLiteral("onu"));

    // Placing: Escape cancels; a click asks for a pin there.
    m_view->setPlacingPin(true);
    QCOMPARE(viewport->cursor().shape(), Qt::CrossCursor);
    QTest::keyClick(m_view.get(), Qt::Key_Escape);
    QTest::mouseClick(viewport, Qt::LeftButton, {}, m_view->planToViewport(QPointF(0.5, 0.5)).toPoint());
    QCOMPARE(added.count(), 0);
    m_view->setPlacingPin(true);
    const QPointF spot = m_view->planToViewport(QPointF(0.45, 0.55));
    QTest::mouseClick(viewport, Qt::LeftButton, {}, spot.toPoint());
    QCOMPARE(added.count(), 1);
    const QPointF asked = added.at(0).at(0).toPointF();
    QVERIFY(std::abs(asked.x() - 0.45) < 0.01 && std::abs(asked.y() - 0.55) < 0.01);

    // Selecting with the mouse says so; zoom keys.
    selected.clear();
    QTest::mouseClick(viewport, Qt::LeftButton, {}, m_view->planToViewport(QPointF(0.15, 0.2)).toPoint());
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).toString(), QStringLiteral("other"));
    const double before = m_view->zoom();
    QTest::keyClick(m_view.get(), Qt::Key_Plus);
    QVERIFY(m_view->zoom() > before);
    QTest::keyClick(m_view.get(), Qt::Key_0);
    QVERIFY(m_view->zoom() < before);
}

QTEST_MAIN(TestFloorPlanView)
#include "tst_floorplanview.moc"
