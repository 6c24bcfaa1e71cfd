// app/api_client.cpp — see api_client.h.
#include "app/api_client.h"

#include <utility>

namespace gongyou {

void ApiClient::send(const HttpRequest& request, Done done) {
  const RequestId id{next_++};
  waiting_.emplace(id.value, std::move(done));
  if (platform_.send) platform_.send(id, request);
}

void ApiClient::deliver(RequestId request, const HttpResponse& response) {
  const auto it = waiting_.find(request.value);
  if (it == waiting_.end()) return;
  Done done = std::move(it->second);
  waiting_.erase(it);  // before running it: the continuation may send again
  done(response);
}

}  // namespace gongyou
