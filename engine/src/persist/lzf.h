// LZF, the compression format of RDB strings (Redis bundles liblzf 3.6): a sequence of literal
// runs (control byte 000LLLLL, then L+1 bytes) and back references (control byte LLLooooo
// [extra length byte when LLL == 7] [low offset byte]: copy len+2 bytes from offset+1 back).
#pragma once

#include <cstddef>
#include <cstdint>

namespace kevy {

// Compresses in[0..in_len) into out; returns the compressed size, or 0 when the result would
// not fit in out_cap bytes (the caller then stores the data uncompressed, as Redis does).
// The output is what liblzf's lzf_compress produces for the same input (from a clean hash
// table), so our RDB and DUMP bytes can equal redis-server's. Which liblzf: redis-server
// built from Redis's sources uses its bundled copy; Debian/Ubuntu packages (our oracle,
// redis-server 7.0.15 on Debian 12) link the system liblzf 3.6, whose only difference is
// that it may also start a back reference within the last 4 bytes of the input.
enum class LzfFlavor { kLiblzf36, kRedisBundled };
size_t lzf_compress(const void* in, size_t in_len, void* out, size_t out_cap,
                    LzfFlavor flavor = LzfFlavor::kLiblzf36);

// Decompresses in[0..in_len) into exactly out_len bytes of out. False when the data is
// malformed (a reference before the start, a run past the end of either buffer) or does not
// decompress to exactly out_len bytes. Never reads or writes outside the given buffers.
bool lzf_decompress(const void* in, size_t in_len, void* out, size_t out_len);

}  // namespace kevy
