#include "markupdialog.h"

#include "markupcanvas.h"
#include "ui_markupdialog.h"

#include <QButtonGroup>
#include <QKeySequence>
#include <QPixmap>
#include <QShortcut>

namespace fs::app {

MarkupDialog::MarkupDialog(const QImage &uprightPhoto, const fs::model::PhotoMarkup &markup, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::MarkupDialog>())
{
    m_ui->setupUi(this);
    MarkupCanvas *canvas = m_ui->markupCanvas;
    canvas->setPhoto(uprightPhoto);
    canvas->setMarkup(markup);

    auto *tools = new QButtonGroup(this);
    tools->setExclusive(true);
    tools->addButton(m_ui->arrowToolButton);
    tools->addButton(m_ui->circleToolButton);
    tools->addButton(m_ui->textToolButton);
    m_ui->arrowToolButton->setChecked(true);
    connect(m_ui->arrowToolButton, &QToolButton::toggled, this, [canvas](bool on) {
        if (on)
            canvas->setTool(MarkupCanvas::Tool::Arrow);
    });
    connect(m_ui->circleToolButton, &QToolButton::toggled, this, [canvas](bool on) {
        if (on)
            canvas->setTool(MarkupCanvas::Tool::Circle);
    });
    connect(m_ui->textToolButton, &QToolButton::toggled, this, [this, canvas](bool on) {
        if (!on)
            return;
        canvas->setTool(MarkupCanvas::Tool::Text);
        if (m_ui->markupTextEdit->text().trimmed().isEmpty())
            m_ui->markupTextEdit->setFocus();
    });
    m_ui->markupTextEdit->setMaxLength(fs::model::PhotoMarkup::kMaxTextLength);
    connect(m_ui->markupTextEdit, &QLineEdit::textChanged, canvas, &MarkupCanvas::setText);

    for (const auto &[name, colour] : {std::pair{tr("Red"), fs::model::MarkupShape::defaultColour()},
                                       std::pair{tr("Yellow"), QColor(0xfd, 0xd8, 0x35)},
                                       std::pair{tr("Blue"), QColor(0x1e, 0x88, 0xe5)}}) {
        QPixmap swatch(14, 14);
        swatch.fill(colour);
        m_ui->colourCombo->addItem(QIcon(swatch), name, colour);
    }
    connect(m_ui->colourCombo, &QComboBox::currentIndexChanged, this, [this, canvas](int index) {
        canvas->setColour(m_ui->colourCombo->itemData(index).value<QColor>());
    });

    // A line edit with the focus keeps Delete and Ctrl+Z for its own text.
    auto *deleteShortcut = new QShortcut(QKeySequence::Delete, this);
    connect(deleteShortcut, &QShortcut::activated, canvas, &MarkupCanvas::deleteSelected);
    auto *undoShortcut = new QShortcut(QKeySequence::Undo, this);
    connect(undoShortcut, &QShortcut::activated, canvas, &MarkupCanvas::undo);
    connect(m_ui->deleteShapeButton, &QPushButton::clicked, canvas, &MarkupCanvas::deleteSelected);
    connect(m_ui->undoMarkupButton, &QPushButton::clicked, canvas, &MarkupCanvas::undo);
    connect(canvas, &MarkupCanvas::markupChanged, this, &MarkupDialog::updateButtons);
    connect(canvas, &MarkupCanvas::selectionChanged, this, &MarkupDialog::updateButtons);
    updateButtons();

    connect(m_ui->markupButtons, &QDialogButtonBox::accepted, this, &MarkupDialog::accept);
    connect(m_ui->markupButtons, &QDialogButtonBox::rejected, this, &MarkupDialog::reject);
    canvas->setFocus();
}

MarkupDialog::~MarkupDialog() = default;

fs::model::PhotoMarkup MarkupDialog::markup() const
{
    return m_ui->markupCanvas->markup();
}

MarkupCanvas *MarkupDialog::canvas() const
{
    return m_ui->markupCanvas;
}

void MarkupDialog::updateButtons()
{
    m_ui->deleteShapeButton->setEnabled(m_ui->markupCanvas->selectedShape() >= 0);
    m_ui->undoMarkupButton->setEnabled(m_ui->markupCanvas->canUndo());
}

} // namespace fs::app
