// DUMP key / RESTORE key ttl payload [REPLACE] [ABSTTL] [IDLETIME s] [FREQ f], with
// redis-server 7.0.15's checks in its order: options first (IDLETIME and FREQ exclude each
// other), then BUSYKEY, the TTL, the payload footer (version and CRC64), then the value itself
// ("Bad data format" for anything read_value refuses, empty collections included).
#include "commands/dump_restore.h"

#include <cstdint>
#include <string>
#include <vector>

#include "commands/args.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "persist/crc64.h"
#include "persist/rdb_format.h"
#include "persist/rdb_value.h"

namespace kevy {
namespace {

constexpr size_t kFooterBytes = 10;  // 2-byte version + 8-byte CRC64
constexpr uint32_t kLruClockMax = (1u << 24) - 1;

uint64_t le_bytes(std::string_view b) {
  uint64_t v = 0;
  for (size_t i = b.size(); i-- > 0;) v = (v << 8) | static_cast<uint8_t>(b[i]);
  return v;
}

bool config_yes(CommandContext& ctx, std::string_view name) {
  auto v = ctx.ks.instance().config.get(name, ctx.ks.options());
  return v && *v == "yes";
}

Reply dump_command(CommandContext& ctx, Args argv) {
  const Entry* e = ctx.ks.lookup_read(ctx.db(), argv[1]);
  if (e == nullptr) return Reply::null();
  return Reply::bulk(
      dump_payload(*e, config_yes(ctx, "rdbcompression"), rdb::list_layout(ctx.ks.options())));
}

// objectSetLRUOrLFU: under an LFU policy FREQ sets the counter; otherwise IDLETIME sets the
// LRU stamp that many seconds back: below 0 it adds the clock range once, and the 24-bit
// stamp keeps the low bits (so huge idle times wrap as in redis-server 7.0.15).
void set_access_stamp(CommandContext& ctx, Entry* e, int64_t freq, int64_t idle,
                      uint32_t clock) {
  if (ctx.ks.lfu_mode()) {
    if (freq >= 0) {
      e->set_lru((ctx.ks.lfu_minutes() << 8) | static_cast<uint32_t>(freq));
    }
    return;
  }
  if (idle < 0) return;
  // Redis scales seconds to its 1000 ms clock resolution as idle * 1000 / 1000 in 64 bits
  // (wrapping for huge values, reproduced here).
  const auto scaled = static_cast<int64_t>(static_cast<uint64_t>(idle) * 1000u) / 1000;
  int64_t abs = static_cast<int64_t>(static_cast<uint64_t>(clock) - static_cast<uint64_t>(scaled));
  if (abs < 0) abs += kLruClockMax;
  e->set_lru(static_cast<uint32_t>(static_cast<uint64_t>(abs) & 0xffffff));
}

Reply restore_command(CommandContext& ctx, Args argv) {
  bool replace = false, absttl = false;
  int64_t freq = -1, idle = -1;
  uint32_t clock = 0;
  Reply error;
  for (size_t j = 4; j < argv.size(); ++j) {
    const bool has_value = j + 1 < argv.size();
    if (eq_ci(argv[j], "replace")) {
      replace = true;
    } else if (eq_ci(argv[j], "absttl")) {
      absttl = true;
    } else if (eq_ci(argv[j], "idletime") && has_value && freq == -1) {
      auto v = int_arg(argv[j + 1], &error);
      if (!v) return error;
      if (*v < 0) return Reply::error(err::kInvalidIdletime);
      idle = *v;
      clock = ctx.ks.lru_clock();
      ++j;
    } else if (eq_ci(argv[j], "freq") && has_value && idle == -1) {
      auto v = int_arg(argv[j + 1], &error);
      if (!v) return error;
      if (*v < 0 || *v > 255) return Reply::error(err::kInvalidFreq);
      freq = *v;
      ++j;
    } else {
      return syntax_error();
    }
  }

  const std::string_view key = argv[1];
  if (!replace && ctx.ks.lookup_write(ctx.db(), key) != nullptr) {
    return Reply::error(err::kBusyKey);
  }
  auto ttl = int_arg(argv[2], &error);
  if (!ttl) return error;
  if (*ttl < 0) return Reply::error(err::kInvalidTtl);

  const std::string_view payload = argv[3];
  if (!dump_payload_valid(payload)) return Reply::error(err::kDumpPayloadWrong);

  // Like Redis, the value is read from the whole payload, footer included: only the footer
  // checks above bound it.
  rdb::RdbReader r(payload);
  uint8_t type = 0;
  Entry* e = nullptr;
  if (r.byte(&type, "type") && rdb::is_loadable_type(type)) {
    e = rdb::read_value(r, type, key, ctx.ks.options());
  }
  if (e == nullptr) return Reply::error(err::kBadDataFormat);

  const bool deleted = replace && ctx.ks.remove(ctx.db(), key);
  int64_t when = *ttl;
  if (when != 0 && !absttl) {
    when = static_cast<int64_t>(static_cast<uint64_t>(when) + static_cast<uint64_t>(ctx.ks.now_ms()));
  }
  Propagation& prop = ctx.ks.propagation();
  if (when != 0 && when <= ctx.ks.now_ms() && !ctx.ks.loading()) {
    // Already expired: nothing is created (an old value was still deleted by REPLACE), and
    // that deletion, if any, is what propagates.
    Entry::destroy(e);
    if (deleted) {
      ctx.ks.modified(ctx.db(), key, kNotifyGeneric, "del");
      prop.rewrite({"DEL", key});
    } else {
      prop.prevent();
    }
    return Reply::ok();
  }
  if (*ttl != 0 && !absttl && prop.active()) {
    // A relative TTL propagates as absolute: the time replaced, ABSTTL appended.
    std::vector<std::string> form(argv.begin(), argv.end());
    form[2] = std::to_string(when);
    form.emplace_back("ABSTTL");
    prop.rewrite(std::move(form));
  }
  ctx.ks.add(ctx.db(), e);
  if (when != 0) ctx.ks.set_expire(ctx.db(), e, when);
  set_access_stamp(ctx, e, freq, idle, clock);
  // `restore` (class g) after the keyspace's `new`; a TTL sends no `expire` of its own.
  ctx.ks.modified(ctx.db(), key, kNotifyGeneric, "restore");
  return Reply::ok();
}

}  // namespace

std::string dump_payload(const Entry& e, bool compress, const rdb::ListLayout& lists) {
  std::string out;
  rdb::RdbWriter w(&out, compress);
  w.byte(rdb::value_type(e));
  rdb::write_value(w, e, lists);
  w.byte(static_cast<uint8_t>(rdb::kVersion & 0xff));
  w.byte(static_cast<uint8_t>(rdb::kVersion >> 8));
  w.le64(crc64(0, out.data(), out.size()));
  return out;
}

size_t serialized_length(const Entry& e, bool compress, const rdb::ListLayout& lists) {
  std::string out;
  rdb::RdbWriter w(&out, compress);
  rdb::write_value(w, e, lists);
  return out.size();
}

bool dump_payload_valid(std::string_view payload) {
  if (payload.size() < kFooterBytes) return false;
  const std::string_view footer = payload.substr(payload.size() - kFooterBytes);
  if (le_bytes(footer.substr(0, 2)) > static_cast<uint64_t>(rdb::kVersion)) return false;
  return crc64(0, payload.data(), payload.size() - 8) == le_bytes(footer.substr(2));
}

void register_dump_restore_commands(CommandTable& t) {
  t.add({.name = "dump",
         .arity = 2,
         .flags = kCmdReadonly,
         .first_key = 1,
         .last_key = 1,
         .key_step = 1,
         .handler = dump_command,
         .since = "2.6.0",
         .group = "generic"});
  t.add({.name = "restore",
         .arity = -4,
         .flags = kCmdWrite | kCmdDenyOom,
         .first_key = 1,
         .last_key = 1,
         .key_step = 1,
         .handler = restore_command,
         .since = "2.6.0",
         .group = "generic"});
}

}  // namespace kevy
