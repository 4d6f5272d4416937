// CommandTest: a fixture for tests that run the real `sanad` binary on files: a fresh temporary
// directory per test (removed afterwards), files written and read there, and the command run
// with its exit code, standard output and standard error captured. Not thread-safe.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace sanad::api_test {

struct CommandRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class CommandTest : public testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // A path inside the test's directory.
  std::string Path(const std::string& name) const;
  void Write(const std::string& name, const std::string& text) const;
  static std::string Read(const std::string& path);

  // Runs `sanad ARGS` (a shell command line after the binary) with `input` on stdin.
  CommandRun Sanad(const std::string& args, const std::string& input = "") const;

 private:
  std::filesystem::path dir_;
};

}  // namespace sanad::api_test
