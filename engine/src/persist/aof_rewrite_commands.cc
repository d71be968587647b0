// The AOF base as commands (aof_rewrite_commands.h).
#include "persist/aof_rewrite_commands.h"

#include <cstdio>
#include <string_view>

#include "core/entry.h"
#include "types/hash.h"
#include "types/list.h"
#include "types/set.h"
#include "types/zset.h"

namespace kevy::aof {

namespace {

void append_bulk(std::string* out, std::string_view s) {
  out->push_back('$');
  out->append(std::to_string(s.size()));
  out->append("\r\n");
  out->append(s);
  out->append("\r\n");
}

void append_count(std::string* out, size_t n) {
  out->push_back('*');
  out->append(std::to_string(n));
  out->append("\r\n");
}

// rioWriteBulkDouble: "%.17g" (inf / -inf as printf spells them).
std::string score_text(double d) {
  char buf[32];
  const int n = std::snprintf(buf, sizeof buf, "%.17g", d);
  return std::string(buf, static_cast<size_t>(n));
}

// Emits `name key items...` commands of at most kRewriteItemsPerCmd items (each item being
// `width` arguments), as Redis's rewrite{List,Set,SortedSet,Hash}Object do: the header of a
// command announces min(remaining, 64) items.
class Batcher {
 public:
  Batcher(std::string* out, std::string_view name, std::string_view key, size_t items,
          size_t width)
      : out_(out), name_(name), key_(key), remaining_(items), width_(width) {}

  // Before each item's arguments.
  void item() {
    if (in_cmd_ == 0) {
      const size_t n = remaining_ < kRewriteItemsPerCmd ? remaining_ : kRewriteItemsPerCmd;
      append_count(out_, 2 + n * width_);
      append_bulk(out_, name_);
      append_bulk(out_, key_);
    }
    if (++in_cmd_ == kRewriteItemsPerCmd) in_cmd_ = 0;
    --remaining_;
  }

 private:
  std::string* out_;
  std::string_view name_;
  std::string_view key_;
  size_t remaining_;
  size_t width_;
  size_t in_cmd_ = 0;
};

Status write_key(std::string* out, const Entry& e) {
  const std::string_view key = e.key();
  switch (e.type()) {
    case ObjType::kString: {
      char buf[24];
      append_count(out, 3);
      append_bulk(out, "SET");
      append_bulk(out, key);
      append_bulk(out, e.string_value(buf));
      return Status::ok();
    }
    case ObjType::kList: {
      const auto& list = *static_cast<const ListObject*>(e.object());
      Batcher b(out, "RPUSH", key, list.size(), 1);
      list.visit(0, false, [&](size_t, std::string_view v) {
        b.item();
        append_bulk(out, v);
        return true;
      });
      return Status::ok();
    }
    case ObjType::kSet: {
      const auto& set = *static_cast<const SetValue*>(e.object());
      Batcher b(out, "SADD", key, set.size(), 1);
      set.for_each([&](std::string_view m) {
        b.item();
        append_bulk(out, m);
      });
      return Status::ok();
    }
    case ObjType::kZset: {
      const auto& z = *static_cast<const ZsetValue*>(e.object());
      Batcher b(out, "ZADD", key, z.size(), 2);
      z.for_each([&](const ZsetItem& item) {
        b.item();
        append_bulk(out, score_text(item.score));
        append_bulk(out, item.member);
      });
      return Status::ok();
    }
    case ObjType::kHash: {
      const auto& h = *static_cast<const HashValue*>(e.object());
      Batcher b(out, "HMSET", key, h.size(), 2);
      h.for_each([&](std::string_view f, std::string_view v) {
        b.item();
        append_bulk(out, f);
        append_bulk(out, v);
      });
      return Status::ok();
    }
    case ObjType::kStream:
      break;
  }
  return Status::invalid_argument("can't rewrite key '" + std::string(key) +
                                  "': kevy has no stream values");
}

}  // namespace

void append_command(std::string* out, std::initializer_list<std::string_view> argv) {
  append_count(out, argv.size());
  for (std::string_view a : argv) append_bulk(out, a);
}

Status write_commands(Keyspace& ks, std::string* out, const rdb::Drain& drain) {
  Status status;
  for (int db = 0; db < ks.num_dbs(); ++db) {
    Db& d = ks.db(db);
    if (d.main.size() == 0) continue;
    append_command(out, {"SELECT", std::to_string(db)});
    d.main.for_each([&](Entry* e) {
      if (!status.is_ok()) return;
      status = write_key(out, *e);
      if (!status.is_ok()) return;
      const int64_t when = ks.get_expire(db, e);
      if (when != -1) append_command(out, {"PEXPIREAT", e->key(), std::to_string(when)});
      if (drain && out->size() > rdb::kDrainBytes) status = drain(*out);
    });
    if (!status.is_ok()) return status;
  }
  if (drain) return drain(*out);
  return Status::ok();
}

}  // namespace kevy::aof
