#include "commands/zset_support.h"

#include <utility>

#include "commands/errors.h"

namespace kevy {

ZsetLimits zset_limits(const Keyspace& ks) {
  return ZsetLimits{ks.options().zset_max_listpack_entries,
                    ks.options().zset_max_listpack_value};
}

Result<ZsetValue*> read_zset(CommandContext& ctx, std::string_view key) {
  Entry* e = ctx.ks.lookup_read(ctx.db(), key);
  if (e == nullptr) return static_cast<ZsetValue*>(nullptr);
  if (e->type() != ObjType::kZset) return Status::command_error(err::kWrongType);
  return zset_of(e);
}

Result<Entry*> write_zset_entry(CommandContext& ctx, std::string_view key) {
  Entry* e = ctx.ks.lookup_write(ctx.db(), key);
  if (e != nullptr && e->type() != ObjType::kZset) return Status::command_error(err::kWrongType);
  return e;
}

Entry* create_zset(CommandContext& ctx, std::string_view key, std::string_view first_member) {
  const ZsetLimits limits = zset_limits(ctx.ks);
  auto value = ZsetValue::new_for_size(0, first_member.size(), limits);
  const Encoding enc = value->encoding();
  Entry* e = Entry::make_object(key, ObjType::kZset, enc, std::move(value));
  ctx.ks.add(ctx.db(), e);
  return e;
}

size_t store_zset(CommandContext& ctx, std::string_view key, std::unique_ptr<ZsetValue> value,
                  std::string_view event) {
  const size_t size = value->size();
  if (size == 0) {
    if (ctx.ks.remove(ctx.db(), key)) {
      ctx.ks.modified(ctx.db(), key, kNotifyGeneric, "del");
    } else {
      ctx.ks.propagation().prevent();
    }
    return 0;
  }
  const Encoding enc = value->encoding();
  ctx.ks.overwrite(ctx.db(), Entry::make_object(key, ObjType::kZset, enc, std::move(value)),
                   /*keep_ttl=*/false);
  ctx.ks.modified(ctx.db(), key, kNotifyZset, event);
  return size;
}

bool after_zset_write(CommandContext& ctx, std::string_view key, Entry* e) {
  ZsetValue* z = zset_of(e);
  if (z->empty()) {
    ctx.ks.remove(ctx.db(), key);
    return true;
  }
  e->set_encoding(z->encoding());
  return false;
}

}  // namespace kevy
