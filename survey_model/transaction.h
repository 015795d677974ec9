#pragma once

#include "error.h"

namespace fs::model {

class Database;

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() succeeded.
class Transaction
{
public:
    explicit Transaction(const Database &database);
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    ~Transaction();

    // Whether BEGIN succeeded; a failed begin leaves nothing to commit.
    [[nodiscard]] const Result<void> &begun() const { return m_begun; }
    [[nodiscard]] Result<void> commit();

private:
    const Database &m_database;
    Result<void> m_begun;
    bool m_open = false;
};

} // namespace fs::model
