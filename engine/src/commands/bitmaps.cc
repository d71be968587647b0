// Bitmap commands: SETBIT GETBIT BITCOUNT BITPOS BITOP BITFIELD BITFIELD_RO.
//
// Bits are numbered from the most significant bit of byte 0, as in Redis. Reads treat bytes
// past the end of a string (or a missing key) as zero; int-encoded values are read as their
// decimal text. Writes zero-pad the string up to the highest bit they touch and leave it
// "raw"-encoded, keeping its TTL, as redis-server does.
//
// Keyspace events as redis-server 7.0.15 sends them: SETBIT and BITFIELD `setbit` (only when
// a bit changed or the string was created or grown, as they propagate), BITOP `set` on its
// destination, or `del` when an empty result deleted it.
#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/args.h"
#include "commands/command_table.h"
#include "commands/errors.h"
#include "core/numbers.h"

namespace kevy {
namespace {

// proto-max-bulk-len: a bit offset must address a byte below it (so offsets are < 2^32).
constexpr uint64_t kMaxStringBytes = uint64_t{512} << 20;

Reply error_of(const Status& s) { return Reply::error(s.message()); }

// Redis matches option names with strcasecmp on C strings: an argument counts only up to its
// first NUL byte ("bit\0x" is BIT).
bool option_is(std::string_view arg, std::string_view name) {
  return eq_ci(arg.substr(0, arg.find('\0')), name);
}

const unsigned char* bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// Bit i of s; zero past the end.
bool bit_at(std::string_view s, uint64_t i) {
  if ((i >> 3) >= s.size()) return false;
  return (bytes(s)[i >> 3] >> (7 - (i & 7))) & 1;
}

// REQUIRES: p has more than i / 8 bytes.
void set_bit_at(char* p, uint64_t i, bool on) {
  auto& byte = reinterpret_cast<unsigned char&>(p[i >> 3]);
  const unsigned mask = 0x80u >> (i & 7);
  byte = static_cast<unsigned char>(on ? (byte | mask) : (byte & ~mask));
}

// Bit offset argument of SETBIT/GETBIT/BITFIELD: an integer whose byte is below
// kMaxStringBytes. With width > 0 (BITFIELD) "#N" means N * width; the product wraps like
// redis-server's int64 arithmetic.
std::optional<uint64_t> parse_bit_offset(std::string_view arg, int width, Reply* error) {
  const bool scaled = width > 0 && !arg.empty() && arg[0] == '#';
  std::optional<int64_t> v = parse_int64(scaled ? arg.substr(1) : arg);
  if (v && scaled) {
    *v = static_cast<int64_t>(static_cast<uint64_t>(*v) * static_cast<uint64_t>(width));
  }
  if (!v || *v < 0 || (static_cast<uint64_t>(*v) >> 3) >= kMaxStringBytes) {
    *error = Reply::error(err::kBitOffset);
    return std::nullopt;
  }
  return static_cast<uint64_t>(*v);
}

// The string at key, made writable for a bit command: created when missing, zero-padded to at
// least min_len bytes, and "raw"-encoded (Redis unshares the value before writing, so even an
// unchanged embstr or int value becomes raw). The TTL is kept. *grown tells whether the string
// was created or lengthened (Redis counts that as a change even when no bit changes).
Result<Entry*> writable_string(CommandContext& ctx, std::string_view key, size_t min_len,
                               bool* grown) {
  *grown = false;
  Entry* e = ctx.ks.lookup_write(ctx.db(), key);
  if (e == nullptr) {
    Entry* created = Entry::make_string(key, std::string(min_len, '\0'), Encoding::kRaw);
    ctx.ks.add(ctx.db(), created);
    *grown = true;
    return created;
  }
  if (!e->is_string()) return Status::command_error(err::kWrongType);
  if (e->encoding() == Encoding::kRaw && e->str().size() >= min_len) return e;
  char buf[24];
  std::string value(e->string_value(buf));
  if (value.size() < min_len) {
    value.resize(min_len, '\0');
    *grown = true;
  }
  Entry* now = Entry::make_string(key, value, Encoding::kRaw);
  ctx.ks.overwrite(ctx.db(), now, /*keep_ttl=*/true);
  return now;
}

// ---- SETBIT / GETBIT -----------------------------------------------------------------------

Reply setbit_command(CommandContext& ctx, Args argv) {
  Reply error;
  auto offset = parse_bit_offset(argv[2], 0, &error);
  if (!offset) return error;
  auto on = parse_int64(argv[3]);
  if (!on || (*on != 0 && *on != 1)) return Reply::error(err::kBitValue);
  bool grown = false;
  auto e = writable_string(ctx, argv[1], *offset / 8 + 1, &grown);
  if (!e.ok()) return error_of(e.status());
  const bool old = bit_at((*e)->str(), *offset);
  set_bit_at((*e)->mutable_str(), *offset, *on == 1);
  // Neither a new bit value nor a longer string: not propagated, no event.
  if (!grown && old == (*on == 1)) {
    ctx.ks.propagation().prevent();
  } else {
    ctx.ks.modified(ctx.db(), argv[1], kNotifyString, "setbit");
  }
  return Reply::integer(old ? 1 : 0);
}

Reply getbit_command(CommandContext& ctx, Args argv) {
  Reply error;
  auto offset = parse_bit_offset(argv[2], 0, &error);
  if (!offset) return error;
  Entry* e = ctx.ks.lookup_read(ctx.db(), argv[1]);
  if (e == nullptr) return Reply::integer(0);
  if (!e->is_string()) return wrong_type();
  char buf[24];
  return Reply::integer(bit_at(e->string_value(buf), *offset) ? 1 : 0);
}

// ---- BITCOUNT / BITPOS ---------------------------------------------------------------------

// Inclusive range of bit positions; empty when first > last.
struct BitRange {
  int64_t first;
  int64_t last;
  bool empty() const { return first > last; }
};

// BITCOUNT/BITPOS range rules: start and end are byte indexes (bit indexes when in_bits);
// negative ones count from the end; both are then clamped into the string.
BitRange bit_range(int64_t start, int64_t end, size_t len, bool in_bits) {
  const int64_t units = static_cast<int64_t>(len) * (in_bits ? 8 : 1);
  if (start < 0) start += units;
  if (end < 0) end += units;
  start = std::max<int64_t>(start, 0);
  end = std::min(std::max<int64_t>(end, 0), units - 1);
  if (start > end) return {1, 0};
  if (in_bits) return {start, end};
  return {start * 8, end * 8 + 7};
}

// The optional BYTE|BIT argument: true for BIT, nullopt for anything else.
std::optional<bool> parse_unit(std::string_view arg) {
  if (option_is(arg, "bit")) return true;
  if (option_is(arg, "byte")) return false;
  return std::nullopt;
}

uint64_t popcount_bytes(const unsigned char* p, size_t n) {
  uint64_t count = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, sizeof word);
    count += static_cast<uint64_t>(std::popcount(word));
  }
  for (; i < n; ++i) count += static_cast<uint64_t>(std::popcount(static_cast<unsigned>(p[i])));
  return count;
}

