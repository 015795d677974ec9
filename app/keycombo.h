#pragma once

#include "modellabels.h"

#include <QComboBox>
#include <QSignalBlocker>

namespace fs::app {

// Combo boxes over the stable keys of an enum: the item text is the translated label
// (ModelLabels group), the item data the key.
template <typename Keys>
void fillKeyCombo(QComboBox *combo, const QString &group, const Keys &keys)
{
    const QSignalBlocker blocker(combo);
    combo->clear();
    for (const auto &[value, key] : keys.entries()) {
        const QString text = QString::fromUtf16(key);
        combo->addItem(ModelLabels::value(group, text), text);
    }
}

// Selects the item of key without emitting activated().
inline void setComboKey(QComboBox *combo, const QString &key)
{
    const QSignalBlocker blocker(combo);
    combo->setCurrentIndex(std::max(0, combo->findData(key)));
}

} // namespace fs::app
