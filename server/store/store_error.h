// server/store/store_error.h — the one storage failure the layers above the store tell apart.
#pragma once
#include <stdexcept>

namespace gongyou::server {

/// The database cannot be reached or did not answer in time: nothing was done, and the same request may
/// succeed later. The HTTP layer answers 503 service_unavailable.
class StoreUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace gongyou::server