// Set bits of s at positions [r.first, r.last]. REQUIRES: !r.empty(), r.last < 8 * s.size().
uint64_t count_bits(std::string_view s, BitRange r) {
  const unsigned char* p = bytes(s);
  const auto lo = static_cast<size_t>(r.first >> 3);
  const auto hi = static_cast<size_t>(r.last >> 3);
  uint64_t count = popcount_bytes(p + lo, hi - lo + 1);
  // The whole edge bytes were counted: take back the bits outside the range.
  const unsigned before = p[lo] >> (8 - (r.first & 7));
  const unsigned after = p[hi] & (0xffu >> ((r.last & 7) + 1));
  count -= static_cast<uint64_t>(std::popcount(before) + std::popcount(after));
  return count;
}

// Position of the first bit equal to `bit` at positions [r.first, r.last] of s, or -1.
// REQUIRES: !r.empty(), r.last < 8 * s.size().
int64_t find_bit(std::string_view s, BitRange r, bool bit) {
  int64_t i = r.first;
  for (; i <= r.last && (i & 7) != 0; ++i) {
    if (bit_at(s, static_cast<uint64_t>(i)) == bit) return i;
  }
  // Whole bytes [byte, end_byte): skip words, then bytes, that hold no wanted bit.
  const unsigned char* p = bytes(s);
  auto byte = static_cast<size_t>(i >> 3);
  const auto end_byte = static_cast<size_t>((r.last + 1) >> 3);
  const uint64_t skip_word = bit ? 0 : ~uint64_t{0};
  for (; byte + 8 <= end_byte; byte += 8) {
    uint64_t word;
    std::memcpy(&word, p + byte, sizeof word);
    if (word != skip_word) break;
  }
  const unsigned char skip_byte = bit ? 0x00 : 0xff;
  while (byte < end_byte && p[byte] == skip_byte) ++byte;
  if (byte < end_byte) {
    const auto wanted = static_cast<unsigned char>(bit ? p[byte] : ~p[byte]);
    return static_cast<int64_t>(byte * 8) + std::countl_zero(wanted);
  }
  for (i = std::max(i, static_cast<int64_t>(end_byte * 8)); i <= r.last; ++i) {
    if (bit_at(s, static_cast<uint64_t>(i)) == bit) return i;
  }
  return -1;
}

