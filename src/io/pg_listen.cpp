// pg_listen.cpp: see pg_listen.h. The thread owns its libpq connection; the queue is the only
// state it shares, behind a mutex.
#include "io/pg_listen.h"

#include <libpq-fe.h>
#include <sys/select.h>

#include <chrono>
#include <nlohmann/json.hpp>

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

// Connects and LISTENs; false (with the reason queued) when the server cannot be reached.
bool ChangeListener::listen_once(void*& conn) {
    const char* keys[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
    const char* vals[] = {"5", "sespm-map (live refresh)", location_.c_str(), nullptr};
    PGconn* c = PQconnectdbParams(keys, vals, 1);
    std::string problem;
    std::string user;
    if (PQstatus(c) == CONNECTION_OK) {
        PGresult* r = PQexec(c, "LISTEN sespm_changes");
        if (PQresultStatus(r) != PGRES_COMMAND_OK) problem = PQerrorMessage(c);
        PQclear(r);
        r = PQexec(c, "SELECT session_user");
        if (PQresultStatus(r) == PGRES_TUPLES_OK) user = PQgetvalue(r, 0, 0);
        PQclear(r);
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
    pending_.connected = true;
    pending_.problem.clear();
    pending_.user = user;
    pending_.reconnected = ever_connected_;   // not the first connection: something may have changed meanwhile
    ever_connected_ = true;
    return true;
}

// Waits for notifications until the connection drops or the listener stops.
void ChangeListener::wait_for_notes(void* conn) {
    PGconn* c = static_cast<PGconn*>(conn);
    while (!stop_) {
        int sock = PQsocket(c);
        fd_set in;
        FD_ZERO(&in);
        FD_SET(sock, &in);
        timeval tv{0, 250 * 1000};
        if (select(sock + 1, &in, nullptr, nullptr, &tv) < 0) break;
        if (PQconsumeInput(c) == 0) break;  // the server went away
        while (PGnotify* n = PQnotifies(c)) {
            nlohmann::json j = nlohmann::json::parse(n->extra ? n->extra : "", nullptr, false);
            PQfreemem(n);
            if (!j.is_object()) continue;
            ChangeNote note{j.value("id", 0LL), j.value("table", ""), j.value("key", ""), j.value("who", "")};
            std::lock_guard<std::mutex> g(m_);
            pending_.changes.push_back(note);
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
