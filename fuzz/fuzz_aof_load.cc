// libFuzzer target: a multi-part AOF directory (manifest + base + increments) loaded by
// aof::load into a fresh keyspace, as kevy-server does at startup with appendonly yes.
//
// Input layout (fuzz/make_seeds.py's pack_aof writes seeds this way): the manifest text, then
// the contents of each file the manifest names — base, history, increments, in that order —
// each part preceded by the line "--kevy-fuzz-part--" (kSeparator). The parts are written into
// a private temp directory under the names the manifest gives; names that are not plain file
// names (empty, "." / "..", containing '/') are not written, so the load meets a missing file.
//
// Replayed commands run through the command table, so inputs naming commands that reach
// outside the keyspace (CONFIG, DEBUG, SAVE / BGSAVE, BGREWRITEAOF, SHUTDOWN: files in other
// directories, sleeps, threads) are skipped: the loader, not those commands, is the target.
// Besides "no crash, no sanitizer report, no runaway allocation", a load that succeeds must
// leave a keyspace whose RDB image loads again to the same DEBUG DIGEST.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "commands/debug_digest.h"
#include "core/keyspace.h"
#include "kevy/clock.h"
#include "persist/aof_load.h"
#include "persist/aof_manifest.h"
#include "persist/rdb_file.h"

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSeparator = "\n--kevy-fuzz-part--\n";
constexpr std::string_view kPrefix = "appendonly.aof";

[[noreturn]] void fail(const char* what, const kevy::Status& s) {
  std::fprintf(stderr, "fuzz_aof_load: %s: %s\n", what, s.to_string().c_str());
  std::abort();
}

kevy::Options fuzz_options() {
  static const auto clock = std::make_shared<kevy::ManualClock>(1700000000000);
  return kevy::Options{}.with_clock(clock);
}

// A private directory for this process, emptied before each input. The process also works
// in it, so anything written relative to the working directory stays inside.
// Never destroyed (the exit handler below still needs it).
const fs::path& work_dir() {
  static const fs::path* dir = [] {
    char tmpl[] = "/tmp/kevy-fuzz-aof-XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) std::abort();
    fs::current_path(tmpl);
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(work_dir(), ec);
    });
    return new fs::path(tmpl);
  }();
  return *dir;
}

bool mentions_outside_command(std::string_view input) {
  std::string lower(input);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view word : {"config", "debug", "save", "rewriteaof", "shutdown"}) {
    if (lower.find(word) != std::string::npos) return true;
  }
  return false;
}

bool plain_name(const std::string& name) {
  return !name.empty() && name.size() < 200 && name != "." && name != ".." &&
         name.find('/') == std::string::npos && name.find('\0') == std::string::npos;
}

std::vector<std::string_view> split_parts(std::string_view input) {
  std::vector<std::string_view> parts;
  while (true) {
    const size_t at = input.find(kSeparator);
    parts.push_back(input.substr(0, at));
    if (at == std::string_view::npos) break;
    input.remove_prefix(at + kSeparator.size());
  }
  return parts;
}

void write_file(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (mentions_outside_command(input)) return 0;
  const fs::path& dir = work_dir();
  for (const auto& e : fs::directory_iterator(dir)) fs::remove_all(e.path());

  const std::vector<std::string_view> parts = split_parts(input);
  write_file(dir / kevy::aof::manifest_file_name(kPrefix), parts[0]);
  kevy::Result<kevy::aof::Manifest> m = kevy::aof::parse_manifest(parts[0]);
  if (m.ok()) {
    std::vector<const kevy::aof::ManifestFile*> files;
    if (m->base) files.push_back(&*m->base);
    for (const auto& f : m->history) files.push_back(&f);
    for (const auto& f : m->incrs) files.push_back(&f);
    for (size_t i = 0; i < files.size() && i + 1 < parts.size(); ++i) {
      if (plain_name(files[i]->name)) write_file(dir / files[i]->name, parts[i + 1]);
    }
  }

  kevy::Keyspace ks(fuzz_options());
  kevy::aof::LoadParams params;
  params.verify_checksum = false;
  kevy::aof::LoadInfo info;
  if (!kevy::aof::load(ks, dir.string(), kPrefix, params, &info).is_ok()) return 0;

  // What loaded must survive an RDB round trip with the same digest.
  std::string image;
  kevy::Status s = kevy::rdb::serialize(ks, kevy::rdb::SaveParams{}, &image);
  if (!s.is_ok()) fail("a loaded keyspace did not serialize", s);
  kevy::Keyspace again(fuzz_options());
  again.set_loading(true);
  kevy::rdb::LoadParams rp;
  rp.skip_expired = false;
  kevy::rdb::LoadInfo rinfo;
  s = kevy::rdb::load_image(image, again, rp, &rinfo);
  if (!s.is_ok()) fail("the RDB image of an AOF-loaded keyspace did not load", s);
  if (kevy::dataset_digest(again) != kevy::dataset_digest(ks)) {
    fail("the RDB image of an AOF-loaded keyspace has another DEBUG DIGEST", kevy::Status::ok());
  }
  return 0;
}