// BITCOUNT key [start end [BYTE|BIT]]. Redis 7.0 looks the key up before parsing the range,
// so a missing key answers 0 even with a malformed range.
Reply bitcount_command(CommandContext& ctx, Args argv) {
  Entry* e = ctx.ks.lookup_read(ctx.db(), argv[1]);
  if (e == nullptr) return Reply::integer(0);
  if (!e->is_string()) return wrong_type();
  char buf[24];
  std::string_view s = e->string_value(buf);
  if (argv.size() == 2) {
    return Reply::integer(static_cast<int64_t>(popcount_bytes(bytes(s), s.size())));
  }
  if (argv.size() != 4 && argv.size() != 5) return syntax_error();
  Reply error;
  auto start = int_arg(argv[2], &error);
  if (!start) return error;
  auto end = int_arg(argv[3], &error);
  if (!end) return error;
  // Two negative indexes in the wrong order are empty before any clamping (and, in 7.0,
  // before the unit argument is even looked at).
  if (*start < 0 && *end < 0 && *start > *end) return Reply::integer(0);
  bool in_bits = false;
  if (argv.size() == 5) {
    auto unit = parse_unit(argv[4]);
    if (!unit) return syntax_error();
    in_bits = *unit;
  }
  BitRange r = bit_range(*start, *end, s.size(), in_bits);
  return Reply::integer(r.empty() ? 0 : static_cast<int64_t>(count_bits(s, r)));
}

// BITPOS key bit [start [end [BYTE|BIT]]]. Looking for a clear bit without an explicit end
// treats the string as followed by zeros, so "not found" is the first position past it.
Reply bitpos_command(CommandContext& ctx, Args argv) {
  Reply error;
  auto bit = int_arg(argv[2], &error);
  if (!bit) return error;
  if (*bit != 0 && *bit != 1) return Reply::error(err::kBitposBitArg);
  Entry* e = ctx.ks.lookup_read(ctx.db(), argv[1]);
  if (e == nullptr) return Reply::integer(*bit == 1 ? -1 : 0);
  if (!e->is_string()) return wrong_type();
  if (argv.size() > 6) return syntax_error();
  int64_t start = 0;
  int64_t end = -1;
  bool in_bits = false;
  if (argv.size() >= 4) {
    auto v = int_arg(argv[3], &error);
    if (!v) return error;
    start = *v;
  }
  if (argv.size() == 6) {
    auto unit = parse_unit(argv[5]);
    if (!unit) return syntax_error();
    in_bits = *unit;
  }
  const bool end_given = argv.size() >= 5;
  if (end_given) {
    auto v = int_arg(argv[4], &error);
    if (!v) return error;
    end = *v;
  }
  char buf[24];
  std::string_view s = e->string_value(buf);
  BitRange r = bit_range(start, end, s.size(), in_bits);
  if (r.empty()) return Reply::integer(-1);
  int64_t pos = find_bit(s, r, *bit == 1);
  if (pos < 0 && *bit == 0 && !end_given) pos = r.last + 1;
  return Reply::integer(pos);
}

