// process_info: what INFO reports about the process and machine kevy runs in — pid, resident
// memory, CPU times, total memory, OS name, executable path. Read from Linux's /proc with the
// standard library only; where /proc is missing (another OS, a sandbox) each probe returns its
// documented fallback instead of failing.
#pragma once

#include <cstdint>
#include <string>

namespace kevy {

struct CpuTimes {
  double sys_s = 0;             // system CPU seconds of the process
  double user_s = 0;            // user CPU seconds of the process
  double children_sys_s = 0;    // of its waited-for children
  double children_user_s = 0;
  double thread_sys_s = 0;      // of the calling thread (Redis's *_main_thread)
  double thread_user_s = 0;
};

// The process id; 0 when unknown.
int64_t process_id();
// Resident set size in bytes; 0 when unknown.
uint64_t process_rss_bytes();
// The same, read at most every 100 ms and cached in between, as redis-server samples it in
// its cron: INFO memory and MEMORY STATS read it, and reading /proc on each call would make
// them several times slower than Redis's. Thread-safe.
uint64_t process_rss_bytes_sampled();
// Physical memory of the machine in bytes, read once; 0 when unknown (Redis prints 0 too then).
uint64_t total_system_memory_bytes();
// Process, children and calling-thread CPU times; zeros when unknown.
CpuTimes cpu_times();
// "sysname release machine" as uname prints them (Redis's os field), e.g.
// "Linux 6.1.0-18-amd64 x86_64"; the compile-time OS and CPU names when /proc is missing.
std::string os_description();
// Absolute path of the running executable; empty when unknown.
std::string executable_path();

}  // namespace kevy
