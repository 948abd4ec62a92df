// pg_listen.cpp: see pg_listen.h. The thread owns its libpq connection; the queue is the only
// state it shares, behind a mutex.
#include "io/pg_listen.h"

#include <libpq-fe.h>
#include <sys/select.h>

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
    pending_.connected = true;
    pending_.problem.clear();
    pending_.user = user;
    pending_.reconnected = ever_connected_;   // not the first connection: something may have changed meanwhile
    ever_connected_ = true;
    return true;
}

// Queues the history entries after the last one seen (who wrote them is the history's, never
// a notice's word); false when the connection failed.
bool ChangeListener::read_new_entries(void* conn) {
    PGconn* c = static_cast<PGconn*>(conn);
    std::string after = std::to_string(last_id_);
    const char* params[] = {after.c_str()};
    PGresult* r = PQexecParams(c, "SELECT id, tbl, key, who FROM sespm.history WHERE id > $1::bigint ORDER BY id LIMIT 10000", 1, nullptr,
                               params, nullptr, nullptr, 0);
    bool ok = PQresultStatus(r) == PGRES_TUPLES_OK;
    std::lock_guard<std::mutex> g(m_);
    for (int i = 0; ok && i < PQntuples(r); ++i) {
        ChangeNote note{std::atoll(PQgetvalue(r, i, 0)), PQgetvalue(r, i, 1), PQgetvalue(r, i, 2), PQgetvalue(r, i, 3)};
        last_id_ = note.id;
        pending_.changes.push_back(note);
    }
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
            if (!read_new_entries(conn)) break;
        }
    }
}

void ChangeListener::run() {
    while (!stop_) {
        void* conn = nullptr;
        if (listen_once(conn)) {
            wait_for_notes(conn);
            PQfinish(static_cast<PGconn*>(conn));
            std::lock_guard<std::mutex> g(m_);
            pending_.connected = false;
            if (!stop_) pending_.problem = "live refresh: the connection to the server was lost; reconnecting";
        }
        for (int i = 0; i < 8 && !stop_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
}

} // namespace sespm