// ---- BITOP ---------------------------------------------------------------------------------

enum class BitOp { kAnd, kOr, kXor, kNot };

std::optional<BitOp> parse_bitop(std::string_view name) {
  if (option_is(name, "and")) return BitOp::kAnd;
  if (option_is(name, "or")) return BitOp::kOr;
  if (option_is(name, "xor")) return BitOp::kXor;
  if (option_is(name, "not")) return BitOp::kNot;
  return std::nullopt;
}

// Folds one more source into the running result; bytes missing from either side are zeros.
void fold_bitop(std::string& acc, std::string_view src, BitOp op) {
  if (acc.size() < src.size()) acc.resize(src.size(), '\0');
  for (size_t i = 0; i < src.size(); ++i) {
    switch (op) {
      case BitOp::kAnd: acc[i] = static_cast<char>(acc[i] & src[i]); break;
      case BitOp::kOr: acc[i] = static_cast<char>(acc[i] | src[i]); break;
      case BitOp::kXor: acc[i] = static_cast<char>(acc[i] ^ src[i]); break;
      case BitOp::kNot: break;  // single source: handled by the caller
    }
  }
  if (op == BitOp::kAnd) {
    std::fill(acc.begin() + static_cast<ptrdiff_t>(src.size()), acc.end(), '\0');
  }
}

// BITOP op destkey key [key ...]: stores the result as a raw string without TTL, or deletes
// destkey when every source is empty or missing (with no destkey to delete, nothing changed and
// BITOP is not propagated). Replies with the result length.
Reply bitop_command(CommandContext& ctx, Args argv) {
  auto op = parse_bitop(argv[1]);
  if (!op) return syntax_error();
  if (*op == BitOp::kNot && argv.size() != 4) return Reply::error(err::kBitopNotSingleKey);
  std::string result;
  for (size_t i = 3; i < argv.size(); ++i) {
    Entry* e = ctx.ks.lookup_read(ctx.db(), argv[i]);
    if (e != nullptr && !e->is_string()) return wrong_type();
    char buf[24];
    std::string_view src = e == nullptr ? std::string_view() : e->string_value(buf);
    if (i == 3) {
      result.assign(src);
      if (*op == BitOp::kNot) {
        for (char& c : result) c = static_cast<char>(~c);
      }
    } else {
      fold_bitop(result, src, *op);
    }
  }
  if (result.empty()) {
    if (ctx.ks.remove(ctx.db(), argv[2])) {
      ctx.ks.modified(ctx.db(), argv[2], kNotifyGeneric, "del");
    } else {
      ctx.ks.propagation().prevent();
    }
  } else {
    ctx.ks.overwrite(ctx.db(), Entry::make_string(argv[2], result, Encoding::kRaw), false);
    ctx.ks.modified(ctx.db(), argv[2], kNotifyString, "set");
  }
  return Reply::integer(static_cast<int64_t>(result.size()));
}

// ---- BITFIELD / BITFIELD_RO ----------------------------------------------------------------

enum class Overflow { kWrap, kSat, kFail };

struct FieldOp {
  enum class Kind { kGet, kSet, kIncrBy } kind = Kind::kGet;
  bool is_signed = false;
  int bits = 0;         // 1..64 signed, 1..63 unsigned
  uint64_t offset = 0;  // in bits
  int64_t value = 0;    // SET value or INCRBY increment
  Overflow overflow = Overflow::kWrap;
};

