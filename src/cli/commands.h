// The subcommands of `sanad`. Each Add* registers one subcommand and its options on the app;
// the callback runs it and records the exit code.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "base/status.h"
#include "store/database.h"

namespace sanad::cli {

void AddServe(CLI::App& app);
void AddMigrate(CLI::App& app);
void AddUser(CLI::App& app);
void AddDemo(CLI::App& app);
void AddImport(CLI::App& app);
void AddDedup(CLI::App& app);
void AddKey(CLI::App& app);

// The exit code set by the subcommand that ran (0 when all went well).
int ExitCode();
void SetExitCode(int code);

// Opens and migrates the database, printing a clear message and setting exit code 2 on failure.
std::unique_ptr<store::Database> OpenAndMigrate(const std::string& url);
// Prints "sanad: <message>" to stderr and sets exit code `code`.
void Fail(const std::string& message, int code = 1);

}  // namespace sanad::cli
