// server/courses/demo_courses.h — what --demo adds to the course classroom: the demo categories and courses
// (tools/demo_data/course_demo.h) anchored at today, and demo lecture requests across the towns from the
// user `lianluo` (工会联络员), when the store has no categories yet.
#pragma once
#include "server/crypto/password_hasher.h"
#include "server/store/store.h"

namespace gongyou::server {

/// Loads the demo courses and lecture requests into a store without categories; returns how many courses
/// were loaded (0 when it already had some).
int seed_demo_courses(Store& store, crypto::PasswordHasher& passwords, UtcSeconds now);

}  // namespace gongyou::server
