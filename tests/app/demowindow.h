#pragma once

// The main window on a fresh copy of the demo survey, as the GUI tests of one tab start.

#include "clock.h"
#include "demosurvey.h"
#include "mainwindow.h"

#include <QSize>
#include <QString>

#include <memory>

namespace fs::test {

// Creates the demo survey at surveyPath (stamped by clock), shows a window of size with it open;
// null when the survey could not be made or opened.
inline std::unique_ptr<fs::app::MainWindow> openDemoWindow(const QString &surveyPath,
                                                           const fs::model::Clock &clock, const QSize &size)
{
    if (!fs::model::DemoSurvey::createOrReplace(surveyPath, clock))
        return nullptr;
    auto window = std::make_unique<fs::app::MainWindow>();
    window->setClock(&clock);
    window->resize(size);
    window->show();
    if (!window->openSurveyFile(surveyPath))
        return nullptr;
    return window;
}

} // namespace fs::test
