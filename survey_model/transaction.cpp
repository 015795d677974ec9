#include "transaction.h"

#include "database.h"
#include "logging.h"

namespace fs::model {

Transaction::Transaction(const Database &database)
    : m_database(database)
{
    if (auto r = m_database.run(QStringLiteral("BEGIN IMMEDIATE")); r)
        m_open = true;
    else
        m_begun = tl::unexpected(r.error());
}

Transaction::~Transaction()
{
    if (!m_open)
        return;
    if (auto r = m_database.run(QStringLiteral("ROLLBACK")); !r)
        qCWarning(lcStore) << "rollback failed:" << describe(r.error());
}

Result<void> Transaction::commit()
{
    if (!m_begun)
        return m_begun;
    if (!m_open)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("transaction already finished"));
    auto r = m_database.run(QStringLiteral("COMMIT"));
    if (!r)
        return tl::unexpected(r.error());
    m_open = false;
    return {};
}

} // namespace fs::model
