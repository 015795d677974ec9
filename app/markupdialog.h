#pragma once

#include "photomarkup.h"

#include <QDialog>
#include <QImage>

#include <memory>

namespace Ui {
class MarkupDialog;
}

namespace fs::app {

class MarkupCanvas;

// Marks on a photo — arrows, circles, text — drawn over the upright photo; the photo itself is
// never changed. Delete removes the selected mark, Ctrl+Z undoes the last change.
class MarkupDialog : public QDialog
{
    Q_OBJECT

public:
    MarkupDialog(const QImage &uprightPhoto, const fs::model::PhotoMarkup &markup, QWidget *parent = nullptr);
    ~MarkupDialog() override;

    [[nodiscard]] fs::model::PhotoMarkup markup() const;
    [[nodiscard]] MarkupCanvas *canvas() const;

private:
    void updateButtons();

    std::unique_ptr<Ui::MarkupDialog> m_ui;
};

} // namespace fs::app
