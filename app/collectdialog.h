#pragma once

#include "connectionpoint.h"
#include "devicecollector.h"

#include <QDialog>
#include <QFutureWatcher>

#include <memory>

class QLineEdit;

namespace Ui {
class CollectDialog;
}

namespace fs::model {
class SurveyStore;
}

namespace fs::collect {
class Cancellation;
class ProfileSet;
} // namespace fs::collect

namespace fs::app {

// Reads a router's, UTM's or firewall's facts from the device itself — over SSH, its serial
// console, or a session pasted from another terminal program — shows the session as it runs, and
// keeps the transcript with the facts in the survey. A first SSH contact shows the host key's
// fingerprint and connects only once the investigator accepts it; a changed key is refused.
class CollectDialog : public QDialog
{
    Q_OBJECT

public:
    CollectDialog(fs::model::SurveyStore &store, const fs::collect::ProfileSet &profiles,
                  const fs::model::ConnectionPoint &line, const fs::model::Device &device,
                  QWidget *parent = nullptr);
    ~CollectDialog() override;

    // Starts with what the form holds (the Start button).
    void start();
    void stop();
    [[nodiscard]] bool isRunning() const;
    // What the last session found (for tests and the result line).
    [[nodiscard]] const fs::collect::CollectOutcome &lastOutcome() const { return m_outcome; }

signals:
    // Facts or a transcript were kept in the survey.
    void collected();

protected:
    void reject() override;

private:
    void finished();
    void showOutcome();
    void setRunning(bool running);
    void appendConsole(const QString &text);
    void loadLog();
    // The password typed in edit, or the one remembered today for the login (when needed).
    [[nodiscard]] fs::model::Secret passwordFor(QLineEdit *edit, bool needed);

    std::unique_ptr<Ui::CollectDialog> m_ui;
    fs::model::SurveyStore &m_store;
    const fs::collect::ProfileSet &m_profiles;
    QString m_deviceUuid;
    std::shared_ptr<fs::collect::Cancellation> m_cancellation;
    QFutureWatcher<fs::collect::CollectOutcome> m_watcher;
    fs::collect::CollectOutcome m_outcome;
    QString m_sshHost;
    int m_sshPort = 22;
    QString m_account;           // the keychain entry of this login ("remember for today")
    bool m_rememberable = false; // the password was typed (not recalled): it may be remembered
};

} // namespace fs::app