std::optional<Overflow> parse_overflow(std::string_view arg) {
  if (option_is(arg, "wrap")) return Overflow::kWrap;
  if (option_is(arg, "sat")) return Overflow::kSat;
  if (option_is(arg, "fail")) return Overflow::kFail;
  return std::nullopt;
}

// "i<bits>" (1..64) or "u<bits>" (1..63). Redis reads the width with strlen, so it stops at
// a NUL byte.
bool parse_field_type(std::string_view arg, FieldOp* op) {
  arg = arg.substr(0, arg.find('\0'));
  if (arg.empty() || (arg[0] != 'i' && arg[0] != 'u')) return false;
  op->is_signed = arg[0] == 'i';
  auto bits = parse_int64(arg.substr(1));
  if (!bits || *bits < 1 || *bits > (op->is_signed ? 64 : 63)) return false;
  op->bits = static_cast<int>(*bits);
  return true;
}

// Parses the operations of BITFIELD (argv[2..]) in order; the first bad argument decides
// the error, as in Redis.
std::optional<std::vector<FieldOp>> parse_field_ops(Args argv, Reply* error) {
  std::vector<FieldOp> ops;
  Overflow overflow = Overflow::kWrap;
  for (size_t j = 2; j < argv.size(); ++j) {
    const size_t remaining = argv.size() - j - 1;
    FieldOp op;
    if (option_is(argv[j], "get") && remaining >= 2) {
      op.kind = FieldOp::Kind::kGet;
    } else if (option_is(argv[j], "set") && remaining >= 3) {
      op.kind = FieldOp::Kind::kSet;
    } else if (option_is(argv[j], "incrby") && remaining >= 3) {
      op.kind = FieldOp::Kind::kIncrBy;
    } else if (option_is(argv[j], "overflow") && remaining >= 1) {
      auto o = parse_overflow(argv[++j]);
      if (!o) {
        *error = Reply::error(err::kBitfieldOverflowType);
        return std::nullopt;
      }
      overflow = *o;
      continue;
    } else {
      *error = syntax_error();
      return std::nullopt;
    }
    if (!parse_field_type(argv[j + 1], &op)) {
      *error = Reply::error(err::kBitfieldType);
      return std::nullopt;
    }
    auto offset = parse_bit_offset(argv[j + 2], op.bits, error);
    if (!offset) return std::nullopt;
    op.offset = *offset;
    if (op.kind != FieldOp::Kind::kGet) {
      auto v = int_arg(argv[j + 3], error);
      if (!v) return std::nullopt;
      op.value = *v;
    }
    op.overflow = overflow;
    ops.push_back(op);
    j += op.kind == FieldOp::Kind::kGet ? 2 : 3;
  }
  return ops;
}

// The `bits`-wide field at bit `offset` of s, unsigned, most significant bit first.
uint64_t read_field(std::string_view s, uint64_t offset, int bits) {
  uint64_t v = 0;
  for (int i = 0; i < bits; ++i) {
    v = (v << 1) | (bit_at(s, offset + static_cast<uint64_t>(i)) ? 1 : 0);
  }
  return v;
}

// Stores the low `bits` bits of v. REQUIRES: p holds the whole field.
void write_field(char* p, uint64_t offset, int bits, uint64_t v) {
  for (int i = 0; i < bits; ++i) {
    set_bit_at(p, offset + static_cast<uint64_t>(i), (v >> (bits - 1 - i)) & 1);
  }
}

// The low `bits` bits of raw as a two's-complement signed value.
int64_t sign_extend(uint64_t raw, int bits) {
  if (bits < 64) {
    const uint64_t high = ~uint64_t{0} << bits;
    raw = ((raw >> (bits - 1)) & 1) ? (raw | high) : (raw & ~high);
  }
  return static_cast<int64_t>(raw);
}

