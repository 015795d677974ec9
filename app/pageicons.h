#pragma once

#include <QIcon>

namespace fs::app {

// Small status marks drawn for the lists of lines and terminals.
class PageIcons
{
public:
    // Green with a tick when everything is captured, amber with a dash otherwise.
    [[nodiscard]] static QIcon status(bool complete);
};

} // namespace fs::app
