#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace fs::test {

// What a program run by a test printed and how it ended.
struct ProcessRun
{
    int exitCode = -1; // -1 when it crashed or timed out
    QByteArray out;
    QByteArray err;
};

// Runs program to its end (killed after timeoutMs), with input on its standard input.
[[nodiscard]] ProcessRun
runProgram(const QString &program, const QStringList &arguments,
           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
           const QByteArray &input = {}, int timeoutMs = 60000);

} // namespace fs::test
