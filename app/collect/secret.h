#pragma once

// The Secret type lives in survey_model so that the portal sync (survey_sync) shares it.
#include "../../survey_model/secret.h"

namespace fs::collect {

using fs::model::Secret;
using fs::model::wipe;

} // namespace fs::collect
