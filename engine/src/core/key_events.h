// Key events: what the keyspace tells the rest of the engine about keys while a command runs —
// Redis's signalModifiedKey (WATCH), notifyKeyspaceEvent (notify-keyspace-events) and
// signalKeyAsReady (blocked clients). The Keyspace calls a KeyEventSink; the Store installs one
// that routes to the WATCH registry, pub/sub and the blocked clients (clients/*).
//
// All calls happen under the store lock, in the middle of a command.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kevy/reply.h"

namespace kevy {

// notify-keyspace-events classes. The bit of each letter is the one config_values.cc's
// notify-keyspace-events parser gives it: "g$lshzxetdn" are bits 0..10, "KEm" bits 16..18.
enum NotifyClass : uint32_t {
  kNotifyGeneric = 1u << 0,   // g: DEL EXPIRE RENAME ...
  kNotifyString = 1u << 1,    // $
  kNotifyList = 1u << 2,      // l
  kNotifySet = 1u << 3,       // s
  kNotifyHash = 1u << 4,      // h
  kNotifyZset = 1u << 5,      // z
  kNotifyExpired = 1u << 6,   // x
  kNotifyEvicted = 1u << 7,   // e
  kNotifyStream = 1u << 8,    // t
  kNotifyModule = 1u << 9,    // d
  kNotifyNew = 1u << 10,      // n: a key added to the keyspace
  kNotifyKeyspace = 1u << 16, // K: __keyspace@<db>__:<key> channel
  kNotifyKeyevent = 1u << 17, // E: __keyevent@<db>__:<event> channel
  kNotifyKeyMiss = 1u << 18,  // m: a read of a missing key
};

// The flag bits of a notify-keyspace-events value ("KEA", "Elg", ""); nullopt-free: letters
// the config parser refused never reach here, unknown letters are ignored.
uint32_t notify_flags_from_letters(std::string_view letters);
// The letters CONFIG GET prints for flags, as Redis does: "A" when every class of 'A' is set
// (and then no 'n', though the bit stays on), else the class letters in "g$lshzxetdn" order;
// then K, E, m.
std::string notify_letters_from_flags(uint32_t flags);

// Value types a blocked client may wait for (core/entry.h's ObjType numbering).
enum class ReadyType : uint8_t { kList, kZset };

// What a blocking command asks for when none of its keys has data (Keyspace::block_request()):
// the Store then blocks the client on `keys` until one gets a value of `type`, or until
// deadline_ms (0: no timeout). Ignored inside MULTI/EXEC and when a served command runs again.
struct BlockRequest {
  bool wanted = false;
  ReadyType type = ReadyType::kList;
  std::vector<std::string> keys;
  int64_t deadline_ms = 0;
  // Sent when the timeout passes (or CLIENT UNBLOCK ... TIMEOUT). The command itself returns
  // the reply for when it cannot block (inside MULTI/EXEC), which may differ (BLMOVE).
  Reply timeout_reply;
};

class KeyEventSink {
 public:
  virtual ~KeyEventSink() = default;
  // signalModifiedKey: the key's value changed (or it was deleted, renamed, expired...).
  virtual void key_modified(int db, std::string_view key) = 0;
  // notifyKeyspaceEvent, already filtered by notify-keyspace-events.
  virtual void keyspace_event(uint32_t cls, std::string_view event, int db,
                              std::string_view key) = 0;
  // signalKeyAsReady: a list or sorted set was added under key (clients blocked on it may be
  // served once the current command or transaction ends).
  virtual void key_ready(int db, std::string_view key, ReadyType type) = 0;
  // FLUSHDB / FLUSHALL (db -1 for all) and SWAPDB a b: Redis's touchAllWatchedKeysInDb. Called
  // before the databases are emptied or swapped.
  virtual void dbs_flushing(int db) = 0;
  virtual void dbs_swapping(int a, int b) = 0;
};

}  // namespace kevy
