#include "importresultdialog.h"

#include "importwarningtext.h"
#include "ui_importresultdialog.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QPushButton>

namespace fs::app {

namespace {

constexpr int kSubjectRole = Qt::UserRole + 1;

} // namespace

ImportResultDialog::ImportResultDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ImportResultDialog>())
{
    m_ui->setupUi(this);
    m_ui->warningList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_ui->warningList->header()->setStretchLastSection(true);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->warningList, &QTreeWidget::itemActivated, this, [this] { jumpToCurrent(); });
}

ImportResultDialog::~ImportResultDialog() = default;

void ImportResultDialog::setResult(const QString &summary, const QList<fs::model::ImportWarning> &warnings)
{
    m_ui->summaryLabel->setText(summary);
    m_ui->warningList->clear();
    for (const fs::model::ImportWarning &w : warnings) {
        auto *item = new QTreeWidgetItem(m_ui->warningList);
        item->setText(0, ImportWarningText::describe(w.code));
        item->setText(1, ImportWarningText::subject(w.subject));
        item->setText(2, w.where);
        item->setText(3, w.code);
        item->setToolTip(0, w.detail);
        item->setData(0, kSubjectRole, w.subject);
    }
    m_ui->hintLabel->setVisible(!warnings.isEmpty());
    if (!warnings.isEmpty())
        m_ui->warningList->setCurrentItem(m_ui->warningList->topLevelItem(0));
}

int ImportResultDialog::warningCount() const
{
    return m_ui->warningList->topLevelItemCount();
}

void ImportResultDialog::jumpToCurrent()
{
    if (const QTreeWidgetItem *item = m_ui->warningList->currentItem())
        emit jumpRequested(item->data(0, kSubjectRole).toString());
}

} // namespace fs::app
