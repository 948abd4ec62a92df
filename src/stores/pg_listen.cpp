// pg_listen.cpp: see pg_listen.h. The thread owns its libpq connection; the queue is the only
// state it shares, behind a mutex.
#include "stores/pg_listen.h"

#include <libpq-fe.h>
#include <sys/select.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace sespm {

ChangeListener::ChangeListener(const std::string& location) : location_(location), thread_([this] { run(); }) {}

ChangeListener::~ChangeListener() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
}

ChangeListener::Taken ChangeListener::take() {
    std::lock_guard<std::mutex> g(m_);
    Taken out = pending_;
    pending_.changes.clear();
    pending_.reconnected = false;
    return out;
}

namespace {

// One value of a query on the listener's own connection ("" when it fails).
std::string scalar(PGconn* c, const char* sql) {
    PGresult* r = PQexec(c, sql);
    std::string v = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 ? PQgetvalue(r, 0, 0) : "";
    PQclear(r);
    return v;
}

} // namespace

// Connects, LISTENs and notes the newest history id; false (with the reason queued) when the
// server cannot be reached or the history cannot be read.
bool ChangeListener::listen_once(void*& conn) {
    const char* keys[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
    const char* vals[] = {"5", "sespm-map (live refresh)", location_.c_str(), nullptr};
    PGconn* c = PQconnectdbParams(keys, vals, 1);
    std::string problem, user, newest;
    if (PQstatus(c) == CONNECTION_OK) {
        PGresult* r = PQexec(c, "LISTEN sespm_changes");
        if (PQresultStatus(r) != PGRES_COMMAND_OK) problem = PQerrorMessage(c);
        PQclear(r);
        user = scalar(c, "SELECT session_user");
        newest = scalar(c, "SELECT coalesce(max(id), 0) FROM sespm.history");
        if (problem.empty() && newest.empty()) problem = "cannot read the project's history: " + std::string(PQerrorMessage(c));
    } else {
        problem = PQerrorMessage(c);
    }
    std::lock_guard<std::mutex> g(m_);
    if (!problem.empty()) {
        PQfinish(c);
        pending_.connected = false;
        pending_.problem = "live refresh: cannot listen on the server (" + problem.substr(0, problem.find('\n')) + "); trying again";
        return false;
    }
    conn = c;
    last_id_ = std::atoll(newest.c_str());
    seen_ids_.clear();
    pending_.connected = true;
    pending_.problem.clear();
    pending_.user = user;
    pending_.reconnected = ever_connected_;   // not the first connection: something may have changed meanwhile
    ever_connected_ = true;
    return true;
}

// History ids come from a sequence as rows are written, not as they commit: a transaction that
// took id 100 may commit after one that took 101. So each read looks this far behind the newest
// id seen and skips ids already seen.
constexpr long long kLateCommitWindow = 500;
constexpr int kReadLimit = 10000;

// Queues the history entries not seen yet (who wrote them is the history's, never a notice's
// word), or with `queue` false only notes them as seen (on connecting); false when the
// connection failed. more_entries_ says the read stopped at its limit.
bool ChangeListener::read_new_entries(void* conn, bool queue) {
    PGconn* c = static_cast<PGconn*>(conn);
    std::string after = std::to_string(std::max(0LL, last_id_ - kLateCommitWindow)), limit = std::to_string(kReadLimit);
    const char* params[] = {after.c_str(), limit.c_str()};
    PGresult* r = PQexecParams(c, "SELECT id, tbl, key, who FROM sespm.history WHERE id > $1::bigint ORDER BY id LIMIT $2::integer", 2,
                               nullptr, params, nullptr, nullptr, 0);
    bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
    more_entries_ = ok && PQntuples(r) >= kReadLimit;
    std::lock_guard<std::mutex> g(m_);
    for (int i = 0; ok && i < PQntuples(r); ++i) {
        ChangeNote note{std::atoll(PQgetvalue(r, i, 0)), PQgetvalue(r, i, 1), PQgetvalue(r, i, 2), PQgetvalue(r, i, 3)};
        if (!seen_ids_.insert(note.id).second) continue;
        last_id_ = std::max(last_id_, note.id);
        if (queue) pending_.changes.push_back(note);
    }
    seen_ids_.erase(seen_ids_.begin(), seen_ids_.lower_bound(last_id_ - kLateCommitWindow));
    PQclear(r);
    return ok;
}

// Waits for notices until the connection drops or the listener stops. A notice is only a hint
// that the history may have grown, whatever it says (anyone who can connect may NOTIFY): the
// history is read at once after a quiet second, else a second after the last read, so a burst
// (or a flood of forged notices) costs at most one read, and one reload, a second.
void ChangeListener::wait_for_notes(void* conn) {
    using Clock = std::chrono::steady_clock;
    PGconn* c = static_cast<PGconn*>(conn);
    bool hinted = false;
    Clock::time_point last_read = Clock::now() - std::chrono::seconds(2);
    while (!stop_) {
        int sock = PQsocket(c);
        fd_set in;
        FD_ZERO(&in);
        FD_SET(sock, &in);
        timeval tv{0, 100 * 1000};
        if (select(sock + 1, &in, nullptr, nullptr, &tv) < 0) break;
        if (PQconsumeInput(c) == 0) break;  // the server went away
        while (PGnotify* n = PQnotifies(c)) {
            PQfreemem(n);
            hinted = true;
        }
        if (hinted && Clock::now() - last_read >= std::chrono::seconds(1)) {
            hinted = false;
            last_read = Clock::now();
            if (!read_new_entries(conn, true)) break;
            hinted = more_entries_;  // the rest at the next second, without waiting for a notice
        }
    }
}

void ChangeListener::run() {
    while (!stop_) {
        void* conn = nullptr;
        if (listen_once(conn)) {
            if (read_new_entries(conn, false)) wait_for_notes(conn);  // the recent ids noted as seen, then listen
            PQfinish(static_cast<PGconn*>(conn));
            std::lock_guard<std::mutex> g(m_);
            pending_.connected = false;
            if (!stop_) pending_.problem = "live refresh: the connection to the server was lost; reconnecting";
        }
        for (int i = 0; i < 8 && !stop_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
}

} // namespace sespm
