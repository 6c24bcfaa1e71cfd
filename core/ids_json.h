// core/ids_json.h — typed ids (core/ids.h) in nlohmann::json: an id is written as its number. Reading is done at
// each JSON edge with its own checks (server: path_ids and JsonBody; app: the decoders), never by a throwing get<>.
#pragma once
#include <nlohmann/json.hpp>

#include "core/ids.h"

namespace gongyou {

/// Writes `id` as its number (found by nlohmann through argument-dependent lookup).
template <class Tag>
void to_json(nlohmann::json& j, Id<Tag> id) {
  j = id.value;
}

}  // namespace gongyou
