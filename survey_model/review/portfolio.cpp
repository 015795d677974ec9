#include "portfolio.h"

#include "../logging.h"
#include "../surveystore.h"

#include <QDirIterator>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>
#include <optional>
#include <vector>

namespace fs::model {

namespace {

// One survey, opened and closed in the calling thread: an SQLite connection belongs to the thread
// that opened it (QSqlDatabase refuses to be used from another).
Result<SurveySummary> summarise(const QString &path)
{
    auto store = SurveyStore::open(path, SurveyStore::OpenMode::ReadOnly);
    if (!store)
        return tl::unexpected(store.error());
    return SurveySummary::read(**store);
}

// The failure as the team lead sees it in the list: it names the file.
Error namingFile(Error error, const QString &path)
{
    if (!error.detail.contains(path))
        error.detail = path + QStringLiteral(": ") + error.detail;
    return error;
}

} // namespace

QStringList Portfolio::findSurveys(const QString &folder)
{
    QStringList paths;
    const QString pattern = QStringLiteral("*.") + QString::fromLatin1(SurveyStore::kFileSuffix);
    QDirIterator it(folder, {pattern}, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths << it.next();
    paths.sort();
    return paths;
}

PortfolioLoad Portfolio::load(const QStringList &paths)
{
    // Each worker takes the next path until none is left; results land in the paths' slots, so
    // the order does not depend on which thread finished first.
    std::vector<std::optional<Result<SurveySummary>>> results(size_t(paths.size()));
    std::atomic<qsizetype> next{0};
    const auto work = [&paths, &results, &next] {
        for (qsizetype i = next++; i < paths.size(); i = next++)
            results[size_t(i)] = summarise(paths.at(i));
    };

    const int threads = int(std::min<qsizetype>(std::max(1, QThread::idealThreadCount()), paths.size()));
    std::vector<std::unique_ptr<QThread>> workers;
    for (int t = 1; t < threads; ++t) {
        workers.emplace_back(QThread::create(work));
        workers.back()->start();
    }
    work(); // the calling thread takes its share
    for (const auto &w : workers)
        w->wait();

    PortfolioLoad load;
    for (qsizetype i = 0; i < paths.size(); ++i) {
        auto &result = *results[size_t(i)];
        if (result) {
            load.surveys << std::move(*result);
        } else {
            load.failures << namingFile(result.error(), paths.at(i));
            qCWarning(lcStore) << "portfolio: cannot read" << describe(load.failures.constLast());
        }
    }
    return load;
}

} // namespace fs::model
