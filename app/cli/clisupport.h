#pragma once

#include "error.h"
#include "secret.h"
#include "surveystore.h"

#include <QCommandLineParser>
#include <QDate>
#include <QTextStream>

#include <optional>

namespace fs::cli {

// Shared plumbing of the fieldsurvey-cli subcommands.
QTextStream &out();
QTextStream &err();

// Prints the error and returns Commands::kFailed.
int failWith(const fs::Error &error);
// Prints the message and the command's help; returns Commands::kUsageError.
int usage(const QString &message, const QCommandLineParser &parser);
// Parses a subcommand's own arguments (adds --help). False when the command should stop: after
// printing its help (check isSet("help")) or a usage error.
bool parse(QCommandLineParser &parser, const QString &command, const QStringList &arguments);
// The exit status for a parse() that returned false.
int stopStatus(const QCommandLineParser &parser);
// The value of a YYYY-MM-DD option: an invalid QDate when the option is absent, nullopt when it
// is malformed.
[[nodiscard]] std::optional<QDate> dateOption(const QCommandLineParser &parser,
                                              const QCommandLineOption &option);
// Opens a survey for changes by this user; a survey that would open read-only (written by a newer
// FieldSurvey) is an error.
[[nodiscard]] fs::Result<std::unique_ptr<fs::model::SurveyStore>> openForEditing(const QString &path);
// A line typed on the terminal without echo (after prompt), or read from standard input when it
// is not a terminal or fromStdin is set. Passwords never come from the command line.
[[nodiscard]] fs::model::Secret readSecretLine(const QString &prompt, bool fromStdin);

} // namespace fs::cli
