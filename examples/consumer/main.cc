// Smallest useful kevy program: open an in-memory store, write, read back, expire.
// Exit code 0 when every check passes.
#include <chrono>
#include <cstdio>
#include <memory>

#include <kevy/store.h>

#define CHECK(cond)                                              \
  do {                                                           \
    if (!(cond)) {                                               \
      std::fprintf(stderr, "consumer: check failed: %s\n", #cond); \
      return 1;                                                  \
    }                                                            \
  } while (0)

int main() {
  auto clock = std::make_shared<kevy::ManualClock>();
  auto store = kevy::Store::open(kevy::Options{}.with_clock(clock));
  CHECK(store.ok());

  CHECK(store->set("greeting", "hello").ok());
  CHECK(store->get("greeting") == "hello");

  kevy::Reply r = store->execute({"SET", "greeting", "hello world"});
  CHECK(r.type() == kevy::Reply::Type::kSimple && r.str() == "OK");
  CHECK(store->execute({"GET", "greeting"}).str() == "hello world");
  CHECK(store->get("greeting") == "hello world");

  using namespace std::chrono_literals;
  CHECK(store->set("session", "abc", kevy::SetOptions{}.px(1500ms)).ok());
  CHECK(store->pttl("session") == 1500);
  clock->advance_ms(1501);  // Redis expires a key once now > expire time
  CHECK(!store->get("session").has_value());
  CHECK(store->execute({"EXISTS", "session"}).integer_value() == 0);

  std::puts("consumer: ok");
  return 0;
}
