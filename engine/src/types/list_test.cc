// ListObject against a std::deque model: random pushes, pops, sets, inserts, erases and
// removes with elements of every size class (empty, short, around the varint boundaries, larger
// than a node), so that nodes split, merge and drop. memory_bytes() (running counter) is
// checked against recount_memory_bytes() (full recount) after every operation.
#include "types/list.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace kevy {
namespace {

std::vector<std::string> contents(const ListObject& l) {
  std::vector<std::string> out;
  l.visit(0, false, [&](size_t i, std::string_view v) {
    EXPECT_EQ(i, out.size());
    out.emplace_back(v);
    return true;
  });
  return out;
}

void expect_same(const ListObject& l, const std::deque<std::string>& model) {
  ASSERT_EQ(l.size(), model.size());
  EXPECT_EQ(contents(l), std::vector<std::string>(model.begin(), model.end()));
  std::vector<std::string> rev;
  if (!model.empty()) {
    l.visit(model.size() - 1, true, [&](size_t, std::string_view v) {
      rev.emplace_back(v);
      return true;
    });
  }
  EXPECT_EQ(rev, std::vector<std::string>(model.rbegin(), model.rend()));
}

std::string random_value(std::mt19937_64& rng) {
  static const size_t sizes[] = {0, 1, 5, 127, 128, 300, 16383, 16384, 9000};
  size_t n = rng() % 10 < 8 ? rng() % 20 : sizes[rng() % 9];
  std::string v(n, 'a');
  for (auto& c : v) c = static_cast<char>(rng() % 256);  // includes NUL bytes
  return v;
}

TEST(ListObjectTest, RandomOperationsMatchModel) {
  std::mt19937_64 rng(42);
  ListObject l;
  std::deque<std::string> model;
  for (int step = 0; step < 20000; ++step) {
    const int op = static_cast<int>(rng() % 10);
    if (op <= 2 || model.empty()) {
      std::string v = random_value(rng);
      if (rng() % 2) {
        l.push(ListEnd::kHead, v);
        model.push_front(v);
      } else {
        l.push(ListEnd::kTail, v);
        model.push_back(v);
      }
    } else if (op == 3) {
      if (rng() % 2) {
        EXPECT_EQ(l.pop(ListEnd::kHead), model.front());
        model.pop_front();
      } else {
        EXPECT_EQ(l.pop(ListEnd::kTail), model.back());
        model.pop_back();
      }
    } else if (op == 4) {
      size_t i = rng() % model.size();
      ASSERT_EQ(l.at(i), model[i]);
      std::string v = random_value(rng);
      l.set(i, v);
      model[i] = v;
    } else if (op == 5) {
      size_t i = rng() % (model.size() + 1);
      std::string v = random_value(rng);
      l.insert(i, v);
      model.insert(model.begin() + static_cast<std::ptrdiff_t>(i), v);
    } else if (op == 6 && step % 5 == 0) {
      size_t i = rng() % model.size();
      size_t n = rng() % 50;
      l.erase(i, n);
      size_t end = std::min(model.size(), i + n);
      model.erase(model.begin() + static_cast<std::ptrdiff_t>(i),
                  model.begin() + static_cast<std::ptrdiff_t>(end));
    } else if (op == 7 && step % 7 == 0) {
      // Remove an existing short value (often repeated: short values collide).
      std::string v = model[rng() % model.size()];
      int64_t count = static_cast<int64_t>(rng() % 5) - 2;
      size_t removed = l.remove(v, count);
      size_t expect = 0;
      if (count >= 0) {
        for (auto it = model.begin(); it != model.end();) {
          if (*it == v && (count == 0 || expect < static_cast<size_t>(count))) {
            it = model.erase(it);
            ++expect;
          } else {
            ++it;
          }
        }
      } else {
        for (size_t k = model.size(); k-- > 0;) {
          if (model[k] == v && expect < static_cast<size_t>(-count)) {
            model.erase(model.begin() + static_cast<std::ptrdiff_t>(k));
            ++expect;
          }
        }
      }
      EXPECT_EQ(removed, expect);
    } else if (!model.empty()) {
      size_t i = rng() % model.size();
      ASSERT_EQ(l.at(i), model[i]);
    }
    ASSERT_EQ(l.memory_bytes(), l.recount_memory_bytes()) << "step " << step;
    if (step % 997 == 0) expect_same(l, model);
  }
  expect_same(l, model);
  auto copy = l.clone();
  l.push(ListEnd::kHead, "only in the original");
  expect_same(*static_cast<ListObject*>(copy.get()), model);
  const auto* c = static_cast<const ListObject*>(copy.get());
  EXPECT_EQ(c->memory_bytes(), c->recount_memory_bytes());
}

// The running memory counter through every mutating method, with elements either tiny (nodes
// whose buffer fits std::string's inline storage, so node moves mix inline and heap buffers) or
// 3..9 KB (one or two per node, so nodes are created, split, merged and dropped all the time),
// and clones that carry on being modified.
TEST(ListObjectTest, MemoryBytesMatchesRecountAfterEveryOperation) {
  std::mt19937_64 rng(7);
  auto value = [&] {
    const size_t n = rng() % 3 == 0 ? 3000 + rng() % 6000 : rng() % 6;
    return std::string(n, static_cast<char>('a' + rng() % 3));
  };
  auto l = std::make_unique<ListObject>();
  size_t clones = 0, max_nodes = 0;
  for (int step = 0; step < 8000; ++step) {
    const size_t size = l->size();
    switch (rng() % 12) {
      case 0:
      case 1:
        l->push(ListEnd::kHead, value());
        break;
      case 2:
      case 3:
        l->push(ListEnd::kTail, value());
        break;
      case 4:
        if (size > 0) l->pop(rng() % 2 ? ListEnd::kHead : ListEnd::kTail);
        break;
      case 5:
        if (size > 0) l->set(rng() % size, value());
        break;
      case 6:
      case 7:
        l->insert(rng() % (size + 1), value());
        break;
      case 8:
        if (size > 0) l->erase(rng() % size, rng() % 4);
        break;
      case 9:
        if (size > 0 && rng() % 3 == 0) {
          const std::string v(l->at(rng() % size));
          l->remove(v, static_cast<int64_t>(rng() % 5) - 2);
        }
        break;
      case 10:
        if (rng() % 20 == 0) {  // carry on with the copy
          std::unique_ptr<Object> copy = l->clone();
          l.reset(static_cast<ListObject*>(copy.release()));
          ++clones;
        }
        break;
      default:
        if (rng() % 150 == 0) l = std::make_unique<ListObject>();  // start over
        break;
    }
    ASSERT_EQ(l->memory_bytes(), l->recount_memory_bytes()) << "step " << step;
    max_nodes = std::max(max_nodes, l->node_count());
  }
  EXPECT_GT(clones, 10u);
  EXPECT_GT(max_nodes, 20u);
}

TEST(ListObjectTest, NodesFollowTheEightKiBLimit) {
  ListObject l;
  for (int i = 0; i < 1000; ++i) l.push(ListEnd::kTail, std::string(98, 'x'));  // 100 B entries
  EXPECT_EQ(l.node_count(), 13u);  // 81 entries per 8192-byte node
  l.push(ListEnd::kTail, std::string(20000, 'y'));  // a large element gets its own node
  EXPECT_EQ(l.node_count(), 14u);
  l.erase(0, 1000);
  EXPECT_EQ(l.node_count(), 1u);
  EXPECT_EQ(l.at(0).size(), 20000u);
  EXPECT_EQ(l.pop(ListEnd::kHead).size(), 20000u);
  EXPECT_TRUE(l.empty());
  EXPECT_EQ(l.node_count(), 0u);
}

}  // namespace
}  // namespace kevy
