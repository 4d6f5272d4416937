#include "tests/support/test_server.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "tests/support/test_database.h"

namespace sanad::testing_support {
namespace {

constexpr auto kStartTimeout = std::chrono::seconds(60);
constexpr auto kStopTimeout = std::chrono::seconds(20);
constexpr auto kPollInterval = std::chrono::milliseconds(20);

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream data;
  data << in.rdbuf();
  return data.str();
}

// Starts `argv` with stdout and stderr appended to `log` and stdin from `stdin_fd` (or
// /dev/null when -1). The child dies with the thread that started it.
pid_t Spawn(const std::vector<std::string>& args, const std::string& log, int stdin_fd) {
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const int out = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  const int in = stdin_fd >= 0 ? stdin_fd : open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (out < 0 || in < 0) throw std::runtime_error("cannot open " + log);
  const pid_t pid = fork();
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    dup2(in, STDIN_FILENO);
    dup2(out, STDOUT_FILENO);
    dup2(out, STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(out);
  if (stdin_fd < 0) close(in);
  if (pid < 0) throw std::runtime_error("fork failed");
  return pid;
}

// Waits for `pid` up to `timeout`; its wait status, or nullopt when it is still running.
std::optional<int> WaitFor(pid_t pid, std::chrono::steady_clock::duration timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    int status = 0;
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) return status;
    if (r < 0) return -1;
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(kPollInterval);
  }
}

}  // namespace

TestServer::TestServer(std::string binary, std::string db_url)
    : binary_(std::move(binary)), db_url_(std::move(db_url)), dir_(FreshTempDir()) {
  // A write to a pipe or socket whose reader is gone must fail, not kill the test.
  signal(SIGPIPE, SIG_IGN);
}

TestServer::~TestServer() {
  try {
    Stop();
  } catch (...) {
    // Stop already killed the process; a destructor must not throw.
  }
}

void TestServer::AddUser(const std::string& username, const std::string& role,
                         const std::string& organisation, const std::string& password,
                         const std::string& modules) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  const std::string log = dir_ + "/user-add.log";
  std::vector<std::string> args = {binary_, "user",       "add",        "--db",
                                   db_url_, "--username", username,     "--role",
                                   role,    "--org",      organisation, "--password-stdin"};
  if (!modules.empty()) {
    args.emplace_back("--modules");
    args.push_back(modules);
  }
  const pid_t pid = Spawn(args, log, fds[0]);
  close(fds[0]);
  const std::string line = password + "\n";
  const bool written = write(fds[1], line.data(), line.size()) == static_cast<ssize_t>(line.size());
  close(fds[1]);
  const auto status = WaitFor(pid, kStartTimeout);
  if (!status) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
  if (!written || !status || !WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
    throw std::runtime_error("sanad user add " + username + " failed:\n" + ReadFile(log));
  }
}

void TestServer::EnsureKey() {
  if (std::filesystem::exists(key_file())) return;
  const std::string log = dir_ + "/key-init.log";
  const pid_t pid = Spawn({binary_, "key", "init", "--key-file", key_file()}, log, -1);
  const auto status = WaitFor(pid, kStartTimeout);
  if (!status || !WIFEXITED(*status) || WEXITSTATUS(*status) != 0) {
    throw std::runtime_error("sanad key init failed:\n" + ReadFile(log));
  }
}

void TestServer::Start() {
  if (running()) throw std::runtime_error("the server is already running");
  EnsureKey();
  const std::string log = dir_ + "/serve-" + std::to_string(++starts_) + ".log";
  std::vector<std::string> args = {binary_,    "serve",       "--db",       db_url_,
                                   "--listen", "127.0.0.1:0", "--key-file", key_file()};
  args.insert(args.end(), serve_args_.begin(), serve_args_.end());
  pid_ = Spawn(args, log, -1);
  static const std::regex kListening(R"(listening on http://127\.0\.0\.1:(\d+)\n)");
  const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch m;
    const std::string out = ReadFile(log);
    if (std::regex_search(out, m, kListening)) {
      port_ = static_cast<uint16_t>(std::stoi(m[1]));
      return;
    }
    if (WaitFor(pid_, std::chrono::seconds(0))) {
      pid_ = -1;
      throw std::runtime_error("sanad serve exited before listening:\n" + ReadFile(log));
    }
    std::this_thread::sleep_for(kPollInterval);
  }
  Kill();
  throw std::runtime_error("sanad serve did not listen within 60 s:\n" + ReadFile(log));
}

void TestServer::Signal(int signal) {
  if (!running()) return;
  kill(pid_, signal);
  if (!WaitFor(pid_, kStopTimeout)) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
    throw std::runtime_error("sanad serve did not stop on signal " + std::to_string(signal));
  }
  pid_ = -1;
}

void TestServer::Stop() { Signal(SIGTERM); }

void TestServer::Kill() { Signal(SIGKILL); }

HttpClient TestServer::LoggedIn(const std::string& username, const std::string& password) const {
  HttpClient client = Client();
  const HttpResponse r = client.Login(username, password);
  if (r.status != 200) {
    throw std::runtime_error("login of " + username + " failed with " + std::to_string(r.status) +
                             ": " + r.body + r.error);
  }
  return client;
}

std::string TestServer::Output() const {
  std::string out;
  for (int i = 1; i <= starts_; ++i) out += ReadFile(dir_ + "/serve-" + std::to_string(i) + ".log");
  return out;
}

}  // namespace sanad::testing_support
