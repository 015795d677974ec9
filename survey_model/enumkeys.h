#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>
#include <utility>

namespace fs::model {

// A fixed mapping between an enum and the stable text keys stored in survey files and sent to
// the portal ("found_on_site"). Declare one constexpr table per enum next to the enum.
template <typename E, std::size_t N>
class EnumKeys
{
public:
    constexpr explicit EnumKeys(std::array<std::pair<E, const char16_t *>, N> entries)
        : m_entries(entries)
    {
    }

    [[nodiscard]] QString key(E value) const
    {
        for (const auto &[e, text] : m_entries) {
            if (e == value)
                return QString::fromUtf16(text);
        }
        return {};
    }

    [[nodiscard]] std::optional<E> parse(QStringView text) const
    {
        for (const auto &[e, key] : m_entries) {
            if (text == QStringView(key))
                return e;
        }
        return std::nullopt;
    }

    [[nodiscard]] E parseOr(QStringView text, E fallback) const { return parse(text).value_or(fallback); }

    [[nodiscard]] constexpr const auto &entries() const { return m_entries; }

private:
    std::array<std::pair<E, const char16_t *>, N> m_entries;
};

} // namespace fs::model
