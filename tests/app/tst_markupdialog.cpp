// Marking up a photo with the mouse: an arrow, a circle and text land where they were drawn (in
// coordinates of the upright photo), a mark is selected by clicking it, Delete removes it, Ctrl+Z
// undoes, and the canvas shows the marks.
#include "guitest.h"
#include "markupcanvas.h"
#include "markupdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using fs::app::MarkupCanvas;
using fs::app::MarkupDialog;
using fs::model::MarkupShape;
using fs::model::PhotoMarkup;
using fs::test::child;

namespace {

// A landscape photo in greys and greens (no red), so red on the canvas can only be markup.
QImage photo()
{
    QImage image(1200, 900, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient gradient(0, 0, 1200, 900);
    gradient.setColorAt(0, QColor(90, 110, 100));
    gradient.setColorAt(1, QColor(200, 210, 205));
    p.fillRect(image.rect(), gradient);
    p.fillRect(480, 300, 240, 200, QColor(60, 140, 80)); // "the ONU"
    return image;
}

bool isRed(QRgb pixel)
{
    return qRed(pixel) > 180 && qGreen(pixel) < 110 && qBlue(pixel) < 110;
}

bool near(const QPointF &actual, const QPointF &expected)
{
    return std::abs(actual.x() - expected.x()) <= 0.01 && std::abs(actual.y() - expected.y()) <= 0.01;
}

QString pointText(const QPointF &p)
{
    return QStringLiteral("(%1, %2)").arg(p.x(), 0, 'f', 4).arg(p.y(), 0, 'f', 4);
}

} // namespace

class TestMarkupDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MarkupDialog> m_dialog;
    MarkupCanvas *m_canvas = nullptr;

    QPoint at(double x, double y) const
    {
        const QRectF r = m_canvas->photoRect();
        return QPoint(qRound(r.left() + x * r.width()), qRound(r.top() + y * r.height()));
    }

    void drag(QPointF from, QPointF to)
    {
        QTest::mousePress(m_canvas, Qt::LeftButton, Qt::NoModifier, at(from.x(), from.y()));
        for (int i = 1; i <= 4; ++i) {
            const QPointF p = from + (to - from) * (i / 4.0);
            QTest::mouseMove(m_canvas, at(p.x(), p.y()));
        }
        QTest::mouseRelease(m_canvas, Qt::LeftButton, Qt::NoModifier, at(to.x(), to.y()));
    }

    void click(QPointF p) { QTest::mouseClick(m_canvas, Qt::LeftButton, Qt::NoModifier, at(p.x(), p.y())); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dialog = std::make_unique<MarkupDialog>(photo(), PhotoMarkup{});
        m_dialog->resize(900, 700);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
        m_canvas = child<MarkupCanvas>(*m_dialog, "markupCanvas");
        QVERIFY(m_canvas);
        QCOMPARE(m_dialog->canvas(), m_canvas);
    }

    void cleanup() { m_dialog.reset(); }

    void drawsAnArrow()
    {
        child<QToolButton>(*m_dialog, "arrowToolButton")->click();
        drag({0.2, 0.3}, {0.7, 0.6});
        const PhotoMarkup markup = m_dialog->markup();
        QCOMPARE(markup.shapes.size(), 1);
        const MarkupShape &arrow = markup.shapes.first();
        QCOMPARE(arrow.kind, MarkupShape::Kind::Arrow);
        QVERIFY2(near(arrow.from, {0.2, 0.3}), qPrintable(pointText(arrow.from)));
        QVERIFY2(near(arrow.to, {0.7, 0.6}), qPrintable(pointText(arrow.to)));
        QCOMPARE(arrow.colour, MarkupShape::defaultColour());

        // The canvas shows it: red along the line, none away from it.
        const QImage shown = m_canvas->grab().toImage();
        for (const double t : {0.1, 0.3, 0.5, 0.7, 0.85}) {
            const QPoint p = at(0.2 + 0.5 * t, 0.3 + 0.3 * t);
            QVERIFY2(isRed(shown.pixel(p)), qPrintable(QStringLiteral("no red at %1").arg(t)));
        }
        QVERIFY(!isRed(shown.pixel(at(0.2, 0.7))));
        QVERIFY(!isRed(shown.pixel(at(0.8, 0.2))));
    }

    void drawsACircleInYellow()
    {
        child<QToolButton>(*m_dialog, "circleToolButton")->click();
        auto *colours = child<QComboBox>(*m_dialog, "colourCombo");
        QCOMPARE(colours->count(), 3);
        colours->setCurrentIndex(1);
        drag({0.35, 0.3}, {0.65, 0.75});
        const PhotoMarkup markup = m_dialog->markup();
        QCOMPARE(markup.shapes.size(), 1);
        QCOMPARE(markup.shapes.first().kind, MarkupShape::Kind::Circle);
        QVERIFY(near(markup.shapes.first().from, {0.35, 0.3}));
        QVERIFY(near(markup.shapes.first().to, {0.65, 0.75}));
        QCOMPARE(markup.shapes.first().colour, QColor(0xfd, 0xd8, 0x35));
    }