// value + delta stored in an unsigned field of `bits` (<= 63) under the overflow policy;
// nullopt when it does not fit under FAIL. SET passes its value (as uint64) with delta 0.
std::optional<uint64_t> fit_unsigned(uint64_t value, int64_t delta, int bits, Overflow policy) {
  const uint64_t max = (uint64_t{1} << bits) - 1;
  const uint64_t magnitude = 0 - static_cast<uint64_t>(delta);  // |delta| when delta < 0
  const bool up = value > max || (delta > 0 && static_cast<uint64_t>(delta) > max - value);
  const bool down = !up && delta < 0 && magnitude > value;
  const uint64_t sum = value + static_cast<uint64_t>(delta);
  if (!up && !down) return sum;
  switch (policy) {
    case Overflow::kWrap: return sum & max;
    case Overflow::kSat: return up ? max : 0;
    case Overflow::kFail: break;
  }
  return std::nullopt;
}

// value + delta stored in a signed field of `bits` (1..64) under the overflow policy; nullopt
// when it does not fit under FAIL. SET passes its value with delta 0.
std::optional<int64_t> fit_signed(int64_t value, int64_t delta, int bits, Overflow policy) {
  const int64_t max =
      bits == 64 ? std::numeric_limits<int64_t>::max() : (int64_t{1} << (bits - 1)) - 1;
  const int64_t min = -max - 1;
  // Neither bound below can overflow: max - delta only when delta > 0, min - delta only when
  // delta < 0.
  bool up = value > max || (delta > 0 && value > max - delta);
  const bool down = value < min || (delta < 0 && value < min - delta);
  // redis-server computes max - value with int64 wraparound, so SETting a value that far
  // below min counts as an overflow upwards: SAT stores max, not min.
  if (bits < 64 && value < max - std::numeric_limits<int64_t>::max()) up = true;
  if (!up && !down) return value + delta;
  switch (policy) {
    case Overflow::kWrap:
      return sign_extend(static_cast<uint64_t>(value) + static_cast<uint64_t>(delta), bits);
    case Overflow::kSat: return up ? max : min;
    case Overflow::kFail: break;
  }
  return std::nullopt;
}

// Runs a SET or INCRBY on the writable string of e. Replies with the new value (INCRBY) or the
// old one (SET), or null when the FAIL policy refused the write. *changed tells whether the
// field now holds other bits.
Reply run_field_write(Entry* e, const FieldOp& op, bool* changed) {
  const uint64_t raw = read_field(e->str(), op.offset, op.bits);
  *changed = false;
  const bool incr = op.kind == FieldOp::Kind::kIncrBy;
  if (op.is_signed) {
    const int64_t old = sign_extend(raw, op.bits);
    auto next = incr ? fit_signed(old, op.value, op.bits, op.overflow)
                     : fit_signed(op.value, 0, op.bits, op.overflow);
    if (!next) return Reply::null();
    write_field(e->mutable_str(), op.offset, op.bits, static_cast<uint64_t>(*next));
    *changed = read_field(e->str(), op.offset, op.bits) != raw;
    return Reply::integer(incr ? *next : old);
  }
  auto next = incr ? fit_unsigned(raw, op.value, op.bits, op.overflow)
                   : fit_unsigned(static_cast<uint64_t>(op.value), 0, op.bits, op.overflow);
  if (!next) return Reply::null();
  write_field(e->mutable_str(), op.offset, op.bits, *next);
  *changed = read_field(e->str(), op.offset, op.bits) != raw;
  return Reply::integer(static_cast<int64_t>(incr ? *next : raw));
}

Reply run_field_get(const Entry* e, const FieldOp& op) {
  char buf[24];
  std::string_view s = e == nullptr ? std::string_view() : e->string_value(buf);
  const uint64_t raw = read_field(s, op.offset, op.bits);
  return Reply::integer(op.is_signed ? sign_extend(raw, op.bits) : static_cast<int64_t>(raw));
}

