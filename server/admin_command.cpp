// server/admin_command.cpp — see admin_command.h.
#include "server/admin_command.h"

#include <istream>
#include <ostream>

#include "server/accounts/account_rules.h"

namespace gongyou::server {

int create_admin(Store& store, crypto::PasswordHasher& passwords, const Clock& clock, const std::string& username,
                 std::istream& in, std::ostream& out) {
  if (auto problem = username_problem(username)) {
    out << "--create-admin: " << *problem << '\n';
    return 1;
  }
  std::string password;
  std::getline(in, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (password.size() > kMaxPasswordBytes) {
    out << "--create-admin: the password is longer than " << kMaxPasswordBytes << " bytes\n";
    return 1;
  }
  if (auto weakness = password_weakness(password, username)) {
    out << "--create-admin: " << *weakness << '\n';
    return 1;
  }
  const User admin =
      store.upsert_admin(NewUser{username, username, passwords.hash(password), Role::admin, clock.now()});
  out << "admin '" << admin.username << "' (id " << admin.id.value << ") is ready\n";
  return 0;
}

}  // namespace gongyou::server