    void placesText()
    {
        auto *textTool = child<QToolButton>(*m_dialog, "textToolButton");
        auto *textEdit = child<QLineEdit>(*m_dialog, "markupTextEdit");
        textTool->click();
        QVERIFY(textTool->isChecked());
        QVERIFY(!child<QToolButton>(*m_dialog, "arrowToolButton")->isChecked()); // exclusive
        click({0.1, 0.8}); // no text yet: nothing placed
        QCOMPARE(m_dialog->markup().shapes.size(), 0);
        fs::test::typeText(textEdit, QStringLiteral("ONU 2F"));
        click({0.1, 0.8});
        const PhotoMarkup markup = m_dialog->markup();
        QCOMPARE(markup.shapes.size(), 1);
        QCOMPARE(markup.shapes.first().kind, MarkupShape::Kind::Text);
        QCOMPARE(markup.shapes.first().text, QStringLiteral("ONU 2F"));
        QVERIFY2(near(markup.shapes.first().from, {0.1, 0.8}),
                 qPrintable(pointText(markup.shapes.first().from)));
    }

    void selectDeleteAndUndo()
    {
        child<QToolButton>(*m_dialog, "arrowToolButton")->click();
        drag({0.2, 0.3}, {0.7, 0.6});
        child<QToolButton>(*m_dialog, "circleToolButton")->click();
        drag({0.1, 0.1}, {0.3, 0.25});
        child<QToolButton>(*m_dialog, "textToolButton")->click();
        fs::test::typeText(child<QLineEdit>(*m_dialog, "markupTextEdit"), QStringLiteral("router"));
        click({0.75, 0.85});
        QCOMPARE(m_dialog->markup().shapes.size(), 3);
        const PhotoMarkup all = m_dialog->markup();

        click({0.45, 0.45}); // on the arrow
        QCOMPARE(m_canvas->selectedShape(), 0);
        QVERIFY(child<QPushButton>(*m_dialog, "deleteShapeButton")->isEnabled());
        QTest::keyClick(m_canvas, Qt::Key_Delete);
        QCOMPARE(m_dialog->markup().shapes.size(), 2);
        QCOMPARE(m_dialog->markup().shapes.at(0).kind, MarkupShape::Kind::Circle);
        QCOMPARE(m_dialog->markup().shapes.at(1).kind, MarkupShape::Kind::Text);
        QCOMPARE(m_canvas->selectedShape(), -1);

        // Delete in the text field edits the text, not the marks.
        auto *textEdit = child<QLineEdit>(*m_dialog, "markupTextEdit");
        textEdit->setFocus();
        textEdit->setCursorPosition(0);
        click({0.2, 0.1}); // select the circle (focus moves to the canvas)
        QCOMPARE(m_canvas->selectedShape(), 0);
        textEdit->setFocus();
        QTest::keyClick(textEdit, Qt::Key_Delete);
        QCOMPARE(textEdit->text(), QStringLiteral("outer"));
        QCOMPARE(m_dialog->markup().shapes.size(), 2);

        QTest::keyClick(m_canvas, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_dialog->markup(), all); // the arrow is back
        QTest::keyClick(m_canvas, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(m_dialog->markup().shapes.size(), 2); // the text went
        child<QPushButton>(*m_dialog, "undoMarkupButton")->click();
        child<QPushButton>(*m_dialog, "undoMarkupButton")->click();
        QCOMPARE(m_dialog->markup().shapes.size(), 0);
        QVERIFY(!child<QPushButton>(*m_dialog, "undoMarkupButton")->isEnabled());
    }

    void existingMarkupOkAndCancel()
    {
        PhotoMarkup existing;
        MarkupShape arrow;
        arrow.from = {0.1, 0.1};
        arrow.to = {0.5, 0.5};
        existing.shapes << arrow;
        MarkupShape label;
        label.kind = MarkupShape::Kind::Text;
        label.from = {0.52, 0.52};
        label.text = QStringLiteral("ONU");
        existing.shapes << label;
        MarkupShape circle;
        circle.kind = MarkupShape::Kind::Circle;
        circle.from = {0.38, 0.3};
        circle.to = {0.62, 0.58};
        circle.colour = QColor(0x1e, 0x88, 0xe5);
        existing.shapes << circle;
        m_dialog = std::make_unique<MarkupDialog>(photo(), existing);
        m_dialog->resize(900, 700);
        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
        m_canvas = m_dialog->canvas();
        QCOMPARE(m_dialog->markup(), existing);
        QVERIFY(!child<QPushButton>(*m_dialog, "undoMarkupButton")->isEnabled());
        QVERIFY(isRed(m_canvas->grab().toImage().pixel(at(0.3, 0.3))));
        QVERIFY(fs::test::saveScreenshot(*m_dialog, QStringLiteral("markupdialog.png")));

        child<QDialogButtonBox>(*m_dialog, "markupButtons")->button(QDialogButtonBox::Ok)->click();
        QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
        QCOMPARE(m_dialog->markup(), existing);

        m_dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
        child<QDialogButtonBox>(*m_dialog, "markupButtons")->button(QDialogButtonBox::Cancel)->click();
        QCOMPARE(m_dialog->result(), int(QDialog::Rejected));
    }
};

QTEST_MAIN(TestMarkupDialog)
#include "tst_markupdialog.moc"
