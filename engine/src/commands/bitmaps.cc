// Bitmap commands: SETBIT GETBIT BITCOUNT BITPOS BITOP BITFIELD BITFIELD_RO.
#include "commands/command_table.h"

namespace kevy {

void register_bitmap_commands(CommandTable&) {}

}  // namespace kevy
