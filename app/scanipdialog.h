#pragma once

#include "connectionpoint.h"

#include <QDateTime>
#include <QDialog>

#include <memory>

namespace Ui {
class ScanIpDialog;
}

namespace fs::app {

// Records the global IP a hospital confirmed on the scan day for one line: the address (one
// public IPv4 or IPv6 address, checked before OK is accepted), who confirmed it and when.
class ScanIpDialog : public QDialog
{
    Q_OBJECT

public:
    ScanIpDialog(const fs::model::ConnectionPoint &line, const QString &defaultBy, const QDateTime &now,
                 QWidget *parent = nullptr);
    ~ScanIpDialog() override;

    [[nodiscard]] QString address() const;
    [[nodiscard]] QString confirmedBy() const;
    [[nodiscard]] QDateTime confirmedAt() const;

    void accept() override;

private:
    std::unique_ptr<Ui::ScanIpDialog> m_ui;
    fs::model::ConnectionPoint m_line;
};

} // namespace fs::app
