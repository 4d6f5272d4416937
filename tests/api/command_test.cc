#include "tests/api/command_test.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#ifndef SANAD_BIN
#error "SANAD_BIN (the sanad binary under test) must be defined"
#endif

namespace sanad::api_test {

namespace fs = std::filesystem;

void CommandTest::SetUp() {
  const auto* info = testing::UnitTest::GetInstance()->current_test_info();
  dir_ = fs::temp_directory_path() / ("sanad-" + std::string(info->test_suite_name()) + "-" +
                                      std::to_string(::getpid()) + "-" + info->name());
  fs::remove_all(dir_);
  fs::create_directories(dir_);
}

void CommandTest::TearDown() { fs::remove_all(dir_); }

std::string CommandTest::Path(const std::string& name) const { return (dir_ / name).string(); }

void CommandTest::Write(const std::string& name, const std::string& text) const {
  std::ofstream(Path(name), std::ios::binary) << text;
}

std::string CommandTest::Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

CommandRun CommandTest::Sanad(const std::string& args, const std::string& input) const {
  Write("stdin.txt", input);
  const std::string cmd = std::string(SANAD_BIN) + " " + args + " <" + Path("stdin.txt") + " >" +
                          Path("stdout.txt") + " 2>" + Path("stderr.txt");
  const int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, Read(Path("stdout.txt")),
          Read(Path("stderr.txt"))};
}

}  // namespace sanad::api_test
