#pragma once

#include "device.h"
#include "error.h"
#include "versioncompare.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

#include <optional>

namespace fs::model {

// One row of resources/vulnkb/edge-kev.tsv (a copy of ../shared/corpus/vulnkb/edge-kev.tsv): a CISA
// KEV entry for an edge product with its affected and fixed versions as free text.
struct KevEntry
{
    QString cve;
    QString vendor;
    QString product;
    QString affectedVersions;
    QString fixedVersions;
    QDate dateAdded;
    QString description;
    QString sourceUrl;
    QString kevVendorProject;
    QString kevProduct;
    bool knownRansomwareUse = false; // KEV knownRansomwareCampaignUse == "Known"
    QString affectedBasis;
    QString fixedBasis;
};

// Where a range comes from: the CVE record's CNA container, or a reading of the vendor advisory
// that could not be re-checked (a finding built on it needs confirmation).
enum class KevBasis
{
    Cna,
    AdvisoryRecalled
};

// One line of resources/vulnkb/edge-kev-ranges.tsv: a branch range of one CVE in one product
// family, in the family's version scheme.
struct KevRange
{
    QString cve;
    QString family; // fortios, ios-xe, asa, panos, junos, …
    QString lower;  // inclusive; empty = from the beginning
    QString upper;  // empty = no upper bound
    bool upperInclusive = false;
    QString feature; // empty, or the condition for exposure: ssl_vpn, mgmt_ui, fgfm, …
    KevBasis basis = KevBasis::Cna;
    int line = 0; // line in the ranges file, for messages
};

// A row of edge-kev.tsv that has no comparable versions, and why.
struct KevNotMatched
{
    QString cve;
    QString reason;
};

// Whether the feature a range needs is on in the device's current configuration.
enum class FeatureState
{
    NotRequired, // the range has no feature condition
    On,
    Off,
    Unknown // the facts do not say
};

// What the device runs, as far as the rule needs it.
struct DeviceProduct
{
    QString family;      // empty when the device is no known KEV product family
    QString displayName; // "FortiOS", "Cisco IOS XE", …
    VersionScheme scheme = VersionScheme::Generic;
    QString rawVersion; // the firmware fact as the device printed it
    QString version;    // normalized; empty when the firmware could not be parsed
};

struct KevMatch
{
    KevEntry entry;
    KevRange range;
    FeatureState featureState = FeatureState::NotRequired;
};

class VulnKb
{
public:
    // The tables shipped in the application (":/fieldsurvey/vulnkb/…").
    [[nodiscard]] static const VulnKb &builtIn();
    // Reads edge-kev.tsv (header row, 13 columns) and edge-kev-ranges.tsv (header row, 7 columns,
    // "#" comments, "# not-matched CVE-…: reason" lines). Errors name the file and the line.
    [[nodiscard]] static Result<VulnKb> fromTsv(const QByteArray &kevTsv, const QByteArray &rangesTsv);

    [[nodiscard]] const QList<KevEntry> &entries() const { return m_entries; }
    [[nodiscard]] const QList<KevRange> &ranges() const { return m_ranges; }
    [[nodiscard]] const QList<KevNotMatched> &notMatched() const { return m_notMatched; }
    [[nodiscard]] std::optional<KevEntry> entry(const QString &cve) const;

    // The families the ranges file may name, with their version scheme and display name.
    [[nodiscard]] static QStringList families();
    [[nodiscard]] static std::optional<VersionScheme> schemeFor(const QString &family);
    [[nodiscard]] static QString displayName(const QString &family);

    // The product family and firmware of a device: collected facts first (vendor, model, firmware,
    // the profile's own facts), the declared maker and model when no vendor or model was collected.
    [[nodiscard]] static DeviceProduct identify(const Device &device);
    // The state of a range's feature condition in the device's collected facts.
    [[nodiscard]] static FeatureState featureState(const QString &feature, const Device &device);

    // The KEV rows whose range holds the device's firmware, one per CVE, in table order. Empty when
    // the family is unknown or the firmware is missing or cannot be parsed.
    [[nodiscard]] QList<KevMatch> matches(const Device &device) const;
    [[nodiscard]] QList<KevMatch> matches(const DeviceProduct &product, const Device &device) const;
    // Whether version lies in range (false when it cannot be compared).
    [[nodiscard]] static bool contains(const KevRange &range, const QString &version);

private:
    QList<KevEntry> m_entries;
    QList<KevRange> m_ranges;
    QList<KevNotMatched> m_notMatched;
};

} // namespace fs::model
