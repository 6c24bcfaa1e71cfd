// server/store/store.h — what the server needs from persistent storage, independent of the database:
// sites and workplaces (here), accounts (account_store.h), schedules and slots (schedule_store.h), bookings
// (booking_store.h), courses and lecture requests (course_store.h), unions and members (membership_store.h), prize quizzes (quiz_store.h), message campaigns (campaign_store.h), activities (activity_store.h), the info center (article_store.h), legal aid (legal_store.h), complaints and hardship aid (relief_store.h), idempotency records and server secrets (here).
// SqlStore (store/sql/) implements it once over SQL; SqliteStore (store/sqlite/) and PostgresStore (store/postgres/)
// bring its connections and transactions; open_store.h picks one.
#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/coverage_analysis.h"
#include "core/site.h"
#include "core/units.h"
#include "server/store/account_store.h"
#include "server/store/activity_store.h"
#include "server/store/article_store.h"
#include "server/store/booking_store.h"
#include "server/store/campaign_store.h"
#include "server/store/course_store.h"
#include "server/store/legal_store.h"
#include "server/store/membership_store.h"
#include "server/store/quiz_store.h"
#include "server/store/relief_store.h"
#include "server/store/schedule_store.h"
#include "server/store/store_error.h"
#include "server/store/wish_store.h"

namespace gongyou::server {

/// Which sites a listing returns; every part is optional and they combine with AND.
struct SiteFilter {
  std::optional<BoundingBox> bbox;  ///< only sites inside (borders included)
  std::vector<SiteType> types;      ///< only sites of these types; empty means every type
  std::string text;                 ///< substring of name, address or town, taken literally; empty means any
  /// Sites that also match `text`, by the pinyin initials of their name or address (found by the caller in
  /// the SiteDirectory, see core/pinyin.h); only used when `text` is not empty.
  std::vector<SiteId> text_initials_matches;
};

/// One page of a listing ordered by id.
struct SitePageRequest {
  SiteFilter filter;
  SiteId after;  ///< return only ids greater than this (0 = from the start)
  std::size_t limit = 100;
};

/// The sites of one page and whether more follow.
struct SitePage {
  std::vector<Site> items;
  bool has_more = false;
};

/// Identifies a request that may be repeated: the client's Idempotency-Key within its user, method and path,
/// and a hash of the body it came with.
struct IdempotencyKey {
  UserId user;
  std::string key;
  std::string method;
  std::string path;
  std::string body_hash;
};

/// An answer kept to be replayed: HTTP status and JSON body.
struct StoredResponse {
  int status = 200;
  std::string body;
};

/// What a keyed request came to.
struct IdempotentAnswer {
  StoredResponse response;  ///< the fresh answer, or the first one when replayed
  bool replayed = false;    ///< the key was seen before with the same body
  bool key_reused = false;  ///< the key was seen before with another body (response is then empty)
};

/// Persistent storage. Implementations are safe to call from many threads at once.
class Store : public AccountStore, public ScheduleStore, public BookingStore, public CourseStore, public MembershipStore,
              public QuizStore, public CampaignStore, public ActivityStore, public ArticleStore,
              public LegalStore, public ReliefStore, public WishStore {
 public:
  ~Store() override = default;

  /// One page of sites matching the filter, in id order.
  virtual SitePage list_sites(const SitePageRequest& request) = 0;

  /// The site with this id, if any.
  virtual std::optional<Site> find_site(SiteId id) = 0;

  /// Every site, in id order (to build the in-memory spatial index).
  virtual std::vector<Site> all_sites() = 0;

  /// Inserts the sites in one transaction when the store holds no site yet; false (and nothing
  /// written) when it already had sites. Sites with a positive id keep it.
  virtual bool seed_sites(std::span<const Site> sites) = 0;

  /// Inserts new sites (their ids are ignored) in one transaction: all of them or, on any failure, none.
  /// Returns the ids given to them, in order.
  virtual std::vector<SiteId> insert_sites(std::span<const Site> sites) = 0;

  /// Every workplace of union members (the coverage analysis' demand points), in id order.
  virtual std::vector<Workplace> all_workplaces() = 0;

  /// Inserts the workplaces in one transaction when the store holds none yet; false (and nothing written) when it
  /// already had some.
  virtual bool seed_workplaces(std::span<const Workplace> workplaces) = 0;

  /// Runs `action` once per key: within one transaction, replays the stored answer of an unexpired record
  /// (created after `fresh_since`) with the same body hash, refuses one with another body hash, or runs
  /// `action` and stores its answer. The writes `action` makes through this store join that transaction, so
  /// they and the stored answer are durable together or not at all. `action` must not block for long.
  virtual IdempotentAnswer run_idempotent(const IdempotencyKey& key, UtcSeconds now, UtcSeconds fresh_since,
                                          const std::function<StoredResponse()>& action) = 0;

  /// The secret called `name`; made by `make` and stored the first time it is asked for.
  virtual std::string server_secret(std::string_view name, const std::function<std::string()>& make) = 0;

  /// Deletes what has expired: sessions past their expiry at `now`, idempotency records created before
  /// `idempotency_before`, login failures before `failures_before`.
  virtual void purge_expired(UtcSeconds now, UtcSeconds idempotency_before, UtcSeconds failures_before) = 0;

  /// One line of the store's write counters since it opened (commits, batches, retries, waits for a connection,
  /// round trips), which the server prints when it stops and the benchmarks read; "" when it keeps none.
  virtual std::string write_counts() const { return {}; }
};

}  // namespace gongyou::server
