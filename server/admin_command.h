// server/admin_command.h — `gongyou-server --db PATH --create-admin USERNAME`: reads a password from
// stdin and creates the admin account, or makes an existing user an admin with that password.
#pragma once
#include <iosfwd>
#include <string>

#include "server/clock.h"
#include "server/crypto/password_hasher.h"
#include "server/store/store.h"

namespace gongyou::server {

/// Runs the command; returns the process exit code (0 done, 1 refused) after telling `out` what happened.
int create_admin(Store& store, crypto::PasswordHasher& passwords, const Clock& clock, const std::string& username,
                 std::istream& in, std::ostream& out);

}  // namespace gongyou::server
