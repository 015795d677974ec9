#pragma once

#include <QString>
#include <QStringList>

namespace fs::test {

// Writes count surveys (survey-001.fsv, …) into folder, the same for the same seed: hospitals in
// several prefectures with their investigators and visit dates, 1–8 lines with varied 通信形態 and
// EMR reachability, routers/UTMs with firmware facts (some in known-exploited ranges), five
// terminals with their "os" item in every support status (some unchecked), rule findings from
// FindingsEngine, investigator findings in several categories, review states spread over
// 作成中 / 提出済 / 差戻し / 承認, review comments (some resolved) and unsynced edits on some.
// Returns the paths in order. Fails the calling test (QFAIL-free: returns {} and logs) on error.
[[nodiscard]] QStringList generateSurveys(const QString &folder, int count, quint32 seed);

} // namespace fs::test
