#include "core/process_info.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace kevy {
namespace {

// /proc reports CPU times in USER_HZ ticks, 100 per second on every Linux ABI.
constexpr double kTicksPerSecond = 100.0;

std::string read_first_line(const char* path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// The value of a "Name:   1234 kB" line of a /proc status-style file, in bytes; 0 if absent.
uint64_t read_kb_field(const char* path, std::string_view name) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.compare(0, name.size(), name) == 0 && line.size() > name.size() &&
        line[name.size()] == ':') {
      std::istringstream fields(line.substr(name.size() + 1));
      uint64_t kb = 0;
      fields >> kb;
      return kb * 1024;
    }
  }
  return 0;
}

// The fields of a /proc/<pid>/stat line after the "(comm)" one (which may hold blanks), so
// that index 0 is field 3 (state).
std::vector<std::string> stat_fields(const char* path) {
  const std::string line = read_first_line(path);
  std::vector<std::string> out;
  const size_t close = line.rfind(')');
  if (close == std::string::npos) return out;
  std::istringstream in(line.substr(close + 1));
  std::string f;
  while (in >> f) out.push_back(f);
  return out;
}

double ticks(const std::vector<std::string>& f, size_t field) {
  const size_t i = field - 3;
  return i < f.size() ? std::strtod(f[i].c_str(), nullptr) / kTicksPerSecond : 0.0;
}

const char* compiled_os() {
#if defined(__linux__)
  return "Linux";
#elif defined(__APPLE__)
  return "Darwin";
#elif defined(_WIN32)
  return "Windows";
#else
  return "unknown";
#endif
}

const char* compiled_machine() {
#if defined(__x86_64__) || defined(_M_X64)
  return "x86_64";
#elif defined(__aarch64__)
  return "aarch64";
#elif defined(__i386__)
  return "i686";
#elif defined(__arm__)
  return "armv7l";
#elif defined(__wasm__)
  return "wasm32";
#else
  return "unknown";
#endif
}

}  // namespace

int64_t process_id() {
  std::error_code ec;
  const auto self = std::filesystem::read_symlink("/proc/self", ec);
  if (ec) return 0;
  return std::strtoll(self.filename().c_str(), nullptr, 10);
}

uint64_t process_rss_bytes() { return read_kb_field("/proc/self/status", "VmRSS"); }

uint64_t process_rss_bytes_sampled() {
  // Cache age by the steady clock: this is a cost bound, not command time (which tests
  // control through kevy::Clock).
  static std::atomic<int64_t> read_at_ms{-1000};
  static std::atomic<uint64_t> rss{0};
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now().time_since_epoch())
                          .count();
  int64_t last = read_at_ms.load(std::memory_order_acquire);
  if (now - last >= 100 && read_at_ms.compare_exchange_strong(last, now)) {
    rss.store(process_rss_bytes(), std::memory_order_release);
  }
  uint64_t v = rss.load(std::memory_order_acquire);
  // The first caller to lose the race may find nothing stored yet.
  return v != 0 ? v : process_rss_bytes();
}

uint64_t total_system_memory_bytes() {
  // Read once, as redis-server reads it at startup.
  static const uint64_t total = read_kb_field("/proc/meminfo", "MemTotal");
  return total;
}

CpuTimes cpu_times() {
  CpuTimes t;
  const auto proc = stat_fields("/proc/self/stat");
  t.user_s = ticks(proc, 14);
  t.sys_s = ticks(proc, 15);
  t.children_user_s = ticks(proc, 16);
  t.children_sys_s = ticks(proc, 17);
  const auto thread = stat_fields("/proc/thread-self/stat");
  t.thread_user_s = ticks(thread, 14);
  t.thread_sys_s = ticks(thread, 15);
  return t;
}

std::string os_description() {
  std::string sys = read_first_line("/proc/sys/kernel/ostype");
  const std::string release = read_first_line("/proc/sys/kernel/osrelease");
  if (sys.empty()) sys = compiled_os();
  std::string out = sys;
  if (!release.empty()) out += " " + release;
  out += " ";
  out += compiled_machine();
  return out;
}

std::string executable_path() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.string();
}

}  // namespace kevy