// BITFIELD and BITFIELD_RO. Only GETs: the key is read (missing reads as zeros) and never
// created. Any SET/INCRBY: the string is created or grown first, even when every write then
// fails under OVERFLOW FAIL, as in Redis. Propagated only when a SET/INCRBY was applied and
// either changed its field or the string was created or grown: as in Redis 7.0, a string
// created for writes that all failed is not propagated.
Reply bitfield_generic(CommandContext& ctx, Args argv, bool read_only_command) {
  Reply error;
  auto ops = parse_field_ops(argv, &error);
  if (!ops) return error;
  bool writes = false;
  uint64_t highest_bit = 0;
  for (const FieldOp& op : *ops) {
    if (op.kind == FieldOp::Kind::kGet) continue;
    writes = true;
    highest_bit = std::max(highest_bit, op.offset + static_cast<uint64_t>(op.bits) - 1);
  }
  Entry* e = nullptr;
  bool grown = false;
  if (!writes) {
    e = ctx.ks.lookup_read(ctx.db(), argv[1]);
    if (e != nullptr && !e->is_string()) return wrong_type();
  } else {
    if (read_only_command) return Reply::error(err::kBitfieldRoGetOnly);
    auto w = writable_string(ctx, argv[1], highest_bit / 8 + 1, &grown);
    if (!w.ok()) return error_of(w.status());
    e = *w;
  }
  std::vector<Reply> replies;
  replies.reserve(ops->size());
  bool changes = false;
  for (const FieldOp& op : *ops) {
    if (op.kind == FieldOp::Kind::kGet) {
      replies.push_back(run_field_get(e, op));
      continue;
    }
    bool changed = false;
    replies.push_back(run_field_write(e, op, &changed));
    if (!replies.back().is_null() && (changed || grown)) changes = true;
  }
  if (changes) {
    ctx.ks.modified(ctx.db(), argv[1], kNotifyString, "setbit");
  } else {
    ctx.ks.propagation().prevent();
  }
  return Reply::array(std::move(replies));
}

Reply bitfield_command(CommandContext& ctx, Args argv) {
  return bitfield_generic(ctx, argv, false);
}

Reply bitfield_ro_command(CommandContext& ctx, Args argv) {
  return bitfield_generic(ctx, argv, true);
}

}  // namespace

void register_bitmap_commands(CommandTable& t) {
  constexpr uint32_t kW = kCmdWrite | kCmdDenyOom;
  t.add({.name = "setbit", .arity = 4, .flags = kW, .first_key = 1, .last_key = 1,
         .key_step = 1, .handler = setbit_command, .since = "2.2.0", .group = "bitmap"});
  t.add({.name = "getbit", .arity = 3, .flags = kCmdReadonly | kCmdFast, .first_key = 1,
         .last_key = 1, .key_step = 1, .handler = getbit_command, .since = "2.2.0",
         .group = "bitmap"});
  t.add({.name = "bitcount", .arity = -2, .flags = kCmdReadonly, .first_key = 1, .last_key = 1,
         .key_step = 1, .handler = bitcount_command, .since = "2.6.0", .group = "bitmap"});
  t.add({.name = "bitpos", .arity = -3, .flags = kCmdReadonly, .first_key = 1, .last_key = 1,
         .key_step = 1, .handler = bitpos_command, .since = "2.8.7", .group = "bitmap"});
  t.add({.name = "bitop", .arity = -4, .flags = kW, .first_key = 2, .last_key = -1,
         .key_step = 1, .handler = bitop_command, .since = "2.6.0", .group = "bitmap"});
  t.add({.name = "bitfield", .arity = -2, .flags = kW, .first_key = 1, .last_key = 1,
         .key_step = 1, .handler = bitfield_command, .since = "3.2.0", .group = "bitmap"});
  t.add({.name = "bitfield_ro", .arity = -2, .flags = kCmdReadonly | kCmdFast, .first_key = 1,
         .last_key = 1, .key_step = 1, .handler = bitfield_ro_command, .since = "6.0.0",
         .group = "bitmap"});
}

}  // namespace kevy
