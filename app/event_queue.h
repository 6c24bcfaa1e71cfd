// app/event_queue.h — a queue of typed events that is safe to push to while it is being drained.
//
// Handling an event may raise another one at once: flying the map to a site makes Leaflet report the
// move synchronously, and the platform queues a MapMoved while the loop is still handling the route
// change that asked for the flight. Iterating the vector being pushed to would read a moved-away
// element after it grows (seen as a bad_variant_access in the browser). Here the pending events are
// swapped into a second buffer first; events raised during handling wait for the next drain. Both
// buffers keep their capacity, so an idle frame does not allocate.
#pragma once
#include <utility>
#include <vector>

namespace gongyou {

template <class Event>
class EventQueue {
 public:
  /// Queues an event for the next drain (also while a drain is running).
  void push(const Event& event) { pending_.push_back(event); }

  /// True when nothing waits.
  bool empty() const { return pending_.empty(); }

  /// Hands every event queued before this call to `handle`, in order; events pushed meanwhile stay queued.
  template <class Handle>
  void drain(Handle&& handle) {
    draining_.clear();
    std::swap(draining_, pending_);
    for (const Event& event : draining_) handle(event);
    draining_.clear();
  }

 private:
  std::vector<Event> pending_;
  std::vector<Event> draining_;
};

}  // namespace gongyou
