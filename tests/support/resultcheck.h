#pragma once

#include "error.h"

#include <QTest>

// Fails the test with the error's description when a Result holds an error (evaluated once).
#define FS_VERIFY_OK(expression)                                                                             \
    do {                                                                                                     \
        const auto &fsResult = (expression);                                                                 \
        QVERIFY2(fsResult.has_value(), qPrintable(fsResult ? QString() : fs::describe(fsResult.error())));   \
    } while (false)
