// ConfigRegistry: the CONFIG GET/SET parameters of one instance (filled in by the config module).
#pragma once

namespace kevy {

class ConfigRegistry {};

}  // namespace kevy
