// server/store/legal_store.h — what the server stores about legal aid (法律援助, docs/api-legal.md): consultations
// under a unique random case number, their thread and photos, and failed case lookups per address. Every status
// change is one write transaction with a conditional update, so that of concurrent requests exactly one takes it:
// an assignment (WHERE lawyer_user_id IS NULL), the first answer (WHERE first_answered_at IS NULL), a close
// (WHERE status <> 'closed'); a photo takes the next free number of a unique sequence up to three.
#pragma once
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/civil_time.h"
#include "core/ids.h"
#include "core/legal.h"

namespace gongyou::server {

/// One message of a consultation's thread.
struct LegalMessageRecord {
  std::int64_t id = 0;
  UserId author;
  std::string author_name;  ///< the account's display name (filled by reads)
  bool from_lawyer = false;
  std::string text;
  UtcSeconds at;
};

/// A photo's description (its bytes only from find_legal_photo).
struct LegalPhotoRecord {
  std::int64_t id = 0;
  PhotoKind kind = PhotoKind::jpeg;
  std::int64_t width = 0, height = 0, size = 0;
  UtcSeconds at;
  std::string bytes;
};

/// A consultation as stored. The phone is only ever held sealed; its mask is kept for staff screens.
struct ConsultationRecord {
  ConsultationId id;
  std::string case_number;
  UserId asker;
  std::string asker_name;  ///< filled by reads
  LegalCategory category = LegalCategory::wages_owed;
  std::string question;
  std::string phone_sealed;
  std::string phone_masked;
  ConsultationStatus status = ConsultationStatus::open;
  std::optional<UserId> lawyer;
  std::string lawyer_name;  ///< filled by reads
  UtcSeconds asked_at;
  std::optional<UtcSeconds> assigned_at, first_answered_at, closed_at;
  UtcSeconds updated_at;
  std::int64_t message_count = 0;          ///< filled by reads
  std::vector<LegalMessageRecord> messages;  ///< filled by find_consultation only
  std::vector<LegalPhotoRecord> photos;      ///< descriptions, filled by find_consultation only
};

/// A question to store. `make_case_number` is called until it gives a number no consultation has.
struct NewConsultation {
  UserId asker;
  LegalCategory category = LegalCategory::wages_owed;
  std::string question;
  std::string phone_sealed, phone_hash, phone_masked;
  UtcSeconds now;
};

/// A consultation with its history, for loading demo data (no rule is checked).
struct SeedConsultation {
  NewConsultation asked;
  std::string case_number;
  ConsultationStatus status = ConsultationStatus::open;
  std::optional<UserId> lawyer;
  UserId assigned_by;
  std::optional<UtcSeconds> assigned_at, first_answered_at, closed_at;
  std::vector<LegalMessageRecord> messages;
};

/// Which consultations a queue lists.
struct LegalQueueQuery {
  std::optional<UserId> lawyer;  ///< a lawyer's own cases; nothing: every case (admins)
  std::optional<ConsultationStatus> status;
  bool include_closed = false;
  UtcSeconds now;  ///< overdue ones first: no first answer 24 h after asking
  std::size_t limit = 100;
};

/// A lawyer and how many open cases they hold (assigned or answered, not closed).
struct LawyerLoad {
  UserId user;
  std::string display_name;
  std::int64_t open_cases = 0;
};

/// What a change to a consultation came to.
enum class LegalChange : std::uint8_t { done, not_found, conflict, closed, limit };

/// The result of a change: the consultation after it (without thread) when found.
struct LegalOutcome {
  LegalChange result = LegalChange::not_found;
  std::optional<ConsultationRecord> consultation;
};

/// Legal-aid storage. Implementations are safe to call from many threads at once.
class LegalStore {
 public:
  virtual ~LegalStore() = default;

  /// Stores an open consultation under a fresh case number (retried on the rare collision, by the unique key).
  virtual ConsultationRecord create_consultation(const NewConsultation& consultation,
                                                 const std::function<std::string()>& make_case_number) = 0;
  /// One consultation with its thread and photo descriptions.
  virtual std::optional<ConsultationRecord> find_consultation(ConsultationId id) = 0;
  /// The consultation of a case number whose phone hash is `phone_hash`; nothing when either does not match.
  virtual std::optional<ConsultationRecord> lookup_case(std::string_view case_number, std::string_view phone_hash) = 0;
  /// A person's consultations, newest first.
  virtual std::vector<ConsultationRecord> user_consultations(UserId asker) = 0;
  /// A lawyer's (or every) consultation, overdue first, then oldest asked first.
  virtual std::vector<ConsultationRecord> legal_queue(const LegalQueueQuery& query) = 0;
  /// Every user with the lawyer role and their load, least loaded first (then by id).
  virtual std::vector<LawyerLoad> lawyer_loads() = 0;
  /// True when `user` has the lawyer role on some union.
  virtual bool is_lawyer(UserId user) = 0;

  /// Assigns an unassigned consultation (done); the same lawyer again is done too; another lawyer conflicts.
  virtual LegalOutcome assign_consultation(ConsultationId id, UserId lawyer, UserId admin, UtcSeconds now) = 0;
  /// Adds a message; the lawyer's first one makes it answered (once). closed when the consultation is.
  virtual LegalOutcome add_legal_message(ConsultationId id, UserId author, bool from_lawyer, std::string_view text,
                                         UtcSeconds now) = 0;
  /// Closes it once; conflict when it was closed already.
  virtual LegalOutcome close_consultation(ConsultationId id, UserId by, UtcSeconds now) = 0;
  /// Adds a photo (its metadata already stripped); limit past kMaxPhotosPerConsultation; closed when it is.
  virtual LegalOutcome add_legal_photo(ConsultationId id, const LegalPhotoRecord& photo, UtcSeconds now) = 0;
  /// One photo of a consultation with its bytes.
  virtual std::optional<LegalPhotoRecord> find_legal_photo(ConsultationId id, std::int64_t photo) = 0;

  /// Records a failed case lookup from `address`.
  virtual void record_lookup_failure(std::string_view address, UtcSeconds at) = 0;
  /// The failed lookups from `address` at or after `since`.
  virtual std::int64_t lookup_failures(std::string_view address, UtcSeconds since) = 0;

  /// Loads consultations with their history in one transaction (demo data); false when some exist already.
  virtual bool seed_consultations(std::span<const SeedConsultation> consultations) = 0;
};

}  // namespace gongyou::server
